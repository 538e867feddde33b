import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { iavaDimensions } from '../../../../shared/domain';
import { api } from '../../../app/api';
import { formatNumber } from '../../../app/format';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { PlansNav, type PlanUnit, unitLabel, useValueNames } from './shared';

/** /actieplan/entiteit: an entity's (or division's) plan rolled up over everything below it. */
export function RollupPage() {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useSearchParams();
  const scopes = useQuery({
    queryKey: ['entities', 'plan-scopes'],
    queryFn: () => api.entitiesPlans.scopes(),
  });
  const requested = Number(search.get('eenheid')) || null;
  return (
    <>
      <PageTitle>{t('entitiesPlans.rollup.title')}</PageTitle>
      <PlansNav />
      <p className="lead">{t('entitiesPlans.rollup.lead')}</p>
      <QueryState query={scopes}>
        {(data) => {
          // Roots worth rolling up: the highest units the caller keeps (entities first).
          const roots = data.units.filter((u) => u.canEdit && u.kind !== 'team');
          const root = roots.find((u) => u.unitId === requested) ?? roots[0];
          if (!root) return <p>{t('entitiesPlans.plan.noUnits')}</p>;
          return (
            <>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-root`}>
                  {t('entitiesPlans.rollup.entity')}
                </label>
                <select
                  id={`${id}-root`}
                  className="ent-native"
                  value={root.unitId}
                  onChange={(event) => setSearch({ eenheid: event.target.value })}
                >
                  {roots.map((u) => (
                    <option key={u.unitId} value={u.unitId}>
                      {unitLabel(u, t)}
                    </option>
                  ))}
                </select>
              </div>
              <Rollup root={root} key={root.unitId} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function Rollup({ root }: { root: PlanUnit }) {
  const { t } = useTranslation();
  const { name } = useValueNames();
  const plan = useQuery({
    queryKey: ['entities', 'plan', root.unitId, true, '', '', ''],
    queryFn: () => api.entitiesPlans.plan({ params: { unitId: root.unitId }, query: { rollup: 'true' } }),
  });
  return (
    <QueryState query={plan}>
      {(data) => {
        const units = data.units.filter((u) => data.initiatives.some((i) => i.unit.unitId === u.unitId));
        return (
          <>
            <section
              className="table-wrap"
              aria-label={t('entitiesPlans.rollup.caption')}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
              tabIndex={0}
            >
              <table className="table ent-matrix">
                <caption className="table__caption">{t('entitiesPlans.rollup.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('entitiesPlans.plan.unitOf')}</th>
                    {iavaDimensions.map((d) => (
                      <th scope="col" key={d}>
                        {t(`entitiesPlans.dimension.${d}`)}
                      </th>
                    ))}
                    <th scope="col">{t('entitiesPlans.coverage.sum')}</th>
                  </tr>
                </thead>
                <tbody>
                  {units.map((u) => {
                    const mine = data.initiatives.filter((i) => i.unit.unitId === u.unitId);
                    return (
                      <tr key={u.unitId}>
                        <th scope="row" style={{ paddingLeft: `${0.5 + (u.depth - root.depth) * 1.25}rem` }}>
                          <Link to={`${paths.actionPlan}?eenheid=${u.unitId}`}>{unitLabel(u, t)}</Link>
                        </th>
                        {iavaDimensions.map((d) => {
                          const n = mine.filter((i) => i.dimension === d).length;
                          return (
                            <td key={d} className={n === 0 ? 'ent-zero' : undefined}>
                              {formatNumber(n)}
                            </td>
                          );
                        })}
                        <td>{formatNumber(mine.length)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
            {iavaDimensions.map((d) => {
              const items = data.initiatives.filter((i) => i.dimension === d);
              if (items.length === 0) return null;
              return (
                <section key={d} aria-labelledby={`rollup-${d}`}>
                  <h2 id={`rollup-${d}`}>{t(`entitiesPlans.dimension.${d}`)}</h2>
                  <ul>
                    {items.map((i) => (
                      <li key={i.id}>
                        <strong>{i.title}</strong> — {unitLabel(i.unit, t)} ·{' '}
                        {t(`entitiesPlans.status.${i.status}`)} · {i.values.map(name).join(', ')}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
            {data.surveyActions.length > 0 ? (
              <section aria-labelledby="rollup-survey">
                <h2 id="rollup-survey">
                  {t('entitiesPlans.plan.surveyActions', { count: data.surveyActions.length })}
                </h2>
                <ul>
                  {data.surveyActions.map((a) => (
                    <li key={a.id}>
                      <strong>{a.title}</strong> —{' '}
                      {t(`entitiesPlans.plan.surveyStatus.${a.status}`, { defaultValue: a.status })}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}
