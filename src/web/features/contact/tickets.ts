import type { z } from 'zod';
import type { ticketCategory, ticketOut, ticketStatus } from '../../../shared/api/contact-mail';

export { TICKET_CATEGORIES, TICKET_STATUSES } from '../../../shared/api/contact-mail';

/** The ticket API's own shapes (src/shared/api/contact-mail.ts), so a renamed field fails to compile here. */
export type TicketStatus = z.infer<typeof ticketStatus>;
export type TicketCategory = z.infer<typeof ticketCategory>;
export type Ticket = z.infer<typeof ticketOut>;

export const ticketsPath = '/1700/e-mails';
export const ticketPath = (id: number) => `${ticketsPath}/${id}`;
