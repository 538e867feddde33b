import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { paths } from '../../../app/paths';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { ErrorAlert, QueryState } from '../../../ui/QueryState';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';
import { useValueNames } from '../plans/shared';
import { DecisionForm } from './DecisionForm';
import { type Decision, TouchstoneNav } from './shared';

/** /toetssteen/beslissing/:id: one decision, laid out to be printed (print CSS hides the site around it). */
export function DecisionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const decision = useQuery({
    queryKey: ['entities', 'decisions', 'one', id],
    queryFn: () => api.entitiesTouchstone.get({ params: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
  const units = useQuery({
    queryKey: ['entities', 'decisions', 'mine'],
    queryFn: () => api.entitiesTouchstone.list({ query: { box: 'mine' } }),
    enabled: editing,
  });
  return (
    <>
      <PageTitle title={decision.data?.title ?? t('entitiesTouchstone.nav.label')}>
        {decision.data?.title ?? t('entitiesTouchstone.nav.label')}
      </PageTitle>
      <TouchstoneNav />
      <QueryState query={decision}>
        {(data) =>
          editing && units.data ? (
            <DecisionForm units={units.data.units} editing={data} onDone={() => setEditing(false)} />
          ) : (
            <Printable decision={data} onEdit={() => setEditing(true)} />
          )
        }
      </QueryState>
    </>
  );
}

function Printable({ decision, onEdit }: { decision: Decision; onEdit: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { name } = useValueNames();
  const remove = useMutation({
    mutationFn: () => api.entitiesTouchstone.remove({ params: { id: decision.id } }),
    onSuccess: async () => {
      toast.show(t('entitiesTouchstone.view.deleted'));
      await queryClient.invalidateQueries({ queryKey: ['entities', 'decisions'] });
      navigate(paths.touchstone);
    },
  });
  const block = (heading: string, text: string) =>
    text ? (
      <section>
        <h2 className="h3">{heading}</h2>
        <p style={{ whiteSpace: 'pre-line' }}>{text}</p>
      </section>
    ) : null;
  return (
    <article className="ent-printable">
      <div className="ent-actions ent-no-print">
        <Button onPress={() => window.print()}>{t('entitiesTouchstone.view.print')}</Button>
        {decision.mine ? (
          <>
            <Button variant="secondary" onPress={onEdit}>
              {t('entitiesTouchstone.view.edit')}
            </Button>
            <Button
              variant="danger"
              isPending={remove.isPending}
              onPress={() => {
                if (window.confirm(t('entitiesTouchstone.view.confirmDelete'))) remove.mutate();
              }}
            >
              {t('entitiesTouchstone.view.delete')}
            </Button>
          </>
        ) : null}
        <Link to={paths.touchstone}>{t('entitiesTouchstone.view.back')}</Link>
      </div>
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <dl className="ent-facts">
        <dt>{t('entitiesTouchstone.view.unit')}</dt>
        <dd>{pick(locale, decision.unit.nameNl, decision.unit.nameEn)}</dd>
        <dt>{t('entitiesTouchstone.view.author')}</dt>
        <dd>{decision.author.name}</dd>
        {decision.decidedOn ? (
          <>
            <dt>{t('entitiesTouchstone.form.decidedOn')}</dt>
            <dd>{formatDate(decision.decidedOn)}</dd>
          </>
        ) : null}
        <dt>{t('entitiesTouchstone.form.sharing')}</dt>
        <dd>{t(`entitiesTouchstone.sharing.${decision.sharing}`)}</dd>
      </dl>
      {block(t('entitiesTouchstone.form.context'), decision.context)}
      {block(t('entitiesTouchstone.form.options'), decision.options)}
      {block(t('entitiesTouchstone.form.decision'), decision.decision)}
      <section>
        <section
          className="table-wrap"
          aria-label={t('entitiesTouchstone.view.caption')}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
          tabIndex={0}
        >
          <table className="table">
            <caption className="table__caption">{t('entitiesTouchstone.view.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('entitiesTouchstone.view.value')}</th>
                <th scope="col">{t('entitiesTouchstone.view.weighing')}</th>
                <th scope="col">{t('entitiesTouchstone.view.reasoning')}</th>
              </tr>
            </thead>
            <tbody>
              {decision.weighings.map((w) => (
                <tr key={w.value}>
                  <th scope="row">{name(w.value)}</th>
                  <td>{t(`entitiesTouchstone.weighing.${w.weighing}`)}</td>
                  <td>{w.reasoning || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
      {block(t('entitiesTouchstone.form.risks'), decision.risks)}
      {block(t('entitiesTouchstone.form.lessons'), decision.lessons)}
      <p className="ent-print-only">
        {t('entitiesTouchstone.view.printedOn', { date: formatDate(new Date().toISOString()) })}
      </p>
    </article>
  );
}
