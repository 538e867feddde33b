import { useTranslation } from 'react-i18next';

/** First focusable element on every page; moves focus to the main content without changing the URL. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={`#${target}`}
      className="skip-link"
      onClick={(event) => {
        const element = document.getElementById(target);
        if (!element) return;
        event.preventDefault();
        element.focus();
        element.scrollIntoView({ block: 'start' });
      }}
    >
      {t('web.common.skipToContent')}
    </a>
  );
}
