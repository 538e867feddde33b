import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { surveyResultsApi } from '../../../../shared/api/survey-results';
import { api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { paths } from '../../../app/paths';
import { Alert } from '../../../ui/Alert';
import { PageTitle } from '../../../ui/PageTitle';
import { Loading, QueryState } from '../../../ui/QueryState';
import { Select } from '../../../ui/Select';
import { Table } from '../../../ui/Table';
import { Tab, TabList, TabPanel, Tabs } from '../../../ui/Tabs';
import { ActionsPanel } from '../actions/ActionsPanel';
import './results.css';
import { unitOptions } from './unit-tree';

type Routes = typeof surveyResultsApi.routes;
type WaveOverview = RouteOutput<Routes['overview']>;
type UnitReport = RouteOutput<Routes['unitReport']>;
type Trend = NonNullable<UnitReport['values'][number]['trend']>;
type Heatmap = RouteOutput<Routes['heatmap']>;

function useLang() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const tag = en ? 'en-GB' : 'nl-BE';
  return {
    t,
    en,
    name: (o: { nameNl: string; nameEn: string | null }) => (en ? o.nameEn || o.nameNl : o.nameNl),
    text: (nl: string, enText: string) => (en ? enText || nl : nl),
    num: (x: number | null | undefined, digits = 1) =>
      x === null || x === undefined
        ? null
        : x.toLocaleString(tag, { maximumFractionDigits: digits, minimumFractionDigits: digits }),
    pct: (x: number | null | undefined) =>
      x === null || x === undefined
        ? null
        : x.toLocaleString(tag, { style: 'percent', maximumFractionDigits: 0 }),
  };
}

/** A suppressed figure: a dash for the eye, the word for screen readers. */
function Hidden() {
  const { t } = useTranslation();
  return (
    <span className="sr-hidden-figure">
      <span aria-hidden="true">{t('surveyResults.hiddenShort')}</span>
      <span className="visually-hidden">{t('surveyResults.hidden')}</span>
    </span>
  );
}

/** A comparison that does not exist (the top level has no level above it), told apart from a hidden one. */
function NotApplicable() {
  const { t } = useTranslation();
  return (
    <span>
      <span aria-hidden="true">{t('surveyResults.notApplicableShort')}</span>
      <span className="visually-hidden">{t('surveyResults.notApplicable')}</span>
    </span>
  );
}

function Figure({ children }: { children: ReactNode | null }) {
  if (children === null) return <Hidden />;
  return children;
}

function TrendText({
  trend,
  digits = 1,
  scale = 1,
}: {
  trend: Trend | null;
  digits?: number;
  /** 100 for shares shown in percentage points. */
  scale?: number;
}) {
  const { t, num } = useLang();
  if (!trend) return <Hidden />;
  const arrow = trend.difference > 0 ? '▲' : trend.difference < 0 ? '▼' : '•';
  const sign = (x: number) => `${x * scale > 0 ? '+' : ''}${num(x * scale, digits)}`;
  return (
    <span className={trend.significant ? 'trend trend--significant' : 'trend'}>
      <span aria-hidden="true">{arrow} </span>
      {t('surveyResults.trend.text', {
        difference: sign(trend.difference),
        low: sign(trend.low),
        high: sign(trend.high),
        mark: trend.significant
          ? t('surveyResults.trend.significant')
          : trend.tested
            ? t('surveyResults.trend.notSignificant')
            : t('surveyResults.trend.notTested'),
      })}
      {trend.significant ? <span aria-hidden="true"> *</span> : null}
    </span>
  );
}

