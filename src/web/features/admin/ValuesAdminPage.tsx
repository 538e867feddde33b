import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RouteInput } from '../../../shared/api/contract';
import type { valuesApi } from '../../../shared/api/values';
import { ApiError, api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import type { Framework, FrameworkValue } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorAlert, QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { pick, statementText, valueHeading } from '../public/localized';
import { useFramework } from '../public/queries';
import { versionHref } from '../values-history/links';
import { AdminPage } from './AdminPage';

export function ValuesAdminPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const current = useFramework();
  const versions = useQuery({
    queryKey: ['values', 'versions'],
    queryFn: () => api.values.versions(),
  });
  const drafts = useQuery({
    queryKey: ['values', 'drafts'],
    queryFn: () => api.values.drafts(),
  });
  const createDraft = useMutation({
    mutationFn: () => api.values.createDraft(),
    onSuccess: async () => {
      toast.show(t('web.valuesAdmin.draftCreated'));
      await queryClient.invalidateQueries({ queryKey: ['values'] });
    },
  });
  const locale = currentLocale();
  const draft = drafts.data?.[0];

  return (
    <AdminPage section="values">
      <section aria-labelledby="values-current" className="section">
        <h2 id="values-current">{t('web.valuesAdmin.current')}</h2>
        <QueryState query={current}>
          {(framework) => (
            <>
              <p>
                {t('web.valuesAdmin.versionLine', {
                  title: pick(locale, framework.titleNl, framework.titleEn),
                  version: framework.version,
                  date: formatDate(framework.publishedAt),
                })}
              </p>
              <ul className="compact-values">
                {framework.values.map((value) => (
                  <li key={value.key}>
                    <strong>{valueHeading(locale, value)}</strong>:{' '}
                    {t('web.valuesAdmin.statementCount', { count: value.statements.length })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="values-draft" className="section">
        <h2 id="values-draft">{t('web.valuesAdmin.draft')}</h2>
        <QueryState query={drafts}>
          {() =>
            draft ? (
              <DraftEditor key={draft.id} draft={draft} />
            ) : (
              <>
                <p>{t('web.valuesAdmin.noDraft')}</p>
                <Button onPress={() => createDraft.mutate()} isPending={createDraft.isPending}>
                  {t('web.valuesAdmin.createDraft')}
                </Button>
                {createDraft.error ? <ErrorAlert error={createDraft.error} /> : null}
              </>
            )
          }
        </QueryState>
      </section>

      <section aria-labelledby="values-versions" className="section">
        <h2 id="values-versions">{t('web.valuesAdmin.versions')}</h2>
        <QueryState query={versions}>
          {(rows) => (
            <Table
              caption={t('web.valuesAdmin.versions')}
              captionHidden
              rows={rows}
              rowKey={(row) => row.version}
              columns={[
                {
                  key: 'version',
                  header: t('web.valuesAdmin.version'),
                  rowHeader: true,
                  numeric: true,
                  cell: (row) => (
                    <Link
                      to={versionHref(row.version)}
                      aria-label={t('values.history.open', { version: row.version })}
                    >
                      {row.version}
                    </Link>
                  ),
                },
                {
                  key: 'title',
                  header: t('web.valuesAdmin.titleColumn'),
                  cell: (row) => pick(locale, row.titleNl, row.titleEn),
                },
                {
                  key: 'status',
                  header: t('web.valuesAdmin.status'),
                  cell: (row) => t(`web.valuesAdmin.statuses.${row.status}`),
                },
                {
                  key: 'published',
                  header: t('web.valuesAdmin.publishedAt'),
                  cell: (row) => formatDate(row.publishedAt),
                },
              ]}
            />
          )}
        </QueryState>
        <p>
          <Link to={paths.valuesHistory}>{t('values.history.link')}</Link>
        </p>
      </section>
    </AdminPage>
  );
}

type DraftBody = RouteInput<typeof valuesApi.routes.updateDraft>['body'];
/** The draft as the form edits it: the source URL is a text field, empty for none. */
type DraftForm = Omit<DraftBody, 'sourceUrl' | 'values'> & { sourceUrl: string; values: FrameworkValue[] };

function toForm(draft: Framework): DraftForm {
  return {
    titleNl: draft.titleNl,
    titleEn: draft.titleEn,
    introNl: draft.introNl,
    introEn: draft.introEn,
    sourceTitle: draft.sourceTitle,
    sourceUrl: draft.sourceUrl ?? '',
    values: draft.values.map((value) => ({
      ...value,
      statements: value.statements.map((statement) => ({ ...statement })),
    })),
  };
}

function DraftEditor({ draft }: { draft: Framework }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [form, setForm] = useState<DraftForm>(() => toForm(draft));
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  useEffect(() => setForm(toForm(draft)), [draft]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['values'] });
  const saveDraft = () =>
    api.values.updateDraft({
      params: { id: draft.id },
      body: { ...form, sourceUrl: form.sourceUrl.trim() || null },
    });
  const save = useMutation({
    mutationFn: saveDraft,
    onSuccess: async () => {
      toast.show(t('web.valuesAdmin.saved'));
      await refresh();
    },
  });
  const publish = useMutation({
    // What is on screen is what gets published: save the edits first, then publish.
    mutationFn: async () => {
      await saveDraft();
      return api.values.publishDraft({ params: { id: draft.id } });
    },
    onSuccess: async () => {
      setConfirm(null);
      toast.show(t('web.valuesAdmin.published', { version: draft.version }));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.values.deleteDraft({ params: { id: draft.id } }),
    onSuccess: async () => {
      setConfirm(null);
      toast.show(t('web.valuesAdmin.deleted'));
      await refresh();
    },
  });

  const error = save.error instanceof ApiError ? save.error : null;
  const updateValue = (index: number, patch: Partial<DraftForm['values'][number]>) =>
    setForm({
      ...form,
      values: form.values.map((value, i) => (i === index ? { ...value, ...patch } : value)),
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <>
      <p>{t('web.valuesAdmin.draftIntro', { version: draft.version })}</p>
      <Form
        onSubmit={submit}
        validationErrors={error?.fieldErrors()}
        validationBehavior="aria"
        className="form"
      >
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <div className="two-columns">
          <TextField
            label={t('web.valuesAdmin.titleNl')}
            name="titleNl"
            isRequired
            value={form.titleNl}
            onChange={(titleNl) => setForm({ ...form, titleNl })}
          />
          <TextField
            label={t('web.valuesAdmin.titleEn')}
            name="titleEn"
            isRequired
            value={form.titleEn}
            onChange={(titleEn) => setForm({ ...form, titleEn })}
          />
          <TextField
            label={t('web.valuesAdmin.introNl')}
            name="introNl"
            multiline
            value={form.introNl}
            onChange={(introNl) => setForm({ ...form, introNl })}
          />
          <TextField
            label={t('web.valuesAdmin.introEn')}
            name="introEn"
            multiline
            value={form.introEn}
            onChange={(introEn) => setForm({ ...form, introEn })}
          />
          <TextField
            label={t('web.valuesAdmin.sourceTitle')}
            name="sourceTitle"
            isRequired
            value={form.sourceTitle}
            onChange={(sourceTitle) => setForm({ ...form, sourceTitle })}
          />
          <TextField
            label={t('web.valuesAdmin.sourceUrl')}
            name="sourceUrl"
            type="url"
            value={form.sourceUrl}
            onChange={(sourceUrl) => setForm({ ...form, sourceUrl })}
          />
        </div>
        {form.values.map((value, index) => (
          <fieldset key={value.key} className="value-fieldset">
            <legend className="value-fieldset__legend">{valueHeading(locale, value)}</legend>
            <div className="two-columns">
              <TextField
                label={t('web.valuesAdmin.nameNl')}
                name={`values.${index}.nameNl`}
                isRequired
                value={value.nameNl}
                onChange={(nameNl) => updateValue(index, { nameNl })}
              />
              <TextField
                label={t('web.valuesAdmin.nameEn')}
                name={`values.${index}.nameEn`}
                isRequired
                value={value.nameEn}
                onChange={(nameEn) => updateValue(index, { nameEn })}
              />
              <TextField
                label={t('web.valuesAdmin.headingNl')}
                name={`values.${index}.headingNl`}
                isRequired
                value={value.headingNl}
                onChange={(headingNl) => updateValue(index, { headingNl })}
              />
              <TextField
                label={t('web.valuesAdmin.headingEn')}
                name={`values.${index}.headingEn`}
                isRequired
                value={value.headingEn}
                onChange={(headingEn) => updateValue(index, { headingEn })}
              />
            </div>
            <ol className="statement-list">
              {value.statements.map((statement, statementIndex) => {
                const number = statementIndex + 1;
                const setStatement = (patch: Partial<typeof statement>) =>
                  updateValue(index, {
                    statements: value.statements.map((s, i) =>
                      i === statementIndex ? { ...s, ...patch } : s,
                    ),
                  });
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: statements are edited in place and have no id yet.
                  <li key={statementIndex} className="statement-list__item">
                    <div className="two-columns">
                      <TextField
                        label={t('web.valuesAdmin.statementNl', { number })}
                        name={`values.${index}.statements.${statementIndex}.textNl`}
                        multiline
                        rows={2}
                        isRequired
                        value={statement.textNl}
                        onChange={(textNl) => setStatement({ textNl })}
                      />
                      <TextField
                        label={t('web.valuesAdmin.statementEn', { number })}
                        name={`values.${index}.statements.${statementIndex}.textEn`}
                        multiline
                        rows={2}
                        isRequired
                        value={statement.textEn}
                        onChange={(textEn) => setStatement({ textEn })}
                      />
                    </div>
                    <Button
                      variant="quiet"
                      isDisabled={value.statements.length <= 1}
                      onPress={() =>
                        updateValue(index, {
                          statements: value.statements.filter((_, i) => i !== statementIndex),
                        })
                      }
                      aria-label={t('web.valuesAdmin.removeStatementLabel', {
                        number,
                        value: valueHeading(locale, value),
                      })}
                    >
                      {t('web.valuesAdmin.removeStatement')}
                    </Button>
                  </li>
                );
              })}
            </ol>
            <Button
              variant="secondary"
              onPress={() =>
                updateValue(index, { statements: [...value.statements, { textNl: '', textEn: '' }] })
              }
              aria-label={t('web.valuesAdmin.addStatementLabel', { value: valueHeading(locale, value) })}
            >
              {t('web.valuesAdmin.addStatement')}
            </Button>
            <details className="value-fieldset__central">
              <summary>{t('web.valuesAdmin.preview')}</summary>
              <ul>
                {value.statements.map((statement, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only echo of the list above.
                  <li key={i}>{statementText(locale, statement)}</li>
                ))}
              </ul>
            </details>
          </fieldset>
        ))}
        <div className="form__actions">
          <Button type="submit" isPending={save.isPending}>
            {t('web.valuesAdmin.save')}
          </Button>
          <Button variant="secondary" onPress={() => setConfirm('publish')}>
            {t('web.valuesAdmin.publish')}
          </Button>
          <Button variant="danger" onPress={() => setConfirm('delete')}>
            {t('web.valuesAdmin.deleteDraft')}
          </Button>
        </div>
      </Form>
      <ConfirmDialog
        title={t('web.valuesAdmin.publishTitle', { version: draft.version })}
        message={
          <>
            <p>{t('web.valuesAdmin.publishText')}</p>
            {publish.error ? <ErrorAlert error={publish.error} /> : null}
          </>
        }
        confirmLabel={t('web.valuesAdmin.publishConfirm')}
        isOpen={confirm === 'publish'}
        onOpenChange={(open) => setConfirm(open ? 'publish' : null)}
        onConfirm={() => publish.mutate()}
        isPending={publish.isPending}
      />
      <ConfirmDialog
        title={t('web.valuesAdmin.deleteTitle', { version: draft.version })}
        message={
          <>
            <p>{t('web.valuesAdmin.deleteText')}</p>
            {remove.error ? <ErrorAlert error={remove.error} /> : null}
          </>
        }
        confirmLabel={t('web.valuesAdmin.deleteDraft')}
        variant="danger"
        isOpen={confirm === 'delete'}
        onOpenChange={(open) => setConfirm(open ? 'delete' : null)}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
      />
    </>
  );
}
