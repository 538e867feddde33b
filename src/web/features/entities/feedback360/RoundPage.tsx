import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ValueKey, valueKeys } from '../../../../shared/domain';
import { ApiError, api } from '../../../app/api';
import { formatNumber } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { paths } from '../../../app/paths';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';
import { useValueNames } from '../plans/shared';
import { Feedback360Nav, type Report, type Round } from './shared';

/** /360/ronde/:id: one of the leader's rounds; once closed, the report and the development goals. */
export function RoundPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const round = useQuery({
    queryKey: ['entities', 'feedback360', 'round', id],
    queryFn: () => api.entitiesFeedback360.get({ params: { id } }),
  });
  return (
    <>
      <PageTitle>{t('entitiesFeedback360.round.title')}</PageTitle>
      <Feedback360Nav />
      <QueryState query={round}>{(data) => <RoundBody round={data} />}</QueryState>
    </>
  );
}

function RoundBody({ round }: { round: Round }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: () => api.entitiesFeedback360.remind({ params: { id: round.id } }),
    onSuccess: () => toast.show(t('entitiesFeedback360.round.reminded')),
  });
  const close = useMutation({
    mutationFn: () => api.entitiesFeedback360.close({ params: { id: round.id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['entities', 'feedback360'] }),
  });
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () => api.entitiesFeedback360.cancel({ params: { id: round.id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['entities', 'feedback360'] }),
  });
  return (
    <>
      <p className="lead">
        {t('entitiesFeedback360.round.summary', {
          status: t(`entitiesFeedback360.status.${round.status}`),
          closesOn: round.closesOn,
        })}
      </p>
      <h2>{t('entitiesFeedback360.round.invited')}</h2>
      <ul className="ent-list">
        {Object.entries(round.invited).map(([group, n]) => (
          <li key={group}>
            {t(`entitiesFeedback360.group.${group}`)}: {formatNumber(n)}
          </li>
        ))}
      </ul>
      {round.status === 'open' ? (
        <>
          <p>{t('entitiesFeedback360.round.openNote')}</p>
          <div className="ent-actions">
            <Button variant="secondary" onPress={() => remind.mutate()} isPending={remind.isPending}>
              {t('entitiesFeedback360.round.remind')}
            </Button>
            <Button onPress={() => close.mutate()} isPending={close.isPending}>
              {t('entitiesFeedback360.round.close')}
            </Button>
            {confirming ? null : (
              <Button variant="danger" onPress={() => setConfirming(true)}>
                {t('entitiesFeedback360.round.cancel')}
              </Button>
            )}
          </div>
          {confirming ? (
            <section aria-label={t('entitiesFeedback360.round.cancel')} className="ent-card">
              <p>{t('entitiesFeedback360.round.cancelConfirm')}</p>
              <div className="ent-actions">
                <Button variant="danger" onPress={() => cancel.mutate()} isPending={cancel.isPending}>
                  {t('entitiesFeedback360.round.cancelYes')}
                </Button>
                {/* Focus lands on the safe choice, so the dialog's text is read before anything is deleted. */}
                <Button variant="secondary" autoFocus onPress={() => setConfirming(false)}>
                  {t('entitiesFeedback360.round.cancelNo')}
                </Button>
              </div>
            </section>
          ) : null}
        </>
      ) : round.status === 'cancelled' ? (
        <p>{t('entitiesFeedback360.round.cancelledNote')}</p>
      ) : (
        <ReportView roundId={round.id} />
      )}
    </>
  );
}

