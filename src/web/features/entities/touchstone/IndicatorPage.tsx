import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { formatNumber } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { pick } from '../../public/localized';
import { TouchstoneNav } from './shared';

const percent = (share: number) =>
  new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'nl-BE', { style: 'percent' }).format(share);

/** /toetssteen/indicator: the share of managers who used the touchstone, as released by the disclosure planner. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const [entityId, setEntityId] = useState<number | undefined>(undefined);
  const indicator = useQuery({
    queryKey: ['entities', 'decisions', 'indicator', entityId ?? null],
    queryFn: () => api.entitiesTouchstone.indicator({ query: { entityId } }),
  });
  return (
    <>
      <PageTitle>{t('entitiesTouchstone.indicator.title')}</PageTitle>
      <TouchstoneNav />
      <QueryState query={indicator}>
        {(data) => (
          <>
            <p className="lead">{t('entitiesTouchstone.indicator.lead', { months: data.months })}</p>
            <Alert tone="info">{t('entitiesTouchstone.indicator.threshold', { k: data.k })}</Alert>
            {data.entities.length === 0 ? <p>{t('entitiesTouchstone.indicator.none')}</p> : null}
            {data.entities.length > 1 ? (
              <div className="field">
                <label className="field__label" htmlFor={`${id}-entity`}>
                  {t('entitiesTouchstone.indicator.entity')}
                </label>
                <select
                  id={`${id}-entity`}
                  className="ent-native"
                  value={data.entityId ?? ''}
                  onChange={(event) => setEntityId(Number(event.target.value))}
                >
                  {data.entities.map((e) => (
                    <option key={e.unitId} value={e.unitId}>
                      {pick(locale, e.nameNl, e.nameEn)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {data.rows.length > 0 ? (
              <section
                className="table-wrap"
                aria-label={t('entitiesTouchstone.indicator.caption')}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
                tabIndex={0}
              >
                <table className="table ent-matrix">
                  <caption className="table__caption">{t('entitiesTouchstone.indicator.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('entitiesTouchstone.indicator.unit')}</th>
                      <th scope="col">{t('entitiesTouchstone.indicator.managers')}</th>
                      <th scope="col">{t('entitiesTouchstone.indicator.users')}</th>
                      <th scope="col">{t('entitiesTouchstone.indicator.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => {
                      const label = pick(locale, row.nameNl, row.nameEn);
                      return (
                        <tr key={`${row.kind}-${row.unitId}`}>
                          <th
                            scope="row"
                            style={{ paddingLeft: row.kind === 'entity' ? undefined : '1.75rem' }}
                          >
                            {row.kind === 'direct'
                              ? t('entitiesTouchstone.indicator.direct', { name: label })
                              : label}
                          </th>
                          <td>{row.managers === undefined ? '—' : formatNumber(row.managers)}</td>
                          {row.visible && row.users !== undefined && row.share !== undefined ? (
                            <>
                              <td>{formatNumber(row.users)}</td>
                              <td>{percent(row.share)}</td>
                            </>
                          ) : (
                            <td colSpan={2} className="muted">
                              {t('entitiesTouchstone.indicator.hidden', { k: data.k })}
                            </td>
                          )}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            ) : null}
          </>
        )}
      </QueryState>
    </>
  );
}
