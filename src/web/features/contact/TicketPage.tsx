import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { Table } from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import './contact.css';
import { AttachmentLinks, AttachmentPicker, fileError, formWithFiles } from './Attachments';
import { CannedPicker, useCannedAnswers } from './canned/CannedPicker';
import { type CannedAnswer, cannedByShortcut, fillCanned } from './canned/fill';
import {
  deadlineText,
  TICKET_CATEGORIES,
  TICKET_STATUSES,
  type Ticket,
  type TicketCategory,
  type TicketStatus,
  ticketPath,
  ticketsPath,
  useNow,
} from './tickets';

/** One citizen e-mail with its thread; the agent answers (mailed to the citizen) and files it. */
export function TicketPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const ticket = useQuery({
    queryKey: ['contact', 'ticket', id],
    queryFn: () => api.contactMail.ticket({ params: { id } }),
  });
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const now = useNow();
  const update = (data: Ticket) => {
    client.setQueryData(['contact', 'ticket', id], data);
    void client.invalidateQueries({ queryKey: ['contact', 'tickets'] });
  };
  const reply = useMutation({
    mutationFn: (body: { text: string }) =>
      files.length > 0
        ? api.contactMail.replyWithFiles({ params: { id }, body: formWithFiles(body, files) })
        : api.contactMail.reply({ params: { id }, body }),
    onSuccess: (data) => {
      setText('');
      setFiles([]);
      update(data);
    },
  });
  const patch = useMutation({
    mutationFn: (body: { status?: TicketStatus; category?: TicketCategory | null }) =>
      api.contactMail.update({ params: { id }, body }),
    onSuccess: update,
  });
  const accept = useMutation({
    mutationFn: (heldId: number) => api.contactMail.acceptHeld({ params: { id, heldId } }),
    onSuccess: update,
  });
  const discard = useMutation({
    mutationFn: (heldId: number) => api.contactMail.discardHeld({ params: { id, heldId } }),
    onSuccess: update,
  });
  const heldError = accept.error ?? discard.error;
  const replyErrors = reply.error instanceof ApiError ? reply.error.fieldErrors() : {};
  const replyFilesError = fileError(replyErrors);

  const canned = useCannedAnswers();
  const insertCanned = (answer: CannedAnswer, data: Ticket, replace = false) => {
    const filled = fillCanned(answer, data.locale, { name: data.citizenName, reference: data.reference });
    setText((current) => (replace || !current.trim() ? filled : `${current.trimEnd()}\n\n${filled}`));
  };

  const submit = (data: Ticket) => (event: FormEvent) => {
    event.preventDefault();
    // An answer that is only "/shortcut" becomes that canned answer, to read over before sending.
    const shortcut = cannedByShortcut(canned.data ?? [], text);
    if (shortcut) {
      insertCanned(shortcut, data, true);
      return;
    }
    reply.mutate({ text });
  };

  return (
    <div className="ticket">
      <p>
        <Link to={ticketsPath}>{t('contactMail.agent.back')}</Link>
      </p>
      <QueryState query={ticket}>
        {(data) => (
          <>
            <PageTitle>{t('contactMail.agent.ticketTitle', { reference: data.reference })}</PageTitle>
            <dl className="facts">
              <dt>{t('contactMail.agent.from')}</dt>
              <dd>{data.citizenName ? `${data.citizenName} <${data.citizenEmail}>` : data.citizenEmail}</dd>
              <dt>{t('contactMail.agent.topic')}</dt>
              <dd>{t(`contactMail.topics.${data.topic}`, { defaultValue: data.topic })}</dd>
              <dt>{t('contactMail.agent.received')}</dt>
              <dd>{formatDateTime(data.createdAt)}</dd>
              <dt>{t('contactMail.agent.due')}</dt>
              <dd className={deadlineText(t, data, now).late ? 'tickets__due--late' : undefined}>
                {deadlineText(t, data, now).text}
                {data.dueAt ? ` (${formatDateTime(data.dueAt)})` : null}
              </dd>
            </dl>
            <div className="ticket__controls">
              <Select
                label={t('contactMail.agent.status')}
                options={TICKET_STATUSES.map((key) => ({ id: key, label: t(`contactMail.statuses.${key}`) }))}
                selectedKey={data.status}
                onSelectionChange={(key) => patch.mutate({ status: String(key) as TicketStatus })}
              />
              <Select
                label={t('contactMail.agent.category')}
                options={TICKET_CATEGORIES.map((key) => ({
                  id: key,
                  label: t(`contactMail.categories.${key}`),
                }))}
                selectedKey={data.category}
                onSelectionChange={(key) =>
                  patch.mutate({ category: key === null ? null : (String(key) as TicketCategory) })
                }
              />
            </div>
            <div role="status">{patch.isSuccess ? t('contactMail.agent.saved') : null}</div>
            {patch.error ? <Alert tone="error">{(patch.error as Error).message}</Alert> : null}
            <h2>{t('contactMail.agent.thread')}</h2>
            <ol className="ticket__thread">
              {data.messages.map((message) => (
                <li key={message.id} className={`ticket__message ticket__message--${message.direction}`}>
                  <p className="ticket__meta">
                    {message.direction === 'agent'
                      ? t('contactMail.agent.byAgent', { name: message.authorName ?? '—' })
                      : t('contactMail.agent.byCitizen')}{' '}
                    · {formatDateTime(message.createdAt)}
                  </p>
                  {/* Rendered as text: whatever the citizen typed, markup included, stays visible as typed. */}
                  <p className="ticket__body">{message.body}</p>
                  <AttachmentLinks ticketId={data.id} attachments={message.attachments} />
                </li>
              ))}
            </ol>
            {data.heldReplies.length > 0 ? (
              <section className="ticket__held" aria-labelledby="ticket-held-title">
                <h2 id="ticket-held-title">{t('contactMail.agent.heldTitle')}</h2>
                <p>{t('contactMail.agent.heldIntro', { email: data.citizenEmail })}</p>
                <ul className="ticket__held-list">
                  {data.heldReplies.map((held) => (
                    <li
                      key={held.id}
                      className="ticket__held-item"
                      aria-label={t('contactMail.agent.heldLabel', { sender: held.senderAddress || '—' })}
                    >
                      <p className="ticket__meta">
                        {t('contactMail.agent.heldFrom', {
                          sender: held.senderAddress || '—',
                          envelope: held.envelopeSender || t('contactMail.agent.heldNoEnvelope'),
                          date: formatDateTime(held.receivedAt),
                        })}
                      </p>
                      {/* Rendered as text, like every message: whoever sent it, markup stays visible as typed. */}
                      <p className="ticket__held-body">{held.body}</p>
                      <div className="ticket__held-actions">
                        <Button
                          variant="secondary"
                          onPress={() => accept.mutate(held.id)}
                          isPending={accept.isPending && accept.variables === held.id}
                        >
                          {t('contactMail.agent.heldAccept')}
                        </Button>
                        <Button
                          variant="secondary"
                          onPress={() => discard.mutate(held.id)}
                          isPending={discard.isPending && discard.variables === held.id}
                        >
                          {t('contactMail.agent.heldDiscard')}
                        </Button>
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <div role="status">
              {accept.isSuccess
                ? t('contactMail.agent.heldAccepted')
                : discard.isSuccess
                  ? t('contactMail.agent.heldDiscarded')
                  : null}
            </div>
            {heldError ? <Alert tone="error">{(heldError as Error).message}</Alert> : null}
            {data.status === 'closed' ? null : (
              <Form
                onSubmit={submit(data)}
                validationErrors={replyErrors}
                validationBehavior="aria"
                className="ticket__reply"
              >
                <CannedPicker queue={null} onPick={(answer) => insertCanned(answer, data)} />
                <TextField
                  label={t('contactMail.agent.reply')}
                  description={t('contactMail.agent.replyHint', { email: data.citizenEmail })}
                  name="text"
                  multiline
                  rows={6}
                  maxLength={10_000}
                  value={text}
                  onChange={setText}
                />
                <AttachmentPicker files={files} onChange={setFiles} error={replyFilesError} />
                {reply.error && !Object.keys(replyErrors).length ? (
                  <Alert tone="error">{(reply.error as Error).message}</Alert>
                ) : null}
                <Button type="submit" isPending={reply.isPending}>
                  {t('contactMail.agent.send')}
                </Button>
              </Form>
            )}
            <div role="status">{reply.isSuccess ? t('contactMail.agent.sent') : null}</div>
            <EarlierContacts id={data.id} />
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The citizen's other tickets and chats that the retention period keeps, in the queues this agent serves. */
function EarlierContacts({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const contacts = useQuery({
    queryKey: ['contact', 'ticket', id, 'earlier'],
    queryFn: () => api.contactMail.earlierContacts({ params: { id } }),
  });
  type Contact = NonNullable<typeof contacts.data>['items'][number];
  const subject = (row: Contact) =>
    row.topic
      ? t(`contactMail.topics.${row.topic}`, { defaultValue: row.topic })
      : ((i18n.language === 'en' ? row.queueNameEn : row.queueNameNl) ?? '—');
  return (
    <section className="ticket__earlier" aria-labelledby="ticket-earlier-title">
      <h2 id="ticket-earlier-title">{t('contactMail.agent.earlierTitle')}</h2>
      <p>{t('contactMail.agent.earlierIntro')}</p>
      <QueryState query={contacts}>
        {(data) => (
          <Table<Contact>
            caption={t('contactMail.agent.earlierTitle')}
            captionHidden
            rows={data.items}
            rowKey={(row) => `${row.channel}-${row.id}`}
            empty={t('contactMail.agent.earlierNone')}
            columns={[
              {
                key: 'date',
                header: t('contactMail.agent.earlierDate'),
                rowHeader: true,
                cell: (row) =>
                  row.channel === 'mail' ? (
                    <Link to={ticketPath(row.id)}>
                      {formatDateTime(row.at)} · {row.reference}
                    </Link>
                  ) : (
                    formatDateTime(row.at)
                  ),
              },
              {
                key: 'channel',
                header: t('contactMail.agent.earlierChannel'),
                cell: (row) =>
                  t(
                    row.channel === 'mail'
                      ? 'contactMail.agent.channelMail'
                      : 'contactMail.agent.channelChat',
                  ),
              },
              { key: 'subject', header: t('contactMail.agent.earlierSubject'), cell: subject },
              {
                key: 'status',
                header: t('contactMail.agent.earlierStatus'),
                cell: (row) =>
                  t(
                    row.channel === 'mail'
                      ? `contactMail.statuses.${row.status}`
                      : `contactMail.agent.chatStatuses.${row.status}`,
                    { defaultValue: row.status },
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
