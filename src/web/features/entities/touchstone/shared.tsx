import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { entitiesTouchstoneApi } from '../../../../shared/api/entities-touchstone';
import { paths } from '../../../app/paths';
import { hasRole, useMe } from '../../../app/session';
import '../entities.css';

export type Decision = RouteOutput<typeof entitiesTouchstoneApi.routes.get>;
export type DecisionList = RouteOutput<typeof entitiesTouchstoneApi.routes.list>;
export type Indicator = RouteOutput<typeof entitiesTouchstoneApi.routes.indicator>;

export const decisionHref = (id: number) => paths.touchstoneDecision.replace(':id', String(id));

export function TouchstoneNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  const items: { to: string; label: string }[] = [];
  if (hasRole(me, 'manager', 'top_executive', 'programme_admin'))
    items.push({ to: paths.touchstone, label: t('entitiesTouchstone.nav.mine') });
  items.push({ to: `${paths.touchstone}?lijst=gedeeld`, label: t('entitiesTouchstone.nav.shared') });
  if (hasRole(me, 'entity_coordinator', 'top_executive', 'programme_admin'))
    items.push({ to: paths.touchstoneIndicator, label: t('entitiesTouchstone.nav.indicator') });
  return (
    <nav className="ent-subnav" aria-label={t('entitiesTouchstone.nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
