import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { Alert } from '../../ui/Alert';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { type Column, Table } from '../../ui/Table';
import { pick } from '../public/localized';
import { type InsightRow, isValueKey, learningKeys, type ValueKey, valueKeys } from './learning-api';
import './learning.css';

/**
 * /leren/overzicht — per unit and value: how many took part, finished the path and master each level.
 * Only units above the anonymity threshold show figures; the server decides, the page only shows.
 */
export function InsightsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const unitParam = Number(params.get('eenheid'));
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : undefined;
  const valueParam = params.get('waarde');
  const value: ValueKey = isValueKey(valueParam) ? valueParam : 'openheid';
  const insights = useQuery({
    queryKey: learningKeys.insights(unitId),
    queryFn: () => api.learning.insights({ query: { unitId } }),
  });

  const href = (id: number) => `${paths.learningInsights}?eenheid=${id}&waarde=${value}`;
  const pct = (n: number, of: number) => `${Math.round((100 * n) / of)}% (${n})`;
  const name = (row: InsightRow) => pick(locale, row.nameNl, row.nameEn);

  const columns: Column<InsightRow>[] = [
    {
      key: 'unit',
      header: t('learning.insights.unit'),
      rowHeader: true,
      cell: (row) => (row.hasChildren ? <Link to={href(row.unitId)}>{name(row)}</Link> : name(row)),
    },
    {
      key: 'participants',
      header: t('learning.insights.participants'),
      numeric: true,
      cell: (row) => (row.figures ? row.figures.participants : t('learning.insights.hidden')),
    },
    ...(['completed', 'knows', 'explains', 'applies'] as const).map((metric) => ({
      key: metric,
      header: metric === 'completed' ? t('learning.insights.completed') : t(`learning.levels.${metric}`),
      numeric: true,
      cell: (row: InsightRow) => {
        if (!row.figures) return '—';
        const figures = row.figures.values.find((v) => v.valueKey === value)!;
        return pct(figures[metric], row.figures.participants);
      },
    })),
  ];

  return (
    <>
      <Breadcrumbs
        items={[
          { href: paths.learning, label: t('learning.home.title') },
          { label: t('learning.insights.title') },
        ]}
      />
      <PageTitle>{t('learning.insights.title')}</PageTitle>
      <p className="lead">{t('learning.insights.lead')}</p>
      <QueryState query={insights}>
        {(data) => {
          if (data.scopes.length === 0) return <Alert tone="info">{t('learning.insights.noScope')}</Alert>;
          const rows = data.unit ? [data.unit, ...data.children] : data.children;
          return (
            <>
              <p className="muted">{t('learning.insights.threshold', { k: data.k })}</p>
              <p className="muted">
                {t('learning.insights.asOf', { date: formatDate(data.releasedAt), k: data.k })}
              </p>
              <div className="toolbar">
                <Select
                  label={t('learning.insights.value')}
                  selectedKey={value}
                  onSelectionChange={(key) => {
                    const next = new URLSearchParams(params);
                    next.set('waarde', String(key));
                    setParams(next);
                  }}
                  options={valueKeys.map((key) => ({ id: key, label: t(`learning.values.${key}`) }))}
                />
              </div>
              {data.parentId ? (
                <p>
                  <Link to={href(data.parentId)}>{t('learning.insights.up')}</Link>
                </p>
              ) : data.unit && data.scopes.length > 1 ? (
                <p>
                  <Link to={`${paths.learningInsights}?waarde=${value}`}>
                    {t('learning.insights.allScopes')}
                  </Link>
                </p>
              ) : null}
              <Table
                caption={t('learning.insights.caption', {
                  value: t(`learning.values.${value}`),
                  unit: data.unit ? name(data.unit) : t('learning.insights.yourUnits'),
                })}
                columns={columns}
                rows={rows}
                rowKey={(row) => row.unitId}
              />
              <p className="muted">{t('learning.insights.hiddenHelp', { k: data.k })}</p>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