function ReportView({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { name } = useValueNames();
  const report = useQuery({
    queryKey: ['entities', 'feedback360', 'report', roundId],
    queryFn: () => api.entitiesFeedback360.report({ params: { id: roundId } }),
  });
  const fmt = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n));
  return (
    <QueryState query={report}>
      {(data: Report) => {
        const shown = data.groups.filter((g) => g.visible);
        const hidden = data.groups.filter((g) => !g.visible);
        return (
          <>
            <h2>{t('entitiesFeedback360.report.title')}</h2>
            <Alert tone="info">{t('entitiesFeedback360.report.threshold', { k: data.k })}</Alert>
            {hidden.length > 0 ? (
              <p className="muted">
                {t('entitiesFeedback360.report.hidden', {
                  groups: hidden.map((g) => t(`entitiesFeedback360.group.${g.group}`)).join(', '),
                })}
              </p>
            ) : null}
            <section
              className="table-wrap"
              aria-label={t('entitiesFeedback360.report.valuesCaption')}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
              tabIndex={0}
            >
              <table className="table">
                <caption className="table__caption">{t('entitiesFeedback360.report.valuesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('entitiesFeedback360.report.value')}</th>
                    <th scope="col">{t('entitiesFeedback360.report.self')}</th>
                    <th scope="col">{t('entitiesFeedback360.group.all')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.values.map((v) => (
                    <tr key={v.value}>
                      <th scope="row">{name(v.value)}</th>
                      <td>{fmt(v.self)}</td>
                      <td>{fmt(v.others)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section
              className="table-wrap"
              aria-label={t('entitiesFeedback360.report.statementsCaption')}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
              tabIndex={0}
            >
              <table className="table">
                <caption className="table__caption">
                  {t('entitiesFeedback360.report.statementsCaption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('entitiesFeedback360.report.statement')}</th>
                    <th scope="col">{t('entitiesFeedback360.report.self')}</th>
                    {shown.map((g) => (
                      <th scope="col" key={g.group}>
                        {t(`entitiesFeedback360.group.${g.group}`)} ({fmt(g.raters)})
                      </th>
                    ))}
                    <th scope="col">{t('entitiesFeedback360.report.gap')}</th>
                    <th scope="col">{t('entitiesFeedback360.report.spread')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.statements.map((s, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the round's statements are fixed
                    <tr key={i}>
                      <th scope="row">
                        {name(s.value)}: {pick(locale, s.textNl, s.textEn)}
                      </th>
                      <td>{fmt(data.self[i])}</td>
                      {shown.map((g) => (
                        <td key={g.group}>{fmt(g.means?.[i])}</td>
                      ))}
                      <td>{fmt(data.gaps?.[i])}</td>
                      <td>{fmt(data.spread?.[i])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <h3>{t('entitiesFeedback360.report.comments')}</h3>
            {data.commentsVisible ? (
              <ul className="ent-list">
                {data.comments.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: comments have no identity, on purpose
                  <li key={i}>{c}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('entitiesFeedback360.report.noComments', { k: data.k })}</p>
            )}
            <GoalForm roundId={roundId} />
          </>
        );
      }}
    </QueryState>
  );
}

function GoalForm({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const toast = useToast();
  const { name } = useValueNames();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [values, setValues] = useState<ValueKey[]>([]);
  const save = useMutation({
    mutationFn: () =>
      api.entitiesFeedback360.goal({ params: { id: roundId }, body: { title, description, values } }),
    onSuccess: () => {
      toast.show(t('entitiesFeedback360.goal.saved'));
      setTitle('');
      setDescription('');
      setValues([]);
    },
  });
  const serverError = save.error instanceof ApiError ? save.error : null;
  const errors = serverError?.fieldErrors() ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="ent-card">
      <h2 id={`${id}-heading`}>{t('entitiesFeedback360.goal.title')}</h2>
      <p>
        {t('entitiesFeedback360.goal.lead')}{' '}
        <Link to={paths.actionPlan}>{t('entitiesFeedback360.goal.plan')}</Link>
      </p>
      <Form onSubmit={submit} validationErrors={errors} validationBehavior="aria" className="form">
        {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
        <TextField
          name="title"
          label={t('entitiesFeedback360.goal.titleField')}
          value={title}
          onChange={setTitle}
          isRequired
          errorMessage={errors.title}
        />
        <TextField
          name="description"
          label={t('entitiesFeedback360.goal.description')}
          value={description}
          onChange={setDescription}
          multiline
          rows={3}
          errorMessage={errors.description}
        />
        <fieldset className="fieldset">
          <legend>{t('entitiesFeedback360.goal.values')}</legend>
          <div className="ent-options">
            {valueKeys.map((v) => (
              <label key={v}>
                <input
                  type="checkbox"
                  checked={values.includes(v)}
                  onChange={(event) =>
                    setValues((list) => (event.target.checked ? [...list, v] : list.filter((x) => x !== v)))
                  }
                />
                {name(v)}
              </label>
            ))}
          </div>
          {errors.values ? <p className="field__error">{errors.values}</p> : null}
        </fieldset>
        <div className="ent-actions">
          <Button type="submit" isPending={save.isPending}>
            {t('entitiesFeedback360.goal.save')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
