import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../app/api';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { Select } from '../../../ui/Select';
import { type Column, Table } from '../../../ui/Table';
import { TextField } from '../../../ui/TextField';
import type { CannedAnswer } from '../canned/fill';
import { SupervisorNav } from './SupervisorNav';
import './supervisor.css';

const CANNED_KEY = ['contact', 'canned-answers'] as const;
const ALL = '*';

type Draft = {
  id: number | null;
  title: string;
  shortcut: string;
  queue: string;
  textNl: string;
  textEn: string;
};
const emptyDraft: Draft = { id: null, title: '', shortcut: '', queue: ALL, textNl: '', textEn: '' };

/** /1700/toezicht/standaardantwoorden — the supervisor keeps the answers agents insert. */
export function CannedAnswersPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  const formHeadingId = useId();
  const answers = useQuery({
    queryKey: CANNED_KEY,
    queryFn: () => api.contactChat.cannedAnswers(),
  });
  const queues = useQuery({
    queryKey: ['contact', 'queue-settings'],
    queryFn: () => api.contactChat.queueSettings(),
  });
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [notice, setNotice] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (d: Draft) => {
      const body = {
        title: d.title,
        shortcut: d.shortcut.trim() || null,
        queue: d.queue === ALL ? null : d.queue,
        textNl: d.textNl,
        textEn: d.textEn,
      };
      return d.id === null
        ? api.contactChat.createCannedAnswer({ body })
        : api.contactChat.updateCannedAnswer({ params: { id: d.id }, body });
    },
    onSuccess: (saved) => {
      setNotice(t('contactSupervisor.canned.saved', { title: saved.title }));
      setDraft(emptyDraft);
      void client.invalidateQueries({ queryKey: CANNED_KEY });
    },
  });
  const remove = useMutation({
    mutationFn: (answer: CannedAnswer) => api.contactChat.deleteCannedAnswer({ params: { id: answer.id } }),
    onSuccess: (_, answer) => {
      setNotice(t('contactSupervisor.canned.deleted', { title: answer.title }));
      void client.invalidateQueries({ queryKey: CANNED_KEY });
    },
  });

  const queueName = (key: string | null) => {
    if (!key) return t('contactSupervisor.canned.allQueues');
    const queue = queues.data?.find((q) => q.key === key);
    return queue ? (i18n.language === 'en' ? queue.nameEn : queue.nameNl) : key;
  };

  const edit = (answer: CannedAnswer) => {
    save.reset();
    setNotice(null);
    setDraft({
      id: answer.id,
      title: answer.title,
      shortcut: answer.shortcut ?? '',
      queue: answer.queue ?? ALL,
      textNl: answer.textNl,
      textEn: answer.textEn,
    });
    // The form is above the list: the focus follows, so keyboard users land where they edit.
    window.setTimeout(() => formHeadingRef.current?.focus(), 0);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    save.mutate(draft);
  };

  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const columns: Column<CannedAnswer>[] = [
    { key: 'title', header: t('contactSupervisor.canned.colTitle'), cell: (a) => a.title, rowHeader: true },
    {
      key: 'shortcut',
      header: t('contactSupervisor.canned.colShortcut'),
      cell: (a) => (a.shortcut ? <code>/{a.shortcut}</code> : '—'),
    },
    { key: 'queue', header: t('contactSupervisor.canned.colQueue'), cell: (a) => queueName(a.queue) },
    {
      key: 'text',
      header: t('contactSupervisor.canned.colText'),
      cell: (a) => (i18n.language === 'en' ? a.textEn : a.textNl),
    },
    {
      key: 'actions',
      header: t('contactSupervisor.canned.colActions'),
      cell: (a) => (
        <span className="canned__actions">
          <Button variant="secondary" onPress={() => edit(a)}>
            <span aria-hidden="true">✎</span>
            <span className="visually-hidden">{t('contactSupervisor.canned.edit', { title: a.title })}</span>
          </Button>
          <Button variant="secondary" onPress={() => remove.mutate(a)} isDisabled={remove.isPending}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">
              {t('contactSupervisor.canned.delete', { title: a.title })}
            </span>
          </Button>
        </span>
      ),
    },
  ];

  return (
    <div className="supervisor">
      <PageTitle>{t('contactSupervisor.canned.title')}</PageTitle>
      <SupervisorNav />
      <p>{t('contactSupervisor.canned.intro')}</p>
      <p>{t('contactSupervisor.canned.variables')}</p>
      <section className="supervisor__panel" aria-labelledby={formHeadingId}>
        <h2 id={formHeadingId} ref={formHeadingRef} tabIndex={-1}>
          {draft.id === null
            ? t('contactSupervisor.canned.newTitle')
            : t('contactSupervisor.canned.editTitle')}
        </h2>
        <form onSubmit={submit} noValidate className="canned-form">
          <TextField
            label={t('contactSupervisor.canned.fieldTitle')}
            isRequired
            value={draft.title}
            onChange={(title) => setDraft((d) => ({ ...d, title }))}
            errorMessage={errors.title}
          />
          <TextField
            label={t('contactSupervisor.canned.fieldShortcut')}
            description={t('contactSupervisor.canned.shortcutHelp')}
            value={draft.shortcut}
            onChange={(shortcut) => setDraft((d) => ({ ...d, shortcut }))}
            errorMessage={errors.shortcut}
          />
          <Select
            label={t('contactSupervisor.canned.fieldQueue')}
            options={[
              { id: ALL, label: t('contactSupervisor.canned.allQueues') },
              ...(queues.data ?? []).map((q) => ({
                id: q.key,
                label: i18n.language === 'en' ? q.nameEn : q.nameNl,
              })),
            ]}
            selectedKey={draft.queue}
            onSelectionChange={(key) => setDraft((d) => ({ ...d, queue: String(key) }))}
            errorMessage={errors.queue}
          />
          <TextField
            label={t('contactSupervisor.canned.fieldTextNl')}
            isRequired
            multiline
            rows={3}
            value={draft.textNl}
            onChange={(textNl) => setDraft((d) => ({ ...d, textNl }))}
            errorMessage={errors.textNl}
          />
          <TextField
            label={t('contactSupervisor.canned.fieldTextEn')}
            isRequired
            multiline
            rows={3}
            value={draft.textEn}
            onChange={(textEn) => setDraft((d) => ({ ...d, textEn }))}
            errorMessage={errors.textEn}
          />
          {save.error && Object.keys(errors).length === 0 ? (
            <Alert tone="error">{(save.error as Error).message}</Alert>
          ) : null}
          <div className="canned-form__buttons">
            <Button type="submit" isDisabled={save.isPending}>
              {draft.id === null
                ? t('contactSupervisor.canned.create')
                : t('contactSupervisor.canned.update')}
            </Button>
            {draft.id !== null ? (
              <Button
                variant="secondary"
                onPress={() => {
                  save.reset();
                  setDraft(emptyDraft);
                }}
              >
                {t('contactSupervisor.canned.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      </section>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {remove.error ? <Alert tone="error">{(remove.error as Error).message}</Alert> : null}
      <QueryState query={answers}>
        {(rows) => (
          <Table
            caption={t('contactSupervisor.canned.title')}
            columns={columns}
            rows={rows}
            rowKey={(a) => a.id}
            empty={t('contactSupervisor.canned.empty')}
          />
        )}
      </QueryState>
    </div>
  );
}
