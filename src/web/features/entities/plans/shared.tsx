import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { entitiesPlansApi } from '../../../../shared/api/entities-plans';
import { type ValueKey, valueKeys } from '../../../../shared/domain';
import { currentLocale } from '../../../app/i18n';
import { paths } from '../../../app/paths';
import { hasRole, useMe } from '../../../app/session';
import { valueName } from '../../public/localized';
import { useFramework } from '../../public/queries';
import '../entities.css';

export type Plan = RouteOutput<typeof entitiesPlansApi.routes.plan>;
export type Initiative = Plan['initiatives'][number];
export type SurveyAction = Plan['surveyActions'][number];
export type PlanUnit = RouteOutput<typeof entitiesPlansApi.routes.scopes>['units'][number];
export type Project = RouteOutput<typeof entitiesPlansApi.routes.projects>[number];

/** The value names in the reader's language, from the published framework (the keys until it loads). */
export function useValueNames(): { keys: readonly ValueKey[]; name: (key: ValueKey | string) => string } {
  const framework = useFramework();
  const locale = currentLocale();
  const values = framework.data?.values ?? [];
  return {
    keys: valueKeys,
    name: (key) => {
      const value = values.find((v) => v.key === key);
      return value ? valueName(locale, value) : key;
    },
  };
}

/** A unit's name in the reader's language, indented by depth when it is listed as a tree. */
export function unitLabel(
  unit: { nameNl: string; nameEn: string | null; kind?: string },
  t: (k: string) => string,
) {
  const name = currentLocale() === 'en' && unit.nameEn ? unit.nameEn : unit.nameNl;
  return unit.kind ? `${name} (${t(`entitiesPlans.kind.${unit.kind}`)})` : name;
}

export function PlansNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  const items: { to: string; label: string }[] = [
    { to: paths.actionPlan, label: t('entitiesPlans.nav.plan') },
  ];
  if (hasRole(me, 'manager', 'entity_coordinator', 'top_executive', 'programme_admin'))
    items.push({ to: paths.actionPlanRollup, label: t('entitiesPlans.nav.rollup') });
  if (hasRole(me, 'programme_admin')) {
    items.push({ to: paths.actionPlanCoverage, label: t('entitiesPlans.nav.coverage') });
    items.push({ to: paths.actionPlanProjects, label: t('entitiesPlans.nav.projects') });
  }
  return (
    <nav className="ent-subnav" aria-label={t('entitiesPlans.nav.label')}>
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
