import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import type { ValueKey } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { PageTitle } from '../../ui/PageTitle';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/Tabs';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { pick } from '../public/localized';
import {
  type Colleague,
  type Message,
  MIN_MESSAGE_LENGTH,
  RecognitionNav,
  ValuePicker,
  ValueTags,
} from './shared';
import './recognition.css';

type Visibility = 'private' | 'manager' | 'team';
const visibilities: Visibility[] = ['private', 'manager', 'team'];
type Box = 'received' | 'sent' | 'feed';

/** /waardering: write to a colleague about the values, read what you received, sent and what your team shares. */
export function RecognitionPage() {
  const { t } = useTranslation();
  const [box, setBox] = useState<Box>('received');
  return (
    <>
      <PageTitle>{t('recognition.web.title')}</PageTitle>
      <RecognitionNav />
      <p className="lead">{t('recognition.web.lead')}</p>
      <p className="rec-note">
        <strong>{t('recognition.web.noPoints')}</strong>
      </p>
      <ComposeForm />
      <h2>{t('recognition.web.messagesHeading')}</h2>
      <Tabs selectedKey={box} onSelectionChange={(key) => setBox(key as Box)}>
        <TabList aria-label={t('recognition.web.messagesHeading')}>
          <Tab id="received">{t('recognition.web.box.received')}</Tab>
          <Tab id="sent">{t('recognition.web.box.sent')}</Tab>
          <Tab id="feed">{t('recognition.web.box.feed')}</Tab>
        </TabList>
        {(['received', 'sent', 'feed'] as Box[]).map((b) => (
          <TabPanel key={b} id={b}>
            <MessageBox box={b} />
          </TabPanel>
        ))}
      </Tabs>
      <Preferences />
    </>
  );
}

