import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { PageTitle } from '../../ui/PageTitle';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import './contact.css';
import { TICKET_STATUSES, type TicketStatus, ticketPath } from './tickets';

/** The agents' inbox of citizen e-mails, newest activity first, filtered by status. */
export function TicketsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TicketStatus | 'all'>('new');
  const [page, setPage] = useState(1);
  const tickets = useQuery({
    queryKey: ['contact', 'tickets', status, page],
    queryFn: () =>
      api.contactMail.tickets({ query: { status: status === 'all' ? undefined : status, page } }),
    placeholderData: (previous) => previous,
    // New e-mails and replies show up without a reload (the count below is announced when it changes).
    refetchInterval: 20_000,
  });
  return (
    <div className="tickets">
      <PageTitle>{t('contactMail.agent.title')}</PageTitle>
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
      <QueryState query={tickets}>
        {(data) => (
          <>
            <p role="status">{t('contactMail.agent.count', { count: data.total })}</p>
            <ul className="tickets__list">
              {data.items.map((ticket) => (
                <li key={ticket.id} className="tickets__item">
                  <Link to={ticketPath(ticket.id)} className="tickets__link">
                    {ticket.reference} ·{' '}
                    {t(`contactMail.topics.${ticket.topic}`, { defaultValue: ticket.topic })}
                  </Link>
                  <span className="tickets__meta">
                    {t(`contactMail.statuses.${ticket.status}`)} · {ticket.citizenName ?? ticket.citizenEmail}{' '}
                    · {formatDateTime(ticket.updatedAt)}
                    {ticket.heldCount > 0
                      ? ` · ${t('contactMail.agent.heldCount', { count: ticket.heldCount })}`
                      : null}
                  </span>
                  {/* Citizen text is always rendered as text, never as HTML. */}
                  <span className="tickets__preview">{ticket.preview}</span>
                </li>
              ))}
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
    </div>
  );
}