export function ResultsHomePage() {
  const { t, text } = useLang();
  const waves = useQuery({
    queryKey: ['survey-results', 'waves'],
    queryFn: () => api.surveyResults.waves(),
  });
  return (
    <div className="survey-results">
      <PageTitle>{t('surveyResults.home.title')}</PageTitle>
      <p className="lead">{t('surveyResults.home.intro')}</p>
      <QueryState query={waves}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('surveyResults.home.empty')}</p>
          ) : (
            <ul className="survey-results__waves">
              {list.map((w) => (
                <li key={w.id} className="tile">
                  <h2 className="tile__title">{text(w.titleNl, w.titleEn)}</h2>
                  <p className="muted">
                    {w.status === 'closed'
                      ? t('surveyResults.home.closed', { date: formatDate(w.closesOn) })
                      : t('surveyResults.home.open', { date: formatDate(w.closesOn) })}
                  </p>
                  {w.roots.length === 0 && w.status === 'closed' ? (
                    <p>{t('surveyResults.home.summaryOnly')}</p>
                  ) : null}
                  <p className="survey-results__links">
                    {w.status === 'closed' ? (
                      <Link to={`${paths.surveyResults}/${w.id}`}>{t('surveyResults.home.results')}</Link>
                    ) : null}
                    {w.roots.length > 0 ? (
                      <Link to={`${paths.surveyParticipation}/${w.id}`}>
                        {t('surveyResults.home.participation')}
                      </Link>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}

export function WaveResultsPage() {
  const { text } = useLang();
  const { waveId } = useParams();
  const overview = useQuery({
    queryKey: ['survey-results', 'wave', waveId],
    queryFn: () => api.surveyResults.overview({ params: { waveId } }),
  });
  return (
    <div className="survey-results">
      <QueryState query={overview}>
        {(w) => (
          <>
            <PageTitle>{text(w.titleNl, w.titleEn)}</PageTitle>
            <WaveBody wave={w} />
          </>
        )}
      </QueryState>
    </div>
  );
}

/**
 * Where a reader lands without choosing: their own unit, or, when that group is too small to show, the
 * nearest level above it that shows results (`from` names the unit they were moved away from).
 */
function useLandingUnit(wave: WaveOverview, start: number, enabled: boolean) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['survey-results', 'landing', wave.id, start],
    enabled,
    queryFn: async (): Promise<{ id: number; from?: number }> => {
      // Up the listed tree first; above the reader's own subtree only their entity and the whole
      // government are listed (as summaries), nearest first.
      const chain: number[] = [];
      const listed = new Set(wave.units.map((u) => u.id));
      for (let id: number | null | undefined = start; id !== null && id !== undefined && listed.has(id); ) {
        chain.push(id);
        id = wave.units.find((u) => u.id === id)?.parentId;
      }
      for (const id of [...wave.summary].reverse()) if (!chain.includes(id)) chain.push(id);
      for (const id of chain) {
        const report = await api.surveyResults.unitReport({
          params: { waveId: wave.id, unitId: id },
          query: { filter: '' },
        });
        // The overview of the unit landed on shows this same report: kept, so it is not fetched twice.
        client.setQueryData(['survey-results', 'unit', wave.id, id, ''], report);
        if (report.respondents !== null) return id === start ? { id } : { id, from: start };
      }
      return { id: start };
    },
  });
}

function WaveBody({ wave }: { wave: WaveOverview }) {
  const { t, name, text, en } = useLang();
  const [search, setSearch] = useSearchParams();
  const defaultUnit = wave.roots[0] ?? wave.summary[0] ?? wave.govId;
  const chosen = search.get('eenheid');
  const landing = useLandingUnit(wave, defaultUnit, chosen === null);
  const unitId = Number(chosen ?? landing.data?.id ?? defaultUnit);
  const unit = wave.units.find((u) => u.id === unitId) ?? wave.units.find((u) => u.id === defaultUnit);
  const options = unitOptions(wave.units, name, en ? 'en' : 'nl');
  const detail = unit?.access === 'detail';
  const filter = detail ? (search.get('filter') ?? '') : '';
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      filter
        .split(',')
        .filter(Boolean)
        .map((p) => p.split(':') as [string, string]),
    ),
  );
  if (chosen === null && landing.isPending) return <Loading />;
  if (!unit) return <Alert tone="warning">{t('surveyResults.home.empty')}</Alert>;
  const landedFrom =
    chosen === null && landing.data?.from !== undefined
      ? wave.units.find((u) => u.id === landing.data?.from)
      : undefined;
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const applyFilter = () => {
    const parts = Object.entries(draft)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}:${v}`)
      .slice(0, wave.combinedFilters ? 2 : 1);
    setParam('filter', parts.join(','));
  };
  const exportHref = (format: 'csv' | 'xlsx') =>
    api.surveyResults.export.href({
      params: { waveId: wave.id, unitId: unit.id, format },
      query: { filter },
    });
  return (
    <>
      {landedFrom ? (
        <Alert tone="info">
          {t('surveyResults.wave.landedAbove', { unit: name(landedFrom), shown: name(unit) })}
        </Alert>
      ) : null}
      <section className="survey-results__controls" aria-label={t('surveyResults.wave.unit')}>
        <Select
          label={t('surveyResults.wave.unit')}
          options={options.map((o) => ({ id: String(o.id), label: o.label }))}
          selectedKey={String(unit.id)}
          onSelectionChange={(key) => {
            const next = new URLSearchParams(search);
            next.set('eenheid', String(key));
            setSearch(next, { replace: true });
          }}
        />
        {detail && wave.demographics.length > 0 ? (
          <form
            className="survey-results__filters"
            onSubmit={(e) => {
              e.preventDefault();
              applyFilter();
            }}
          >
            <fieldset>
              <legend>{t('surveyResults.wave.filters')}</legend>
              {wave.demographics.map((d) => (
                <Select
                  key={d.key}
                  label={text(d.labelNl, d.labelEn)}
                  options={[
                    { id: '', label: t('surveyResults.wave.noFilter') },
                    ...d.options.map((o, i) => ({ id: String(i + 1), label: text(o.nl, o.en) })),
                  ]}
                  selectedKey={draft[d.key] ?? ''}
                  onSelectionChange={(key) => setDraft((cur) => ({ ...cur, [d.key]: String(key) }))}
                />
              ))}
              <button type="submit" className="btn btn--secondary">
                {t('surveyResults.wave.apply')}
              </button>
            </fieldset>
          </form>
        ) : null}
        <p className="survey-results__export">
          <span>{t('surveyResults.wave.export')}: </span>
          <a href={exportHref('csv')} download>
            {t('surveyResults.wave.exportCsv')}
          </a>{' '}
          <a href={exportHref('xlsx')} download>
            {t('surveyResults.wave.exportXlsx')}
          </a>
        </p>
      </section>
      <Tabs>
        <TabList aria-label={t('surveyResults.wave.tabs')}>
          <Tab id="overview">{t('surveyResults.wave.overview')}</Tab>
          {detail ? <Tab id="heatmap">{t('surveyResults.wave.heatmap')}</Tab> : null}
          {detail ? <Tab id="drivers">{t('surveyResults.wave.drivers')}</Tab> : null}
          {detail ? <Tab id="comments">{t('surveyResults.wave.comments')}</Tab> : null}
          {detail ? <Tab id="actions">{t('surveyResults.wave.actions')}</Tab> : null}
        </TabList>
        <TabPanel id="overview">
          <UnitOverview waveId={wave.id} unitId={unit.id} filter={filter} />
        </TabPanel>
        {detail ? (
          <>
            <TabPanel id="heatmap">
              <HeatmapView waveId={wave.id} unitId={unit.id} filter={filter} />
            </TabPanel>
            <TabPanel id="drivers">
              <DriversView waveId={wave.id} unitId={unit.id} />
            </TabPanel>
            <TabPanel id="comments">
              <CommentsView waveId={wave.id} unitId={unit.id} />
            </TabPanel>
            <TabPanel id="actions">
              <ActionsPanel waveId={wave.id} unitId={unit.id} />
            </TabPanel>
          </>
        ) : null}
      </Tabs>
    </>
  );
}

function Distribution({ shares, labels }: { shares: number[]; labels: string[] }) {
  const { pct } = useLang();
  const text = shares.map((s, i) => `${labels[i]}: ${pct(s)}`).join(', ');
  return (
    <span className="distribution" title={text}>
      <span className="distribution__bar" aria-hidden="true">
        {shares.map((s, i) => (
          <span
            key={labels[i]}
            className={`distribution__part distribution__part--${i}`}
            style={{ width: `${s * 100}%` }}
          />
        ))}
      </span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

function UnitOverview({ waveId, unitId, filter }: { waveId: number; unitId: number; filter: string }) {
  const { t, text, num, pct } = useLang();
  const report = useQuery({
    queryKey: ['survey-results', 'unit', waveId, unitId, filter],
    queryFn: () => api.surveyResults.unitReport({ params: { waveId, unitId }, query: { filter } }),
  });
  return (
    <QueryState query={report}>
      {(r) => (
        <>
          <p className="survey-results__n">
            {t('surveyResults.wave.respondents')}: <Figure>{r.respondents}</Figure>
          </p>
          {r.respondents === null ? <Alert tone="info">{t('surveyResults.wave.hiddenGroup')}</Alert> : null}
          <p className="muted">
            {r.previousWave
              ? t('surveyResults.wave.previous', {
                  title: text(r.previousWave.titleNl, r.previousWave.titleEn),
                })
              : t('surveyResults.wave.noPrevious')}
          </p>
          <Table
            caption={t('surveyResults.values.caption')}
            rows={r.values}
            rowKey={(v) => v.key}
            columns={[
              {
                key: 'value',
                header: t('surveyResults.values.value'),
                rowHeader: true,
                cell: (v) => t(`surveyResults.values.${v.key}`, { defaultValue: v.key }),
              },
              {
                key: 'n',
                header: t('surveyResults.items.n'),
                numeric: true,
                cell: (v) => <Figure>{v.n}</Figure>,
              },
              {
                key: 'index',
                header: t('surveyResults.values.index'),
                numeric: true,
                cell: (v) => <Figure>{num(v.index)}</Figure>,
              },
              {
                key: 'trend',
                header: t('surveyResults.values.trend'),
                cell: (v) => <TrendText trend={v.trend} />,
              },
              {
                key: 'parent',
                header: t('surveyResults.values.parent'),
                numeric: true,
                cell: (v) =>
                  r.unit.parentId === null ? <NotApplicable /> : <Figure>{num(v.parent)}</Figure>,
              },
              {
                key: 'gov',
                header: t('surveyResults.values.government'),
                numeric: true,
                cell: (v) =>
                  r.unit.parentId === null ? <NotApplicable /> : <Figure>{num(v.government)}</Figure>,
              },
              ...(r.values.some((v) => v.alpha !== null)
                ? [
                    {
                      key: 'alpha',
                      header: t('surveyResults.values.alpha'),
                      numeric: true,
                      cell: (v: UnitReport['values'][number]) => (
                        <Figure>
                          {v.alpha === null
                            ? null
                            : t('surveyResults.values.alphaValue', { alpha: num(v.alpha, 2), n: v.alphaN })}
                        </Figure>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Table
            caption={t('surveyResults.items.caption')}
            rows={r.items}
            rowKey={(i) => i.id}
            columns={[
              {
                key: 'item',
                header: t('surveyResults.items.item'),
                rowHeader: true,
                cell: (i) => text(i.textNl, i.textEn),
              },
              {
                key: 'n',
                header: t('surveyResults.items.n'),
                numeric: true,
                cell: (i) => <Figure>{i.figure?.n ?? null}</Figure>,
              },
              {
                key: 'mean',
                header: t('surveyResults.items.mean'),
                numeric: true,
                cell: (i) => (i.figure ? (num(i.figure.mean, 2) ?? '') : <Hidden />),
              },
              {
                key: 'fav',
                header: t('surveyResults.items.favourable'),
                numeric: true,
                cell: (i) => (i.figure ? (pct(i.figure.favourable) ?? '') : <Hidden />),
              },
              {
                key: 'dist',
                header: t('surveyResults.items.distribution'),
                cell: (i) =>
                  i.figure ? (
                    <Distribution
                      shares={i.figure.distribution}
                      labels={
                        i.options.length > 0
                          ? i.options.map((o) => text(o.nl, o.en))
                          : i.figure.distribution.map((_, k) => String(k + (i.kind === 'scale10' ? 0 : 1)))
                      }
                    />
                  ) : (
                    <Hidden />
                  ),
              },
              {
                key: 'trend',
                header: t('surveyResults.items.trend'),
                cell: (i) =>
                  i.figure?.mean !== null && i.figure ? (
                    <TrendText trend={i.trend?.mean ?? null} digits={2} />
                  ) : (
                    <Hidden />
                  ),
              },
              {
                key: 'trendFav',
                header: t('surveyResults.items.trendFavourable'),
                cell: (i) =>
                  i.figure?.favourable !== null && i.figure ? (
                    <TrendText trend={i.trend?.favourable ?? null} digits={1} scale={100} />
                  ) : (
                    <Hidden />
                  ),
              },
              {
                key: 'gov',
                header: t('surveyResults.values.government'),
                numeric: true,
                cell: (i) => <Figure>{num(i.government?.mean, 2)}</Figure>,
              },
            ]}
          />
          <MethodsNote report={r} />
        </>
      )}
    </QueryState>
  );
}

/** How to read the marks, intervals, indices and alpha of this page. */
function MethodsNote({ report }: { report: UnitReport }) {
  const { t } = useLang();
  const c = report.methods.comparisons;
  return (
    <section className="survey-results__methods" aria-labelledby="survey-results-methods">
      <h2 id="survey-results-methods">{t('surveyResults.methods.title')}</h2>
      {report.previousWave ? (
        <>
          <p>
            {t('surveyResults.methods.marks', {
              count: c.tested,
              fdr: Math.round(c.fdr * 100),
              minN: c.minN,
            })}
          </p>
          <p>{t('surveyResults.methods.waves')}</p>
        </>
      ) : null}
      <p>{t('surveyResults.methods.index', { share: Math.round(report.methods.indexMinItemShare * 100) })}</p>
      {report.values.some((v) => v.alpha !== null) ? <p>{t('surveyResults.methods.alpha')}</p> : null}
      <p>{t('surveyResults.methods.unanimous', { k: report.methods.k })}</p>
    </section>
  );
}

/** Red → yellow → green over the scale; always shown with the number. */
function heatColour(x: number, min: number, max: number): string {
  const r = Math.min(1, Math.max(0, (x - min) / (max - min)));
  const hue = Math.round(r * 120);
  return `hsl(${hue} 70% 82%)`;
}

function HeatmapView({ waveId, unitId, filter }: { waveId: number; unitId: number; filter: string }) {
  const { t, name, text, num } = useLang();
  const [columns, setColumns] = useState<'values' | 'items'>('values');
  const [metric, setMetric] = useState<'mean' | 'favourable'>('mean');
  const map = useQuery({
    queryKey: ['survey-results', 'heatmap', waveId, unitId, filter, columns, metric],
    queryFn: () =>
      api.surveyResults.heatmap({
        params: { waveId },
        query: { unitId, filter, columns, metric, depth: 2 },
      }),
  });
  const scale = (h: Heatmap) =>
    h.columns === 'values' || h.metric === 'favourable' ? { min: 40, max: 85 } : { min: 2.5, max: 4.5 };
  return (
    <>
      <div className="survey-results__controls">
        <Select
          label={t('surveyResults.heatmap.columns')}
          options={[
            { id: 'values', label: t('surveyResults.heatmap.values') },
            { id: 'items', label: t('surveyResults.heatmap.items') },
          ]}
          selectedKey={columns}
          onSelectionChange={(k) => setColumns(k as 'values' | 'items')}
        />
        {columns === 'items' ? (
          <Select
            label={t('surveyResults.heatmap.metric')}
            options={[
              { id: 'mean', label: t('surveyResults.heatmap.mean') },
              { id: 'favourable', label: t('surveyResults.heatmap.favourable') },
            ]}
            selectedKey={metric}
            onSelectionChange={(k) => setMetric(k as 'mean' | 'favourable')}
          />
        ) : null}
      </div>
      <p className="muted">{t('surveyResults.heatmap.legend')}</p>
      <QueryState query={map}>
        {(h) => {
          const { min, max } = scale(h);
          const caption = t('surveyResults.heatmap.caption', {
            columns: t(`surveyResults.heatmap.${h.columns}`),
          });
          return (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
            <section className="table-wrap" aria-label={caption} tabIndex={0}>
              <table className="table heatmap">
                <caption className="table__caption">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('surveyResults.heatmap.unit')}</th>
                    <th scope="col" className="numeric">
                      {t('surveyResults.items.n')}
                    </th>
                    {h.headers.map((c) => (
                      <th key={c.key} scope="col" className="numeric heatmap__head">
                        {h.columns === 'values'
                          ? t(`surveyResults.values.${c.key}`, { defaultValue: c.key })
                          : text(c.labelNl, c.labelEn)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {h.rows.map((row) => (
                    <tr key={row.unitId}>
                      <th scope="row" style={{ paddingInlineStart: `${0.5 + row.depth * 1.25}rem` }}>
                        {name(row)}
                      </th>
                      <td className="numeric">
                        <Figure>{row.respondents}</Figure>
                      </td>
                      {row.cells.map((c, i) => (
                        <td
                          key={h.headers[i]!.key}
                          className="numeric heatmap__cell"
                          style={c === null ? undefined : { background: heatColour(c, min, max) }}
                        >
                          {c === null ? (
                            <Hidden />
                          ) : (
                            num(c, h.columns === 'items' && h.metric === 'mean' ? 2 : 0)
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        }}
      </QueryState>
    </>
  );
}

function DriversView({ waveId, unitId }: { waveId: number; unitId: number }) {
  const { t, text, num, pct } = useLang();
  const drivers = useQuery({
    queryKey: ['survey-results', 'drivers', waveId, unitId],
    queryFn: () => api.surveyResults.drivers({ params: { waveId, unitId } }),
  });
  return (
    <QueryState query={drivers}>
      {(d) =>
        d.available ? (
          <>
            <p>{t('surveyResults.drivers.intro')}</p>
            <p>
              {t('surveyResults.drivers.basis', {
                n: d.n,
                nMin: d.nMin ?? '—',
                pairMin: d.pairMin,
                minN: d.minN,
                r2: num(d.r2, 2),
              })}
            </p>
            <Table
              caption={t('surveyResults.drivers.caption')}
              rows={d.drivers.slice(0, 15)}
              rowKey={(r) => r.itemKey}
              columns={[
                {
                  key: 'item',
                  header: t('surveyResults.items.item'),
                  rowHeader: true,
                  cell: (r) => text(r.textNl, r.textEn),
                },
                {
                  key: 'weight',
                  header: t('surveyResults.drivers.weight'),
                  numeric: true,
                  cell: (r) => <Figure>{pct(r.weight)}</Figure>,
                },
                {
                  key: 'r',
                  header: t('surveyResults.drivers.correlation'),
                  numeric: true,
                  cell: (r) => <Figure>{num(r.correlation, 2)}</Figure>,
                },
                {
                  key: 'n',
                  header: t('surveyResults.items.n'),
                  numeric: true,
                  cell: (r) => r.n ?? '—',
                },
              ]}
            />
          </>
        ) : (
          <Alert tone="info">
            {d.respondents === null
              ? t('surveyResults.wave.hiddenGroup')
              : t('surveyResults.drivers.unavailable', { minN: d.minN ?? '—' })}
          </Alert>
        )
      }
    </QueryState>
  );
}

function CommentsView({ waveId, unitId }: { waveId: number; unitId: number }) {
  const { t, text } = useLang();
  const comments = useQuery({
    queryKey: ['survey-results', 'comments', waveId, unitId],
    queryFn: () => api.surveyResults.comments({ params: { waveId, unitId } }),
  });
  return (
    <QueryState query={comments}>
      {(c) =>
        c.available ? (
          <>
            <p className="muted">{t('surveyResults.comments.intro')}</p>
            {c.items.map((item) => (
              <section key={item.id} className="section" aria-labelledby={`comments-${item.id}`}>
                <h2 id={`comments-${item.id}`}>{text(item.textNl, item.textEn)}</h2>
                {item.comments.length === 0 ? (
                  <p>{t('surveyResults.comments.none')}</p>
                ) : (
                  <ul className="survey-results__comments">
                    {item.comments.map((comment, i) => (
                      // Comments have no id on purpose (not linkable to anything); the position is the key.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                      <li key={i}>{comment}</li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </>
        ) : (
          <Alert tone="info">{t('surveyResults.comments.unavailable')}</Alert>
        )
      }
    </QueryState>
  );
}

export function ParticipationPage() {
  const { t, name, text, pct } = useLang();
  const { waveId } = useParams();
  const [search] = useSearchParams();
  const unitId = search.get('eenheid') ?? undefined;
  const data = useQuery({
    queryKey: ['survey-results', 'participation', waveId, unitId],
    queryFn: () => api.surveyResults.participation({ params: { waveId }, query: { unitId } }),
  });
  return (
    <div className="survey-results">
      <QueryState query={data}>
        {(p) => (
          <>
            <PageTitle>
              {t('surveyResults.participation.title', { title: text(p.wave.titleNl, p.wave.titleEn) })}
            </PageTitle>
            <Table
              caption={t('surveyResults.participation.caption')}
              rows={p.rows}
              rowKey={(r) => r.unitId}
              columns={[
                {
                  key: 'unit',
                  header: t('surveyResults.heatmap.unit'),
                  rowHeader: true,
                  cell: (r) =>
                    r.depth > 0 ? (
                      <Link
                        style={{ paddingInlineStart: `${r.depth * 1.25}rem` }}
                        to={`${paths.surveyParticipation}/${p.wave.id}?eenheid=${r.unitId}`}
                      >
                        {name(r)}
                      </Link>
                    ) : (
                      name(r)
                    ),
                },
                {
                  key: 'invited',
                  header: t('surveyResults.participation.invited'),
                  numeric: true,
                  cell: (r) => r.invited,
                },
                {
                  key: 'answered',
                  header: t('surveyResults.participation.answered'),
                  numeric: true,
                  cell: (r) => <Figure>{r.answered}</Figure>,
                },
                {
                  key: 'rate',
                  header: t('surveyResults.participation.rate'),
                  numeric: true,
                  cell: (r) => <Figure>{pct(r.rate)}</Figure>,
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
