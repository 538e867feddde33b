import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * HTML that the server rendered from Markdown and sanitised on save. Clicks on same-site links are
 * routed client-side, so following a link inside a page does not reload the app.
 */
export function ContentBody({ html }: { html: string }) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor || anchor.target === '_blank' || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    navigate(`${url.pathname}${url.search}${url.hash}`);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: delegation for the links inside, which are keyboard-operable themselves.
    <div
      className="prose"
      onClick={onClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitises the HTML it renders from Markdown.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
