import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CONTACT_TOPICS } from '../../../shared/api/contact-mail';
import { ApiError, api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { hasRole, useMe } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { PageTitle } from '../../ui/PageTitle';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import './contact.css';
import { deadlineText, TICKET_STATUSES, type TicketStatus, ticketPath, useNow } from './tickets';

type Sort = 'due' | 'recent';

/**
 * The agents' inbox of citizen e-mails: the tickets waiting for an answer first, the most overdue on top, each
 * with its time left; supervisors can narrow it to the breaches and set the reply target per topic.
 */
export function TicketsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const supervisor = hasRole(me, 'contact_supervisor');
  const [status, setStatus] = useState<TicketStatus | 'all'>('all');
  const [sort, setSort] = useState<Sort>('due');
  const [breached, setBreached] = useState(false);
  const [page, setPage] = useState(1);
  const now = useNow();
  const tickets = useQuery({
    queryKey: ['contact', 'tickets', status, sort, breached, page],
    queryFn: () =>
      api.contactMail.tickets({
        query: {
          status: status === 'all' ? undefined : status,
          sort,
          ...(breached ? { breached: 'true' as const } : {}),
          page,
        },
      }),
    placeholderData: (previous) => previous,
    // New e-mails and replies show up without a reload (the count below is announced when it changes).
    refetchInterval: 20_000,
  });
  return (
    <div className="tickets">
      <PageTitle>{t('contactMail.agent.title')}</PageTitle>
      <div className="tickets__filters">
        <Select
          label={t('contactMail.agent.statusFilter')}
          options={[
            { id: 'all', label: t('contactMail.agent.all') },
            ...TICKET_STATUSES.map((key) => ({ id: key, label: t(`contactMail.statuses.${key}`) })),
          ]}
          selectedKey={status}
          onSelectionChange={(key) => {
            setStatus(String(key) as TicketStatus | 'all');
            setPage(1);
          }}
        />
        <Select
          label={t('contactMail.agent.sort')}
          options={[
            { id: 'due', label: t('contactMail.agent.sortDue') },
            { id: 'recent', label: t('contactMail.agent.sortRecent') },
          ]}
          selectedKey={sort}
          onSelectionChange={(key) => {
            setSort(String(key) as Sort);
            setPage(1);
          }}
        />
        {supervisor ? (
          <Checkbox
            isSelected={breached}
            onChange={(value) => {
              setBreached(value);
              setPage(1);
            }}
          >
            {t('contactMail.agent.breachedOnly')}
          </Checkbox>
        ) : null}
      </div>
      <QueryState query={tickets}>
        {(data) => (
          <>
            <p role="status">{t('contactMail.agent.count', { count: data.total })}</p>
            <ul className="tickets__list">
              {data.items.map((ticket) => {
                const deadline = deadlineText(t, ticket, now);
                return (
                  <li key={ticket.id} className="tickets__item">
                    <Link to={ticketPath(ticket.id)} className="tickets__link">
                      {ticket.reference} ·{' '}
                      {t(`contactMail.topics.${ticket.topic}`, { defaultValue: ticket.topic })}
                    </Link>
                    <span className={deadline.late ? 'tickets__due tickets__due--late' : 'tickets__due'}>
                      {t('contactMail.agent.due')}: {deadline.text}
                      {ticket.dueAt ? ` (${formatDateTime(ticket.dueAt)})` : null}
                    </span>
                    <span className="tickets__meta">
                      {t(`contactMail.statuses.${ticket.status}`)} ·{' '}
                      {ticket.citizenName ?? ticket.citizenEmail} · {formatDateTime(ticket.updatedAt)}
                      {ticket.heldCount > 0
                        ? ` · ${t('contactMail.agent.heldCount', { count: ticket.heldCount })}`
                        : null}
                    </span>
                    {/* Citizen text is always rendered as text, never as HTML. */}
                    <span className="tickets__preview">{ticket.preview}</span>
                  </li>
                );
              })}
            </ul>
            <Pagination
              label={t('contactMail.agent.pages')}
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPageChange={setPage}
            />
          </>
        )}
      </QueryState>
      {supervisor ? <ReplyTargets /> : null}
    </div>
  );
}

type Topic = (typeof CONTACT_TOPICS)[number];

/** The supervisor's reply target per topic, in working hours of the queue that handles it. */
function ReplyTargets() {
  const { t } = useTranslation();
  const targets = useQuery({
    queryKey: ['contact', 'reply-targets'],
    queryFn: () => api.contactMail.replyTargets({}),
  });
  return (
    <section className="tickets__targets" aria-labelledby="reply-targets-title">
      <h2 id="reply-targets-title">{t('contactMail.agent.targetsTitle')}</h2>
      <p>{t('contactMail.agent.targetsIntro')}</p>
      <QueryState query={targets}>
        {(data) => (
          <ul className="tickets__target-list">
            {data.items.map((item) => (
              <li key={item.topic}>
                <ReplyTargetForm topic={item.topic} hours={item.hours} isDefault={item.isDefault} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function ReplyTargetForm({ topic, hours, isDefault }: { topic: Topic; hours: number; isDefault: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState(String(hours));
  const topicLabel = t(`contactMail.topics.${topic}`);
  const save = useMutation({
    mutationFn: (body: { hours: number }) => api.contactMail.setReplyTarget({ params: { topic }, body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['contact', 'reply-targets'] }),
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Sent as typed: the server judges the number and answers in the reader's language.
    save.mutate({ hours: value.trim() === '' ? Number.NaN : Number(value) });
  };
  return (
    <Form onSubmit={submit} validationErrors={errors} validationBehavior="aria" className="tickets__target">
      <TextField
        label={t('contactMail.agent.targetHours', { topic: topicLabel })}
        description={isDefault ? t('contactMail.agent.targetDefault') : undefined}
        name="hours"
        inputMode="numeric"
        value={value}
        onChange={setValue}
      />
      <Button type="submit" variant="secondary" isPending={save.isPending}>
        {t('contactMail.agent.targetSave')}
      </Button>
      <div role="status">
        {save.isSuccess
          ? t('contactMail.agent.targetSaved', { topic: topicLabel, hours: save.data.hours })
          : null}
      </div>
      {save.error && !Object.keys(errors).length ? (
        <Alert tone="error">{(save.error as Error).message}</Alert>
      ) : null}
    </Form>
  );
}
