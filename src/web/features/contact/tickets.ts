import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ticketCategory, ticketOut, ticketStatus } from '../../../shared/api/contact-mail';

export { TICKET_CATEGORIES, TICKET_STATUSES } from '../../../shared/api/contact-mail';

/** The ticket API's own shapes (src/shared/api/contact-mail.ts), so a renamed field fails to compile here. */
export type TicketStatus = z.infer<typeof ticketStatus>;
export type TicketCategory = z.infer<typeof ticketCategory>;
export type Ticket = z.infer<typeof ticketOut>;

export const ticketsPath = '/1700/e-mails';
export const ticketPath = (id: number) => `${ticketsPath}/${id}`;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A duration as agents read it at a glance: "3 uur 20 min", "1 dag 4 uur", "12 min" (whole minutes, rounded up). */
function duration(t: Translate, ms: number) {
  const total = Math.max(1, Math.ceil(ms / 60_000));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts =
    days > 0
      ? [
          t('contactMail.agent.days', { count: days }),
          hours ? t('contactMail.agent.hours', { count: hours }) : '',
        ]
      : hours > 0
        ? [
            t('contactMail.agent.hours', { count: hours }),
            minutes ? t('contactMail.agent.minutes', { count: minutes }) : '',
          ]
        : [t('contactMail.agent.minutes', { count: minutes })];
  return parts.filter(Boolean).join(' ');
}

/**
 * Where a ticket stands against its deadline: the time left ("nog 3 uur 20 min"), the time past it ("2 uur te
 * laat"), or, once answered, whether the answer came in time. `late` marks what needs attention.
 */
export function deadlineText(
  t: Translate,
  ticket: Pick<Ticket, 'status' | 'dueAt' | 'answeredAt' | 'breached'>,
  now: number,
): { text: string; late: boolean } {
  if (!ticket.dueAt) return { text: t('contactMail.agent.noDeadline'), late: false };
  const waiting = ticket.status === 'new' || ticket.status === 'open';
  if (!waiting)
    return ticket.answeredAt
      ? {
          text: t(ticket.breached ? 'contactMail.agent.answeredLate' : 'contactMail.agent.answeredInTime'),
          late: ticket.breached,
        }
      : { text: t('contactMail.agent.noDeadline'), late: false };
  const left = new Date(ticket.dueAt).getTime() - now;
  return left >= 0
    ? { text: t('contactMail.agent.dueLeft', { time: duration(t, left) }), late: false }
    : { text: t('contactMail.agent.dueLate', { time: duration(t, -left) }), late: true };
}

/** The clock the time left is shown against, moved on every minute. */
export function useNow(everyMs = 60_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
