import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { entitiesSupportApi } from '../../../../shared/api/entities-support';
import { ApiError, api } from '../../../app/api';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';
import { ValueList } from '../profile/ValueNames';
import { requestableQuarters } from './quarters';
import { RequestCard } from './RequestCard';
import '../profile/entities.css';

export type SupportItem = RouteOutput<typeof entitiesSupportApi.routes.items>['items'][number];
type EntityOption = { id: number; label: string };

/** /mijn/ondersteuning: the coordinator browses the support offer, requests items and follows requests. */
export function SupportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const quarters = requestableQuarters();
  const [quarter, setQuarter] = useState(quarters[0]!);
  const entities = useQuery({
    queryKey: ['entities-profile', 'list'],
    queryFn: () => api.entitiesProfile.list(),
  });
  const items = useQuery({
    queryKey: ['entities-support', 'items', quarter],
    queryFn: () => api.entitiesSupport.items({ query: { quarter } }),
  });
  const requests = useQuery({
    queryKey: ['entities-support', 'requests'],
    queryFn: () => api.entitiesSupport.requests({ query: {} }),
  });
  const entityOptions: EntityOption[] = (entities.data?.items ?? []).map((e) => ({
    id: e.entityId,
    label: pick(locale, e.nameNl, e.nameEn),
  }));
  return (
    <>
      <PageTitle>{t('entities-support.web.mine.title')}</PageTitle>
      <p className="lead">{t('entities-support.web.mine.lead')}</p>
      <section className="section" aria-labelledby="sup-offer">
        <h2 id="sup-offer">{t('entities-support.web.mine.offer')}</h2>
        <Select
          label={t('entities-support.web.quarter')}
          options={quarters.map((q) => ({ id: q, label: q }))}
          selectedKey={quarter}
          onSelectionChange={(key) => setQuarter(String(key))}
        />
        <QueryState query={items}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('entities-support.web.mine.noItems')}</p>
            ) : (
              <ul className="ent-list">
                {data.items.map((item) => (
                  <li key={item.id}>
                    <ItemCard item={item} entities={entityOptions} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section className="section" aria-labelledby="sup-requests">
        <h2 id="sup-requests">{t('entities-support.web.mine.requests')}</h2>
        <QueryState query={requests}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('entities-support.web.mine.noRequests')}</p>
            ) : (
              <ul className="ent-list">
                {data.items.map((r) => (
                  <li key={r.id}>
                    <RequestCard request={r} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </>
  );
}

/** An item as coordinators read it: what, how long, which values, places left in the quarter. */
export function ItemSummary({ item }: { item: SupportItem }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <p className="muted">
        {t(`entities-support.web.format.${item.format}`)} ·{' '}
        {t('entities-support.web.duration', { hours: Math.round((item.durationMinutes / 60) * 10) / 10 })} ·{' '}
        {t('entities-support.web.places', {
          left: item.left,
          capacity: item.capacityPerQuarter,
          quarter: item.quarter,
        })}
      </p>
      <p className="preserve-lines">{pick(locale, item.descriptionNl, item.descriptionEn)}</p>
      <ValueList values={item.values} label={t('entities-support.web.values')} />
    </>
  );
}

function ItemCard({ item, entities }: { item: SupportItem; entities: EntityOption[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const toast = useToast();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [entityId, setEntityId] = useState<number | null>(entities.length === 1 ? entities[0]!.id : null);
  const [note, setNote] = useState('');
  const request = useMutation({
    mutationFn: () =>
      api.entitiesSupport.request({
        body: { itemId: item.id, entityId: entityId ?? 0, quarter: item.quarter, note },
      }),
    onSuccess: async () => {
      toast.show(t('entities-support.web.mine.requested'));
      setNote('');
      await queryClient.invalidateQueries({ queryKey: ['entities-support'] });
    },
    // Someone else may have taken the last place: show the places as they are now.
    onError: () => queryClient.invalidateQueries({ queryKey: ['entities-support', 'items'] }),
  });
  const errors = request.error instanceof ApiError ? request.error.fieldErrors() : {};
  const problem =
    request.error instanceof ApiError
      ? (errors.quarter ?? errors.itemId ?? errors.entityId ?? request.error.message)
      : null;
  return (
    <article className="ent-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{pick(locale, item.titleNl, item.titleEn)}</h3>
      <ItemSummary item={item} />
      {item.left === 0 ? (
        <p>
          <strong>{t('entities-support.web.full')}</strong>
        </p>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate();
          }}
          aria-label={t('entities-support.web.mine.requestFor', {
            title: pick(locale, item.titleNl, item.titleEn),
          })}
        >
          {entities.length > 1 ? (
            <Select
              label={t('entities-support.web.entity')}
              options={entities}
              selectedKey={entityId}
              onSelectionChange={(key) => setEntityId(Number(key))}
              isRequired
            />
          ) : null}
          <TextField
            label={t('entities-support.web.note')}
            value={note}
            onChange={setNote}
            multiline
            rows={2}
          />
          <div className="form__actions">
            <Button type="submit" isPending={request.isPending} isDisabled={entityId === null}>
              {t('entities-support.web.mine.request', { quarter: item.quarter })}
            </Button>
          </div>
        </form>
      )}
      {problem ? <Alert tone="error">{problem}</Alert> : null}
    </article>
  );
}
