import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../../app/paths';

/** The supervisor's pages: the live board, the opening hours, the canned answers and the figures per agent. */
export function SupervisorNav() {
  const { t } = useTranslation();
  const links = [
    { to: paths.contactSupervisor, label: t('contactSupervisor.title') },
    { to: paths.contactHours, label: t('contactSupervisor.hours.nav') },
    { to: paths.contactCanned, label: t('contactSupervisor.canned.nav') },
    { to: paths.contactAgentStats, label: t('contactSupervisor.agents.nav') },
  ];
  return (
    <nav className="supervisor__nav" aria-label={t('contactSupervisor.sectionNav')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
