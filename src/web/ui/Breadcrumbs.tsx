import { Breadcrumbs as AriaBreadcrumbs, Breadcrumb, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export type Crumb = { href?: string; label: string };

/** The last crumb is the current page (aria-current="page", not a link). */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('web.common.breadcrumbs')} className="breadcrumbs">
      <AriaBreadcrumbs className="breadcrumbs__list">
        {items.map((item, index) => (
          <Breadcrumb key={item.href ?? item.label} className="breadcrumbs__item">
            <Link href={index === items.length - 1 ? undefined : item.href} className="breadcrumbs__link">
              {item.label}
            </Link>
          </Breadcrumb>
        ))}
      </AriaBreadcrumbs>
    </nav>
  );
}
