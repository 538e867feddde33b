import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { entitiesPlansApi } from '../../../../shared/api/entities-plans';
import { api } from '../../../app/api';
import { formatNumber } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { pick } from '../../public/localized';
import { PlansNav, useValueNames } from './shared';

type Coverage = RouteOutput<typeof entitiesPlansApi.routes.coverage>;

/** /actieplan/dekking (programme admin): value × IAVA dimension, for all entities or one. */
export function CoveragePage() {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const [entityId, setEntityId] = useState<number | null>(null);
  const coverage = useQuery({
    queryKey: ['entities', 'coverage'],
    queryFn: () => api.entitiesPlans.coverage(),
  });
  return (
    <>
      <PageTitle>{t('entitiesPlans.coverage.title')}</PageTitle>
      <PlansNav />
      <p className="lead">{t('entitiesPlans.coverage.lead')}</p>
      <QueryState query={coverage}>
        {(data) => {
          const entity = data.entities.find((e) => e.unitId === entityId);
          return (
            <>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-entity`}>
                  {t('entitiesPlans.coverage.entity')}
                </label>
                <select
                  id={`${id}-entity`}
                  className="ent-native"
                  value={entityId ?? ''}
                  onChange={(event) => setEntityId(event.target.value ? Number(event.target.value) : null)}
                >
                  <option value="">{t('entitiesPlans.coverage.total')}</option>
                  {data.entities.map((e) => (
                    <option key={e.unitId} value={e.unitId}>
                      {pick(locale, e.nameNl, e.nameEn)}
                    </option>
                  ))}
                </select>
              </div>
              <Matrix
                data={data}
                counts={entity ? entity.counts : data.total}
                scope={
                  entity ? pick(locale, entity.nameNl, entity.nameEn) : t('entitiesPlans.coverage.total')
                }
              />
              <EntityTable data={data} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function Matrix({ data, counts, scope }: { data: Coverage; counts: Coverage['total']; scope: string }) {
  const { t } = useTranslation();
  const { name } = useValueNames();
  const columnTotal = (d: Coverage['dimensions'][number]) =>
    data.values.reduce((sum, v) => sum + (counts[v]?.[d] ?? 0), 0);
  return (
    <section
      className="table-wrap"
      aria-label={t('entitiesPlans.coverage.caption', { scope })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
    >
      <table className="table ent-matrix">
        <caption className="table__caption">{t('entitiesPlans.coverage.caption', { scope })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('entitiesPlans.coverage.value')}</th>
            {data.dimensions.map((d) => (
              <th scope="col" key={d}>
                {t(`entitiesPlans.dimension.${d}`)}
              </th>
            ))}
            <th scope="col">{t('entitiesPlans.coverage.sum')}</th>
          </tr>
        </thead>
        <tbody>
          {data.values.map((v) => (
            <tr key={v}>
              <th scope="row">{name(v)}</th>
              {data.dimensions.map((d) => {
                const n = counts[v]?.[d] ?? 0;
                return (
                  <td key={d} className={n === 0 ? 'ent-zero' : undefined}>
                    {formatNumber(n)}
                  </td>
                );
              })}
              <td>{formatNumber(data.dimensions.reduce((sum, d) => sum + (counts[v]?.[d] ?? 0), 0))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('entitiesPlans.coverage.sum')}</th>
            {data.dimensions.map((d) => (
              <td key={d}>{formatNumber(columnTotal(d))}</td>
            ))}
            <td>{formatNumber(data.dimensions.reduce((sum, d) => sum + columnTotal(d), 0))}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function EntityTable({ data }: { data: Coverage }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const gaps = (e: Coverage['entities'][number]) =>
    data.dimensions.filter((d) => data.values.every((v) => (e.counts[v]?.[d] ?? 0) === 0)).length;
  return (
    <section aria-labelledby="coverage-entities">
      <h2 id="coverage-entities">{t('entitiesPlans.coverage.perEntity')}</h2>
      <section
        className="table-wrap"
        aria-label={t('entitiesPlans.coverage.entitiesCaption')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
      >
        <table className="table ent-matrix">
          <caption className="table__caption">{t('entitiesPlans.coverage.entitiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('entitiesPlans.coverage.entity')}</th>
              <th scope="col">{t('entitiesPlans.coverage.initiatives')}</th>
              <th scope="col">{t('entitiesPlans.coverage.gaps')}</th>
            </tr>
          </thead>
          <tbody>
            {data.entities.map((e) => (
              <tr key={e.unitId}>
                <th scope="row">{pick(locale, e.nameNl, e.nameEn)}</th>
                <td>{formatNumber(e.initiatives)}</td>
                <td>{formatNumber(gaps(e))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
