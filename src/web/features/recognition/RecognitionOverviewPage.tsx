import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDate, formatNumber } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { Alert } from '../../ui/Alert';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { pick } from '../public/localized';
import { RecognitionNav, useValueNames } from './shared';
import './recognition.css';

/** /waardering/overzicht: per unit, how often each value is recognised — only where at least k people are behind it. */
export function RecognitionOverviewPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { keys, name } = useValueNames();
  const [unitId, setUnitId] = useState<number | null>(null);
  const query = useQuery({
    queryKey: ['recognition', 'aggregates', unitId],
    queryFn: () => api.recognition.aggregates({ query: { unitId: unitId ?? undefined } }),
  });
  return (
    <>
      <PageTitle>{t('recognition.web.overview.title')}</PageTitle>
      <RecognitionNav />
      <p className="lead">{t('recognition.web.overview.lead')}</p>
      <QueryState query={query}>
        {(data) => (
          <>
            <Alert tone="info">{t('recognition.web.overview.threshold', { k: data.k })}</Alert>
            <p className="muted">
              {t('recognition.web.overview.asOf', { date: formatDate(data.releasedAt), k: data.k })}
            </p>
            {data.scopes.length === 0 ? <p>{t('recognition.web.overview.noScopes')}</p> : null}
            {data.scopes.length > 1 ? (
              <Select
                label={t('recognition.web.overview.scope')}
                options={data.scopes.map((s) => ({ id: s.unitId, label: pick(locale, s.nameNl, s.nameEn) }))}
                selectedKey={data.unitId}
                onSelectionChange={(key) => setUnitId(Number(key))}
              />
            ) : null}
            {data.units.length > 0 ? (
              <section
                className="table-wrap"
                aria-label={t('recognition.web.overview.caption')}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
                tabIndex={0}
              >
                <table className="table">
                  <caption className="table__caption">{t('recognition.web.overview.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('recognition.web.overview.unit')}</th>
                      <th scope="col">{t('recognition.web.overview.people')}</th>
                      {keys.map((k) => (
                        <th scope="col" key={k}>
                          {name(k)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.units.map((u) => (
                      <tr key={u.unitId}>
                        <th scope="row" style={{ paddingLeft: `${0.5 + u.depth * 1.25}rem` }}>
                          {pick(locale, u.nameNl, u.nameEn)}
                        </th>
                        {u.visible ? (
                          <>
                            <td>{formatNumber(u.people ?? 0)}</td>
                            {keys.map((k) => (
                              <td key={k}>{formatNumber(u.values?.[k] ?? 0)}</td>
                            ))}
                          </>
                        ) : (
                          <td colSpan={keys.length + 1} className="muted">
                            {t('recognition.web.overview.hidden', { k: data.k })}
                          </td>
                        )}
                      </tr>
                    ))}
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