function ColleaguePicker({
  value,
  onChange,
  error,
}: {
  value: Colleague | null;
  onChange: (c: Colleague | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const results = useQuery({
    queryKey: ['recognition', 'colleagues', debounced],
    queryFn: () => api.recognition.colleagues({ query: { q: debounced } }),
    enabled: debounced.length >= 2,
  });
  const groupId = useId();
  const options = results.data ?? [];
  return (
    <div className="field">
      <TextField
        label={t('recognition.web.form.search')}
        description={t('recognition.web.form.searchHint')}
        value={q}
        onChange={setQ}
        type="search"
        autoComplete="off"
      />
      <fieldset className="fieldset" aria-describedby={error ? `${groupId}-error` : undefined}>
        <legend>
          {t('recognition.web.form.colleague')}
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        {value && !options.some((o) => o.personId === value.personId) ? (
          <p>{t('recognition.web.form.chosen', { name: value.name })}</p>
        ) : null}
        <p role="status" className="muted small">
          {debounced.length < 2
            ? t('recognition.web.form.typeToSearch')
            : results.isFetching
              ? t('web.common.loading')
              : t('recognition.web.form.results', { count: options.length })}
        </p>
        <div className="rec-options">
          {options.map((c) => (
            <label key={c.personId}>
              <input
                type="radio"
                name="recipient"
                checked={value?.personId === c.personId}
                onChange={() => onChange(c)}
              />
              <span>
                {c.name}
                {c.unitPath.length > 0 ? (
                  <span className="muted">
                    {' — '}
                    {c.unitPath.map((step) => pick(locale, step.nl, step.en)).join(' › ')}
                  </span>
                ) : c.unitNameNl ? (
                  <span className="muted"> — {pick(locale, c.unitNameNl, c.unitNameEn)}</span>
                ) : null}
              </span>
            </label>
          ))}
        </div>
        {error ? (
          <p id={`${groupId}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}

function ComposeForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [recipient, setRecipient] = useState<Colleague | null>(null);
  const [kind, setKind] = useState<'appreciation' | 'feedback'>('appreciation');
  const [values, setValues] = useState<ValueKey[]>([]);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [formKey, setFormKey] = useState(0);
  const send = useMutation({
    mutationFn: () =>
      api.recognition.send({
        body: { recipientPersonId: recipient?.personId ?? 0, kind, values, body, visibility },
      }),
    onSuccess: async () => {
      toast.show(t('recognition.web.form.sent', { name: recipient?.name ?? '' }));
      setRecipient(null);
      setValues([]);
      setBody('');
      setVisibility('private');
      setFormKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: ['recognition', 'messages'] });
    },
  });
  const serverError = send.error instanceof ApiError ? send.error : null;
  const errors = serverError?.fieldErrors() ?? {};
  const length = body.trim().length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <section aria-labelledby="rec-compose">
      <h2 id="rec-compose">{t('recognition.web.form.heading')}</h2>
      <Form
        onSubmit={submit}
        validationErrors={errors}
        validationBehavior="aria"
        className="form"
        key={formKey}
      >
        {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
        <ColleaguePicker value={recipient} onChange={setRecipient} error={errors.recipientPersonId} />
        <fieldset className="fieldset">
          <legend>{t('recognition.web.form.kind')}</legend>
          <div className="rec-options">
            {(['appreciation', 'feedback'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
                <span>
                  {t(`recognition.web.kind.${k}`)}
                  <span className="muted"> — {t(`recognition.web.kindHint.${k}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <ValuePicker
          legend={t('recognition.web.form.values')}
          values={values}
          onChange={setValues}
          error={errors.values}
        />
        <TextField
          name="body"
          label={t('recognition.web.form.body')}
          description={t('recognition.web.form.bodyHint', { min: MIN_MESSAGE_LENGTH })}
          multiline
          rows={5}
          value={body}
          onChange={setBody}
          isRequired
          errorMessage={errors.body}
        />
        <p className="rec-counter muted" aria-live="polite">
          {length < MIN_MESSAGE_LENGTH
            ? t('recognition.web.form.more', { count: MIN_MESSAGE_LENGTH - length })
            : t('recognition.web.form.enough')}
        </p>
        <fieldset className="fieldset">
          <legend>{t('recognition.web.form.visibility')}</legend>
          <div className="rec-options">
            {visibilities.map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="visibility"
                  checked={visibility === v}
                  onChange={() => setVisibility(v)}
                />
                <span>{t(`recognition.web.visibility.${v}`)}</span>
              </label>
            ))}
          </div>
          <p className="muted small">{t('recognition.web.form.visibilityHint')}</p>
        </fieldset>
        <Button type="submit" isPending={send.isPending}>
          {t('recognition.web.form.submit')}
        </Button>
      </Form>
    </section>
  );
}

function MessageBox({ box }: { box: Box }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['recognition', 'messages', box, page],
    queryFn: () => api.recognition.list({ query: { box, page } }),
  });
  return (
    <QueryState query={query}>
      {(data) =>
        data.items.length === 0 ? (
          <p>{t(`recognition.web.empty.${box}`)}</p>
        ) : (
          <>
            <ul className="rec-list">
              {data.items.map((m) => (
                <li key={m.id}>
                  <MessageCard message={m} />
                </li>
              ))}
            </ul>
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPageChange={setPage}
              label={t(`recognition.web.box.${box}`)}
            />
          </>
        )
      }
    </QueryState>
  );
}

function MessageCard({ message }: { message: Message }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [narrowTo, setNarrowTo] = useState<Visibility>(message.visibility);
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const headingId = useId();
  const narrow = useMutation({
    mutationFn: () => api.recognition.narrow({ params: { id: message.id }, body: { visibility: narrowTo } }),
    onSuccess: async () => {
      toast.show(t('recognition.web.narrowed'));
      await queryClient.invalidateQueries({ queryKey: ['recognition', 'messages'] });
    },
  });
  const report = useMutation({
    mutationFn: () => api.recognition.report({ params: { id: message.id }, body: { reason } }),
    onSuccess: () => {
      setReporting(false);
      setReason('');
      toast.show(t('recognition.web.reported'));
    },
  });
  const allowed = visibilities.filter(
    (v) => visibilities.indexOf(v) <= visibilities.indexOf(message.visibility),
  );
  const reportError = report.error instanceof ApiError ? report.error : null;
  return (
    <article className="rec-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`recognition.web.cardTitle.${message.kind}`, {
          from: message.sender.name,
          to: message.recipient.name,
        })}
      </h3>
      <p className="muted small">
        {formatDate(message.createdAt)} · {t(`recognition.web.visibility.${message.visibility}`)}
      </p>
      <ValueTags values={message.values} />
      <p className="preserve-lines">{message.body}</p>
      <div className="rec-card__actions">
        {message.canNarrow ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              narrow.mutate();
            }}
            className="rec-card__actions"
          >
            <label className="field">
              <span className="field__label">{t('recognition.web.narrowLabel')}</span>
              <select
                className="field__input"
                value={narrowTo}
                onChange={(event) => setNarrowTo(event.target.value as Visibility)}
              >
                {allowed.map((v) => (
                  <option key={v} value={v}>
                    {t(`recognition.web.visibility.${v}`)}
                  </option>
                ))}
              </select>
            </label>
            <Button
              type="submit"
              variant="secondary"
              isDisabled={narrowTo === message.visibility}
              isPending={narrow.isPending}
            >
              {t('recognition.web.narrow')}
            </Button>
          </form>
        ) : null}
        {message.mine !== 'sender' ? (
          <Button variant="quiet" onPress={() => setReporting(true)}>
            {t('recognition.web.report')}
          </Button>
        ) : null}
      </div>
      <Dialog title={t('recognition.web.reportTitle')} isOpen={reporting} onOpenChange={setReporting}>
        {(close) => (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              report.mutate();
            }}
          >
            <div className="dialog__body">
              <p>{t('recognition.web.reportText')}</p>
              {reportError ? <Alert tone="error">{reportError.message}</Alert> : null}
              <TextField
                label={t('recognition.web.reportReason')}
                multiline
                rows={3}
                value={reason}
                onChange={setReason}
                isRequired
                errorMessage={reportError?.fieldErrors().reason}
                autoFocus
              />
            </div>
            <div className="dialog__actions">
              <Button variant="secondary" onPress={close}>
                {t('web.common.cancel')}
              </Button>
              <Button type="submit" isPending={report.isPending}>
                {t('recognition.web.reportSubmit')}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </article>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const prefs = useQuery({
    queryKey: ['recognition', 'preferences'],
    queryFn: () => api.recognition.preferences(),
  });
  const save = useMutation({
    mutationFn: (emailMode: 'immediate' | 'weekly' | 'off') =>
      api.recognition.setPreferences({ body: { emailMode } }),
    onSuccess: async () => {
      toast.show(t('recognition.web.prefs.saved'));
      await queryClient.invalidateQueries({ queryKey: ['recognition', 'preferences'] });
    },
  });
  return (
    <section aria-labelledby="rec-prefs">
      <h2 id="rec-prefs">{t('recognition.web.prefs.heading')}</h2>
      <QueryState query={prefs}>
        {(data) => (
          <fieldset className="fieldset">
            <legend>{t('recognition.web.prefs.legend')}</legend>
            <div className="rec-options">
              {(['immediate', 'weekly', 'off'] as const).map((mode) => (
                <label key={mode}>
                  <input
                    type="radio"
                    name="emailMode"
                    checked={data.emailMode === mode}
                    onChange={() => save.mutate(mode)}
                  />
                  <span>{t(`recognition.web.prefs.${mode}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </QueryState>
    </section>
  );
}
