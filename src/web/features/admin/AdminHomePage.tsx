import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { PageTitle } from '../../ui/PageTitle';
import { EntitiesTiles } from '../entities/profile/EntitiesLinks';

export const adminSections = [
  { key: 'org', href: paths.adminOrg },
  { key: 'roster', href: paths.adminRoster },
  { key: 'values', href: paths.adminValues },
  { key: 'content', href: paths.adminContent },
  { key: 'feedback', href: paths.adminFeedback },
  { key: 'accounts', href: paths.adminAccounts },
  { key: 'audit', href: paths.adminAudit },
  { key: 'mailbox', href: paths.adminMailbox },
  { key: 'backups', href: paths.adminBackups },
  { key: 'monitorInstruments', href: paths.adminMonitorInstruments },
  { key: 'monitorReports', href: paths.adminMonitorReports },
] as const;

export function AdminHomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('web.admin.title')}</PageTitle>
      <p className="lead">{t('web.admin.lead')}</p>
      <ul className="tiles">
        {adminSections.map((section) => (
          <li key={section.key} className="tile">
            <Link to={section.href} className="tile__link">
              <span className="tile__title">{t(`web.admin.sections.${section.key}.title`)}</span>
              <span className="tile__text">{t(`web.admin.sections.${section.key}.text`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <EntitiesTiles admin />
    </>
  );
}
