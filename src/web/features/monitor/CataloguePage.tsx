import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { hasRole, useMe } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { MonitorNav } from './shared';

/** /monitor/indicatoren: the catalogue; the programme admin marks open data and takes a period. */
export function CataloguePage() {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const admin = hasRole(useMe().data, 'programme_admin');
  const queryClient = useQueryClient();
  const catalogue = useQuery({ queryKey: ['monitor', 'catalogue'], queryFn: () => api.monitor.catalogue() });
  const setPublic = useMutation({
    mutationFn: (input: { key: string; public: boolean }) =>
      api.monitor.setPublic({ params: { key: input.key }, body: { public: input.public } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['monitor'] }),
  });
  const [periodKey, setPeriodKey] = useState('');
  const snapshot = useMutation({
    mutationFn: () => api.monitor.takeSnapshot({ body: { periodKey } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['monitor'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    snapshot.mutate();
  };
  return (
    <>
      <PageTitle>{t('monitor.catalogue.title')}</PageTitle>
      <MonitorNav />
      <p className="lead">{t('monitor.catalogue.lead')}</p>
      {admin ? (
        <form className="mon-inline-form" onSubmit={submit}>
          <label htmlFor={`${id}-period`}>
            {t('monitor.catalogue.snapshotPeriod')}
            <input
              id={`${id}-period`}
              required
              pattern="\d{4}-Q[1-4]"
              value={periodKey}
              onChange={(e) => setPeriodKey(e.target.value)}
            />
          </label>
          <Button type="submit" isDisabled={snapshot.isPending}>
            {t('monitor.catalogue.snapshot')}
          </Button>
        </form>
      ) : null}
      {snapshot.data ? (
        <Alert tone="success">
          {t('monitor.catalogue.snapshotDone', {
            period: snapshot.data.periodKey,
            figures: snapshot.data.figures,
            hidden: snapshot.data.hidden,
          })}
        </Alert>
      ) : null}
      {snapshot.error ? <Alert tone="error">{snapshot.error.message}</Alert> : null}
      {setPublic.error ? <Alert tone="error">{setPublic.error.message}</Alert> : null}
      <QueryState query={catalogue}>
        {(data) => (
          <section
            className="table-wrap"
            aria-label={t('monitor.catalogue.title')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
            tabIndex={0}
          >
            <table className="table">
              <caption className="table__caption">{t('monitor.catalogue.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitor.targets.indicator')}</th>
                  <th scope="col">{t('monitor.catalogue.source')}</th>
                  <th scope="col">{t('monitor.catalogue.unit')}</th>
                  <th scope="col">{t('monitor.catalogue.safety')}</th>
                  <th scope="col">{t('monitor.catalogue.origin')}</th>
                  <th scope="col">{t('monitor.catalogue.public')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.key}>
                    <th scope="row">
                      {item.label[locale]}
                      <div className="muted">{item.definition[locale]}</div>
                      <div className="muted">
                        {t('monitor.catalogue.key')}: <code>{item.key}</code>
                      </div>
                    </th>
                    <td>{item.source[locale]}</td>
                    <td>
                      {t(`monitor.catalogue.units.${item.unit}`)},{' '}
                      {t(`monitor.catalogue.directions.${item.direction}`)}
                    </td>
                    <td>{item.safety[locale]}</td>
                    <td>
                      {t(`monitor.catalogue.origins.${item.origin}`)}
                      {item.instrument ? ` (${item.instrument})` : ''}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={item.public}
                        disabled={!admin || setPublic.isPending}
                        aria-label={t('monitor.catalogue.makePublic', { label: item.label[locale] })}
                        onChange={(e) => setPublic.mutate({ key: item.key, public: e.target.checked })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </QueryState>
    </>
  );
}
