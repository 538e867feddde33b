import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteInput, RouteOutput } from '../../../../shared/api/contract';
import type { entitiesSupportApi } from '../../../../shared/api/entities-support';
import { ApiError, api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';

export type SupportRequest = RouteOutput<typeof entitiesSupportApi.routes.getRequest>;
type Step = RouteInput<typeof entitiesSupportApi.routes.transition>['body'];

/** One request with what it says and the steps the reader may take now. */
export function RequestCard({ request }: { request: SupportRequest }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  return (
    <article className="ent-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {pick(locale, request.itemTitleNl, request.itemTitleEn)} ·{' '}
        {pick(locale, request.entityNameNl, request.entityNameEn)}
      </h3>
      <p>
        <strong>{t(`entities-support.status.${request.status}`)}</strong> · {request.quarter}
        {request.plannedOn
          ? ` · ${t('entities-support.web.plannedOn', { date: formatDate(request.plannedOn) })}`
          : ''}
      </p>
      {request.synthetic ? <p className="muted small">{t('entities-support.web.synthetic')}</p> : null}
      {request.note ? <p className="preserve-lines">{request.note}</p> : null}
      <p className="muted small">
        {t('entities-support.web.requestedAt', {
          date: formatDate(request.createdAt),
          name: request.requestedBy ?? '—',
        })}
      </p>
      {request.declineReason ? (
        <p className="preserve-lines">
          {t('entities-support.mail.reason', { reason: request.declineReason })}
        </p>
      ) : null}
      {request.rating ? (
        <p className="preserve-lines">
          {t('entities-support.mail.rating', {
            rating: request.rating,
            comment: request.evaluationComment ?? '',
          })}
        </p>
      ) : null}
      {request.next.length > 0 ? <Steps request={request} /> : null}
    </article>
  );
}

function Steps({ request }: { request: SupportRequest }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(request.plannedOn ?? '');
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const step = useMutation({
    mutationFn: (body: Step) => api.entitiesSupport.transition({ params: { id: request.id }, body }),
    onSuccess: async (next) => {
      toast.show(t('entities-support.web.stepDone', { status: t(`entities-support.status.${next.status}`) }));
      await queryClient.invalidateQueries({ queryKey: ['entities-support'] });
    },
  });
  const errors = step.error instanceof ApiError ? step.error.fieldErrors() : {};
  const general =
    step.error instanceof ApiError && !errors.reason && !errors.date && !errors.rating
      ? (errors.to ?? step.error.message)
      : null;
  const can = (to: SupportRequest['next'][number]) => request.next.includes(to);
  return (
    <div className="section">
      {general ? <Alert tone="error">{general}</Alert> : null}
      <div className="ent-inline">
        {can('accepted') ? (
          <Button onPress={() => step.mutate({ to: 'accepted' })} isPending={step.isPending}>
            {t('entities-support.web.accept')}
          </Button>
        ) : null}
        {can('delivered') ? (
          <Button onPress={() => step.mutate({ to: 'delivered' })} isPending={step.isPending}>
            {t('entities-support.web.deliver')}
          </Button>
        ) : null}
        {can('withdrawn') ? (
          <Button
            variant="secondary"
            onPress={() => step.mutate({ to: 'withdrawn' })}
            isPending={step.isPending}
          >
            {t('entities-support.web.withdraw')}
          </Button>
        ) : null}
      </div>
      {can('declined') ? (
        <div className="ent-inline">
          <TextField
            label={t('entities-support.web.reason')}
            value={reason}
            onChange={setReason}
            errorMessage={errors.reason}
          />
          <Button
            variant="danger"
            onPress={() => step.mutate({ to: 'declined', reason })}
            isPending={step.isPending}
          >
            {t('entities-support.web.decline')}
          </Button>
        </div>
      ) : null}
      {can('planned') ? (
        <div className="ent-inline">
          <TextField
            label={t('entities-support.web.date')}
            type="date"
            value={date}
            onChange={setDate}
            errorMessage={errors.date}
          />
          <Button
            variant="secondary"
            onPress={() => step.mutate({ to: 'planned', date })}
            isPending={step.isPending}
          >
            {t('entities-support.web.plan')}
          </Button>
        </div>
      ) : null}
      {can('evaluated') ? (
        <div className="ent-inline">
          <Select
            label={t('entities-support.web.rating')}
            options={[1, 2, 3, 4, 5].map((n) => ({
              id: n,
              label: t('entities-support.web.ratingOption', { count: n }),
            }))}
            selectedKey={rating}
            onSelectionChange={(key) => setRating(Number(key))}
            errorMessage={errors.rating}
          />
          <TextField
            label={t('entities-support.web.comment')}
            value={comment}
            onChange={setComment}
            multiline
            rows={2}
          />
          <Button
            onPress={() => step.mutate({ to: 'evaluated', rating: rating ?? 0, comment })}
            isPending={step.isPending}
          >
            {t('entities-support.web.evaluate')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
