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
import { useValueNames } from '../plans/shared';
import { Feedback360Nav } from './shared';

/** /360/entiteit: an entity's 360° figures over its leaders, shown from k leaders. */
export function AggregatePage() {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const { name } = useValueNames();
  const [entityId, setEntityId] = useState<number | undefined>(undefined);
  const aggregate = useQuery({
    queryKey: ['entities', 'feedback360', 'aggregate', entityId ?? null],
    queryFn: () => api.entitiesFeedback360.aggregate({ query: { entityId } }),
  });
  return (
    <>
      <PageTitle>{t('entitiesFeedback360.aggregate.title')}</PageTitle>
      <Feedback360Nav />
      <QueryState query={aggregate}>
        {(data) => (
          <>
            <Alert tone="info">{t('entitiesFeedback360.aggregate.threshold', { k: data.k })}</Alert>
            {data.period && data.releasedAt ? (
              <p>
                {t('entitiesFeedback360.aggregate.release', {
                  period: data.period,
                  date: data.releasedAt.slice(0, 10),
                  k: data.k,
                })}
              </p>
            ) : null}
            {data.entities.length > 1 ? (
              <div className="field">
                <label className="field__label" htmlFor={`${id}-entity`}>
                  {t('entitiesFeedback360.aggregate.entity')}
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
            {data.visible && data.values ? (
              <section
                className="table-wrap"
                aria-label={t('entitiesFeedback360.aggregate.caption', {
                  leaders: formatNumber(data.leaders ?? 0),
                })}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
                tabIndex={0}
              >
                <table className="table">
                  <caption className="table__caption">
                    {t('entitiesFeedback360.aggregate.caption', { leaders: formatNumber(data.leaders ?? 0) })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('entitiesFeedback360.report.value')}</th>
                      <th scope="col">{t('entitiesFeedback360.aggregate.self')}</th>
                      <th scope="col">{t('entitiesFeedback360.aggregate.others')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.values.map((v) => (
                      <tr key={v.value}>
                        <th scope="row">{name(v.value)}</th>
                        <td>{formatNumber(v.self)}</td>
                        <td>{formatNumber(v.others)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : (
              <p>{t('entitiesFeedback360.aggregate.hidden', { k: data.k })}</p>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
