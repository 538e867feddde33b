import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { useToast } from '../../ui/Toast';
import { formatFigure, MonitorNav } from './shared';

/** /monitor/streefwaarden: the programme admin's targets, government-wide and per entity. */
export function TargetsPage() {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const toast = useToast();
  const queryClient = useQueryClient();
  const targets = useQuery({ queryKey: ['monitor', 'targets'], queryFn: () => api.monitor.targets() });
  const catalogue = useQuery({ queryKey: ['monitor', 'catalogue'], queryFn: () => api.monitor.catalogue() });
  const [form, setForm] = useState({ indicatorKey: '', entityId: '', target: '', margin: '' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['monitor'] });
  const create = useMutation({
    mutationFn: () =>
      api.monitor.createTarget({
        body: {
          indicatorKey: form.indicatorKey,
          entityId: form.entityId === '' ? null : Number(form.entityId),
          target: Number(form.target.replace(',', '.')),
          margin: Number(form.margin.replace(',', '.')),
        },
      }),
    onSuccess: () => {
      toast.show(t('monitor.targets.saved'));
      setForm({ indicatorKey: '', entityId: '', target: '', margin: '' });
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (targetId: number) => api.monitor.deleteTarget({ params: { id: targetId } }),
    onSuccess: () => {
      toast.show(t('monitor.targets.removed'));
      return refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageTitle>{t('monitor.targets.title')}</PageTitle>
      <MonitorNav />
      <p className="lead">{t('monitor.targets.lead')}</p>
      <QueryState query={targets}>
        {(data) => {
          const indicators = catalogue.data?.items ?? [];
          const label = (key: string) => indicators.find((i) => i.key === key)?.label[locale] ?? key;
          const unit = (key: string) => indicators.find((i) => i.key === key)?.unit ?? 'mean';
          const entity = (entityId: number | null) =>
            entityId === null
              ? t('monitor.government')
              : (data.entities.find((e) => e.id === entityId)?.name ?? '');
          return (
            <>
              <form className="mon-inline-form" onSubmit={submit} aria-labelledby={`${id}-add`}>
                <h2 id={`${id}-add`} className="visually-hidden">
                  {t('monitor.targets.add')}
                </h2>
                <label>
                  {t('monitor.targets.indicator')}
                  <select
                    required
                    value={form.indicatorKey}
                    onChange={(e) => setForm({ ...form, indicatorKey: e.target.value })}
                  >
                    <option value="" />
                    {indicators.map((i) => (
                      <option key={i.key} value={i.key}>
                        {i.label[locale]}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('monitor.targets.scope')}
                  <select
                    value={form.entityId}
                    onChange={(e) => setForm({ ...form, entityId: e.target.value })}
                  >
                    <option value="">{t('monitor.government')}</option>
                    {data.entities.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('monitor.targets.target')}
                  <input
                    required
                    inputMode="decimal"
                    value={form.target}
                    aria-describedby={`${id}-hint`}
                    onChange={(e) => setForm({ ...form, target: e.target.value })}
                  />
                </label>
                <label>
                  {t('monitor.targets.margin')}
                  <input
                    required
                    inputMode="decimal"
                    value={form.margin}
                    onChange={(e) => setForm({ ...form, margin: e.target.value })}
                  />
                </label>
                <Button type="submit" isDisabled={create.isPending}>
                  {t('monitor.targets.add')}
                </Button>
              </form>
              <p id={`${id}-hint`} className="muted">
                {t('monitor.targets.shareHint')}
              </p>
              {create.error ? <Alert tone="error">{create.error.message}</Alert> : null}
              {data.items.length === 0 ? (
                <p>{t('monitor.targets.none')}</p>
              ) : (
                <section
                  className="table-wrap"
                  aria-label={t('monitor.targets.title')}
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
                  tabIndex={0}
                >
                  <table className="table">
                    <caption className="table__caption">{t('monitor.targets.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('monitor.targets.indicator')}</th>
                        <th scope="col">{t('monitor.targets.scope')}</th>
                        <th scope="col">{t('monitor.targets.target')}</th>
                        <th scope="col">{t('monitor.targets.margin')}</th>
                        <th scope="col">
                          <span className="visually-hidden">{t('monitor.targets.remove')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((target) => (
                        <tr key={target.id}>
                          <th scope="row">{label(target.indicatorKey)}</th>
                          <td>{entity(target.entityId)}</td>
                          <td>{formatFigure(target.target, unit(target.indicatorKey))}</td>
                          <td>{formatFigure(target.margin, unit(target.indicatorKey))}</td>
                          <td>
                            <Button
                              variant="danger"
                              onPress={() => remove.mutate(target.id)}
                              aria-label={`${t('monitor.targets.remove')}: ${label(target.indicatorKey)}, ${entity(target.entityId)}`}
                            >
                              {t('monitor.targets.remove')}
                            </Button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
