import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { LaunchCounts } from '../../../../shared/api/survey';
import { brusselsDay } from '../../../../shared/brussels-day';
import { api } from '../../../app/api';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/Dialog';
import {
  cancelOnEscape,
  FieldMessage,
  FormError,
  fieldErrorsOf,
  formValues,
  invalidProps,
  formText as text,
  useFocusAfterRender,
  useFocusFirstInvalid,
} from '../../../ui/form';
import { QueryState } from '../../../ui/QueryState';
import '../survey.css';
import { ADMIN_SURVEYS, FormButtons, Frame, questionnaireHref, type WaveDetail } from './shared';

/** One wave: launch, participation while it runs, reminders, close. */
export function WaveAdminPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const key = ['survey-admin', 'wave', id];
  const wave = useQuery({
    queryKey: key,
    queryFn: () => api.survey.wave({ params: { id } }),
  });
  const participation = useQuery({
    queryKey: ['survey-admin', 'participation', id],
    queryFn: () => api.survey.participation({ params: { id } }),
    enabled: wave.data !== undefined && wave.data.status !== 'draft',
  });
  const [message, setMessage] = useState('');
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => api.survey.deleteWave({ params: { id } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['survey-admin'] });
      navigate(ADMIN_SURVEYS);
    },
  });
  const [editingClose, setEditingClose] = useState(false);
  const focusAfter = useFocusAfterRender();
  const closeEditor = () => {
    setEditingClose(false);
    edit.reset();
    focusAfter('change-closes-on');
  };
  const edit = useMutation({
    mutationFn: (body: { closesOn: string }) => api.survey.updateWave({ params: { id }, body }),
    onSuccess: (next) => {
      client.setQueryData(key, next);
      void client.invalidateQueries({ queryKey: ['survey-admin', 'waves'] });
      setMessage(t('survey.admin.closesOnSaved', { date: next.closesOn }));
      closeEditor();
    },
  });
  // Launching invites many people at once: the admin first sees how many, and confirms those counts.
  const [confirming, setConfirming] = useState<LaunchCounts | null>(null);
  const preview = useMutation({
    mutationFn: () => api.survey.launchPreview({ params: { id } }),
    onSuccess: setConfirming,
  });
  const launch = useMutation({
    mutationFn: (counts: LaunchCounts) => api.survey.launchWave({ params: { id }, body: counts }),
    onSuccess: () => {
      setConfirming(null);
      void client.invalidateQueries({ queryKey: ['survey-admin'] });
      setMessage(t('survey.admin.launched'));
    },
    // The counts changed meanwhile: show the new ones in the same dialog, next to the explanation.
    onError: () => preview.mutate(),
  });
  const action = useMutation({
    mutationFn: async (what: 'close' | 'remind') => {
      if (what === 'remind') return (await api.survey.remind({ params: { id } })).queued;
      await api.survey.closeWave({ params: { id } });
      return null;
    },
    onSuccess: (queued, what) => {
      void client.invalidateQueries({ queryKey: ['survey-admin'] });
      setMessage(
        what === 'remind' ? t('survey.admin.reminded', { count: queued ?? 0 }) : t('survey.admin.closeed'),
      );
    },
  });
  return (
    <QueryState query={wave}>
      {(w) => (
        <Frame title={w.titleNl} parent>
          <dl className="facts">
            <dt>{t('survey.admin.statusLabel')}</dt>
            <dd>{t(`survey.admin.status.${w.status}`)}</dd>
            <dt>{t('survey.admin.questionnaire')}</dt>
            <dd>
              <Link to={questionnaireHref(w.questionnaireId)}>{w.questionnaireTitleNl}</Link> (
              {t('survey.admin.itemCount', { count: w.itemCount })})
            </dd>
            <dt>{t('survey.admin.period')}</dt>
            <dd>
              {w.opensOn} – {w.closesOn}
            </dd>
            <dt>{t('survey.admin.targets')}</dt>
            <dd>{w.targets.map((target) => target.nameNl).join(', ') || '—'}</dd>
            <dt>{t('survey.admin.k')}</dt>
            <dd>{w.minGroupSize}</dd>
            {w.demographics.length ? (
              <>
                <dt>{t('survey.admin.demographics')}</dt>
                <dd>{w.demographics.map((d) => `${d.labelNl} (k = ${d.minGroupSize})`).join(', ')}</dd>
              </>
            ) : null}
            {w.status !== 'draft' ? (
              <>
                <dt>{t('survey.admin.participation')}</dt>
                <dd>
                  {t('survey.admin.invitedAnswered', { invited: w.invited, answered: w.answered ?? '—' })}
                </dd>
                <dt>{t('survey.admin.reminders')}</dt>
                <dd>
                  {w.reminders.lastSentAt
                    ? t('survey.admin.remindersSent', {
                        count: w.reminders.rounds,
                        at: w.reminders.lastSentAt.slice(0, 16).replace('T', ' '),
                      })
                    : '—'}
                </dd>
              </>
            ) : null}
          </dl>
          <p role="status">{message}</p>
          <FormError error={action.error ?? remove.error ?? (confirming ? null : preview.error)} />
          <div className="survey-admin-actions">
            {w.status === 'draft' ? (
              <>
                <Button onPress={() => preview.mutate()} isPending={preview.isPending && !confirming}>
                  {t('survey.admin.launch')}
                </Button>
                <Button variant="danger" onPress={() => remove.mutate()} isDisabled={remove.isPending}>
                  {t('survey.admin.deleteWave')}
                </Button>
              </>
            ) : null}
            {w.status !== 'closed' && !editingClose ? (
              <Button id="change-closes-on" variant="secondary" onPress={() => setEditingClose(true)}>
                {t('survey.admin.changeClosesOn')}
              </Button>
            ) : null}
            {w.status === 'open' ? (
              <>
                <Button
                  variant="secondary"
                  onPress={() => action.mutate('remind')}
                  isDisabled={action.isPending}
                >
                  {t('survey.admin.remind')}
                </Button>
                <Button variant="danger" onPress={() => action.mutate('close')} isDisabled={action.isPending}>
                  {t('survey.admin.close')}
                </Button>
              </>
            ) : null}
          </div>
          <ConfirmDialog
            title={t('survey.admin.launchConfirm.title')}
            isOpen={confirming !== null}
            onOpenChange={(open) => {
              if (!open) {
                setConfirming(null);
                launch.reset();
              }
            }}
            message={
              confirming ? (
                <>
                  <FormError error={launch.error} />
                  <p>
                    {t('survey.admin.launchConfirm.counts', {
                      people: t('survey.admin.launchConfirm.people', { count: confirming.invited }),
                      units: t('survey.admin.launchConfirm.units', { count: confirming.units }),
                    })}
                  </p>
                  <p>{t('survey.admin.launchHint')}</p>
                </>
              ) : null
            }
            confirmLabel={t('survey.admin.launchConfirm.confirm', { count: confirming?.invited ?? 0 })}
            isPending={launch.isPending || preview.isPending}
            onConfirm={() => {
              if (confirming) launch.mutate(confirming);
            }}
          />
          {editingClose && w.status !== 'closed' ? (
            <CloseDateForm
              wave={w}
              error={edit.error}
              pending={edit.isPending}
              onSubmit={(closesOn) => edit.mutateAsync({ closesOn })}
              onCancel={closeEditor}
            />
          ) : null}
          {w.status === 'draft' ? <p>{t('survey.admin.launchHint')}</p> : null}
          {w.status !== 'draft' ? (
            <>
              <h2>{t('survey.admin.participationPerUnit')}</h2>
              <p>{t('survey.admin.participationHint', { k: w.minGroupSize })}</p>
              <QueryState query={participation}>
                {(p) => (
                  <section
                    className="table-wrap"
                    aria-label={t('survey.admin.participationPerUnit')}
                    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
                    tabIndex={0}
                  >
                    <table className="table">
                      <caption className="visually-hidden">{t('survey.admin.participationPerUnit')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('survey.admin.unit')}</th>
                          <th scope="col">{t('survey.admin.invited')}</th>
                          <th scope="col">{t('survey.admin.answered')}</th>
                          <th scope="col">{t('survey.admin.rate')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.units.map((unit) => (
                          <tr key={unit.unitId}>
                            <th
                              scope="row"
                              style={{ paddingLeft: `${unit.depth * 0.75}rem`, fontWeight: 400 }}
                            >
                              {unit.nameNl}
                            </th>
                            <td>{unit.invited ?? t('survey.admin.hidden')}</td>
                            <td>{unit.answered ?? t('survey.admin.hidden')}</td>
                            <td>{unit.rate === null ? '—' : `${Math.round(unit.rate * 100)}%`}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </section>
                )}
              </QueryState>
            </>
          ) : null}
        </Frame>
      )}
    </QueryState>
  );
}

/** The wave's closing day, changed in place (a running wave may be extended or shortened, not into the past). */
function CloseDateForm({
  wave,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  wave: WaveDetail;
  error: unknown;
  pending: boolean;
  onSubmit: (closesOn: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const fields = fieldErrorsOf(error);
  useFocusFirstInvalid(form, error);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  // The server counts closing days in Brussels.
  const today = brusselsDay();
  const earliest = wave.status === 'open' && today > wave.opensOn ? today : wave.opensOn;
  return (
    <form
      ref={form}
      className="survey-admin-form"
      aria-labelledby="closes-on-heading"
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(text(formValues(event), 'closesOn')).catch(() => undefined); // Safe: onSubmit shows its own errors in the form; nothing is left to handle here.
      }}
    >
      <h2 id="closes-on-heading">{t('survey.admin.changeClosesOn')}</h2>
      <FormError error={error} shownFields={Object.keys(fields)} />
      <label htmlFor="closes-on">
        {t('survey.admin.newClosesOn')}
        <input
          type="date"
          name="closesOn"
          required
          min={earliest}
          defaultValue={wave.closesOn}
          {...invalidProps('closes-on', fields.closesOn, 'closes-on-hint')}
        />
        <span id="closes-on-hint" className="survey-admin-item__tags">
          {t('survey.admin.closesOnHint', { opensOn: wave.opensOn, closesOn: wave.closesOn })}
        </span>
        <FieldMessage id="closes-on" message={fields.closesOn} />
      </label>
      <FormButtons submitLabel={t('survey.admin.save')} pending={pending} onCancel={onCancel} />
    </form>
  );
}
