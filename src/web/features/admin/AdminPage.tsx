import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { PageTitle } from '../../ui/PageTitle';

/** Frame shared by the admin pages: breadcrumbs back to the overview, the title and a lead. */
export function AdminPage({ section, children }: { section: string; children: ReactNode }) {
  const { t } = useTranslation();
  const title = t(`web.admin.sections.${section}.title`);
  return (
    <>
      <Breadcrumbs items={[{ href: paths.admin, label: t('web.admin.title') }, { label: title }]} />
      <PageTitle>{title}</PageTitle>
      <p className="lead">{t(`web.admin.sections.${section}.text`)}</p>
      {children}
    </>
  );
}
