import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * After a client-side navigation screen readers hear nothing; the layout raises this flag on every
 * path change and the next page title to mount takes focus, so the new page is announced.
 */
let focusOnNextTitle = false;
export function requestTitleFocus() {
  focusOnNextTitle = true;
}

/** The page's h1 and the document title ("Title | Waarden in Actie"). */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    document.title = text ? `${text} | ${t('web.app.name')}` : t('web.app.name');
  }, [text, t]);

  useEffect(() => {
    if (focusOnNextTitle) {
      focusOnNextTitle = false;
      ref.current?.focus();
    }
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
