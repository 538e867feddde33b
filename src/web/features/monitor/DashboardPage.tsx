import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointOut } from '../../../shared/api/monitor';
import { api } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { type DashboardIndicator, formatFigure, Light, MonitorNav, TrendChart } from './shared';

type Group = { key: string; title: string; items: DashboardIndicator[] };

function groupsOf(indicators: DashboardIndicator[], t: TFunction): Group[] {
  const groups = new Map<string, Group>();
  for (const indicator of indicators) {
    const key =
      indicator.objective !== null
        ? `o${indicator.objective}`
        : indicator.strategy !== null
          ? `s${indicator.strategy}`
          : 'x';
    const title =
      indicator.objective !== null
        ? t('monitor.objective', { n: indicator.objective })
        : indicator.strategy !== null
          ? t('monitor.strategy', { n: indicator.strategy })
          : t('monitor.other');
    const group = groups.get(key) ?? { key, title, items: [] };
    group.items.push(indicator);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function Figure({ point, unit }: { point: PointOut | undefined; unit: DashboardIndicator['unit'] }) {
  const { t } = useTranslation();
  if (!point) return <>{t('monitor.dashboard.noFigure')}</>;
  if (point.hidden || point.value === null) return <>{t('monitor.dashboard.hidden')}</>;
  return <>{formatFigure(point.value, unit)}</>;
}

function DrillDown({
  indicator,
  unitId,
  name,
}: {
  indicator: DashboardIndicator;
  unitId?: number;
  name: string;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['monitor', 'drill-down', indicator.key, unitId ?? null],
    queryFn: () => api.monitor.drillDown({ query: { indicatorKey: indicator.key, unitId } }),
  });
  return (
    <QueryState query={query}>
      {(data) =>
        data.rows.length === 0 ? (
          <p>{t('monitor.dashboard.drillDownNone')}</p>
        ) : (
          <section
            className="table-wrap"
            aria-label={t('monitor.dashboard.drillDownOf', { name, period: data.periodKey })}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
            tabIndex={0}
          >
            <table className="table">
              <caption className="table__caption">
                {t('monitor.dashboard.drillDownOf', { name, period: data.periodKey })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitor.dashboard.unit')}</th>
                  <th scope="col">{t('monitor.dashboard.value')}</th>
                  <th scope="col">{t('monitor.dashboard.people')}</th>
                  <th scope="col">{t('monitor.targets.target')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    <td>
                      <Figure point={row.point} unit={indicator.unit} /> <Light light={row.point.light} />
                    </td>
                    <td>{row.point.people ?? '—'}</td>
                    <td>
                      {row.point.target === null ? '—' : formatFigure(row.point.target, indicator.unit)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      }
    </QueryState>
  );
}

function Tile({
  indicator,
  periods,
  entityName,
}: {
  indicator: DashboardIndicator;
  periods: string[];
  entityName: string | null;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [open, setOpen] = useState(false);
  const label = indicator.label[locale];
  const government = t('monitor.government');
  const latest = (points: PointOut[]) => points.find((p) => p.periodKey === periods.at(-1));
  const gov = latest(indicator.government.points);
  const own = indicator.entity ? latest(indicator.entity.points) : undefined;
  const series = [
    { label: government, points: indicator.government.points },
    ...(indicator.entity ? [{ label: entityName ?? '', points: indicator.entity.points, dashed: true }] : []),
  ];
  return (
    <article className="mon-tile" aria-labelledby={`tile-${indicator.key}`}>
      <h3 id={`tile-${indicator.key}`}>{label}</h3>
      <div className="mon-tile__figures">
        {series.map((s) => {
          const point = s === series[0] ? gov : own;
          return (
            <div key={s.label}>
              <div>{s.label}</div>
              <div className="mon-tile__value">
                <Figure point={point} unit={indicator.unit} />
              </div>
              <Light light={point?.light ?? null} />
              <div className="muted">
                {point?.target === null || point?.target === undefined
                  ? t('monitor.dashboard.noTarget')
                  : t('monitor.dashboard.target', { value: formatFigure(point.target, indicator.unit) })}
              </div>
            </div>
          );
        })}
      </div>
      <TrendChart
        title={t('monitor.dashboard.trend', { label })}
        periods={periods}
        series={series}
        unit={indicator.unit}
      />
      <section
        className="table-wrap"
        aria-label={t('monitor.dashboard.trend', { label })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
      >
        <table className="table">
          <caption className="table__caption">{t('monitor.dashboard.trend', { label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.dashboard.period')}</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                {series.map((s) => (
                  <td key={s.label}>
                    <Figure point={s.points.find((x) => x.periodKey === p)} unit={indicator.unit} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Button variant="secondary" onPress={() => setOpen(!open)} aria-expanded={open}>
        {open ? t('monitor.dashboard.close') : t('monitor.dashboard.drillDown')}
      </Button>
      {open ? (
        <DrillDown
          indicator={indicator}
          unitId={indicator.entity?.unitId ?? undefined}
          name={indicator.entity ? (entityName ?? '') : government}
        />
      ) : null}
    </article>
  );
}

/** /monitor: the indicators per objective and strategy, with lights, trends and drill-down. */
export function DashboardPage() {
  const { t } = useTranslation();
  const id = useId();
  const [entityId, setEntityId] = useState<number | undefined>(undefined);
  const query = useQuery({
    queryKey: ['monitor', 'dashboard', entityId ?? null],
    queryFn: () => api.monitor.dashboard({ query: { entityId } }),
  });
  return (
    <>
      <PageTitle>{t('monitor.dashboard.title')}</PageTitle>
      <MonitorNav />
      <p className="lead">{t('monitor.dashboard.lead')}</p>
      <QueryState query={query}>
        {(data) => {
          const periods = data.periods.map((p) => p.key);
          const synthetic = data.periods.filter((p) => p.synthetic).map((p) => p.key);
          const entityName = data.entities.find((e) => e.id === data.entityId)?.name ?? null;
          return (
            <>
              {data.entities.length > 0 ? (
                <div className="field">
                  <label className="field__label" htmlFor={`${id}-entity`}>
                    {t('monitor.dashboard.entity')}
                  </label>
                  <select
                    id={`${id}-entity`}
                    className="mon-native"
                    value={data.entityId ?? ''}
                    onChange={(event) =>
                      setEntityId(event.target.value === '' ? undefined : Number(event.target.value))
                    }
                  >
                    {data.entities.length > 1 || data.entityId === null ? (
                      <option value="">{t('monitor.dashboard.allEntities')}</option>
                    ) : null}
                    {data.entities.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {synthetic.length > 0 ? (
                <Alert tone="info">
                  {t('monitor.dashboard.synthetic', { periods: synthetic.join(', ') })}
                </Alert>
              ) : null}
              {periods.length === 0 ? <p>{t('monitor.dashboard.none')}</p> : null}
              {periods.length > 0
                ? groupsOf(data.indicators, t).map((group) => (
                    <section key={group.key} className="mon-group" aria-labelledby={`${id}-${group.key}`}>
                      <h2 id={`${id}-${group.key}`}>{group.title}</h2>
                      <div className="mon-tiles">
                        {group.items.map((indicator) => (
                          <Tile
                            key={indicator.key}
                            indicator={indicator}
                            periods={periods}
                            entityName={entityName}
                          />
                        ))}
                      </div>
                    </section>
                  ))
                : null}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
