/** Shapes of the contact-mail ticket API (src/server/modules/contact/mail/contact-mail.schemas.ts). */
export const TICKET_STATUSES = ['new', 'open', 'answered', 'closed'] as const;
export const TICKET_CATEGORIES = ['information', 'referral', 'complaint', 'suggestion', 'other'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type TicketSummary = {
  id: number;
  reference: string;
  status: TicketStatus;
  topic: string;
  category: string | null;
  citizenName: string | null;
  citizenEmail: string;
  locale: 'nl' | 'en';
  preview: string;
  /** Replies from another address than the citizen's, waiting for an agent. */
  heldCount: number;
  createdAt: string;
  updatedAt: string;
};

export type TicketMessage = {
  id: number;
  direction: 'citizen' | 'agent';
  authorName: string | null;
  body: string;
  createdAt: string;
};

export type HeldReply = {
  id: number;
  senderAddress: string;
  envelopeSender: string;
  body: string;
  receivedAt: string;
};

export type Ticket = TicketSummary & { messages: TicketMessage[]; heldReplies: HeldReply[] };

export const ticketsPath = '/1700/e-mails';
export const ticketPath = (id: number) => `${ticketsPath}/${id}`;
