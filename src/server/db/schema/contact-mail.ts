import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from './auth';
import { chatQueues } from './contact-chat';

/** One citizen e-mail to 1700 and everything that follows from it (answers, replies) is one ticket. */
export const contactTickets = pgTable(
  'contact_tickets',
  {
    id: serial('id').primaryKey(),
    /** Secret part of the per-ticket reply address: only mail that knows it threads into this ticket. */
    replyToken: text('reply_token').notNull(),
    citizenName: text('citizen_name'),
    citizenEmail: text('citizen_email').notNull(),
    topic: text('topic').notNull(),
    locale: text('locale').$type<'nl' | 'en'>().notNull(),
    status: text('status').$type<'new' | 'open' | 'answered' | 'closed'>().notNull().default('new'),
    category: text('category'),
    /** The queue whose agents handle this ticket (from its topic); agents see only their queues' tickets. */
    queueId: integer('queue_id').references(() => chatQueues.id, { onDelete: 'set null' }),
    assignedAccountId: integer('assigned_account_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    /**
     * When an answer is due: the topic's reply target counted in the queue's opening hours from the question,
     * or from the citizen's reply that reopened the ticket. Null without a queue or opening hours.
     */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The first answer since the deadline was set; later than due_at means the target was missed. */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_tickets_status_idx').on(t.status, t.updatedAt),
    index('contact_tickets_due_idx').on(t.dueAt).where(sql`status in ('new', 'open')`),
    index('contact_tickets_email_idx').on(sql`lower(${t.citizenEmail})`),
  ],
);

export const contactTicketMessages = pgTable(
  'contact_ticket_messages',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => contactTickets.id, { onDelete: 'cascade' }),
    /** citizen: the question or a reply by mail; agent: an answer mailed to the citizen. */
    direction: text('direction').$type<'citizen' | 'agent'>().notNull(),
    authorAccountId: integer('author_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** Message-ID of an inbound mail: a redelivered reply is stored once. */
    mailMessageId: text('mail_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_ticket_messages_ticket_idx').on(t.ticketId, t.id),
    uniqueIndex('contact_ticket_messages_mail_id').on(t.ticketId, t.mailMessageId),
  ],
);

/**
 * An inbound reply to a ticket's address whose sender is not the ticket's citizen. The reply address alone
 * proves nothing (it can be forwarded or leaked), so such mail is held apart from the thread: it is never
 * shown as the citizen's words and does not reopen the ticket until an agent of the ticket accepts it.
 */
export const contactHeldReplies = pgTable(
  'contact_held_replies',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => contactTickets.id, { onDelete: 'cascade' }),
    /** The header From address as received, so the agent sees who wrote. */
    senderAddress: text('sender_address').notNull(),
    /** The SMTP envelope sender (MAIL FROM); empty for bounces. */
    envelopeSender: text('envelope_sender').notNull(),
    body: text('body').notNull(),
    /** Message-ID of the inbound mail: a redelivered reply is held once. */
    mailMessageId: text('mail_message_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_held_replies_ticket_idx').on(t.ticketId, t.id),
    uniqueIndex('contact_held_replies_mail_id').on(t.ticketId, t.mailMessageId),
    index('contact_held_replies_sender_idx').on(sql`lower(${t.senderAddress})`),
  ],
);

/**
 * The reply target of an e-mail topic, in working hours of the handling queue (16 = two working days of eight
 * hours). A topic without a row has the default target (DEFAULT_REPLY_TARGET_HOURS in the shared API).
 */
export const contactReplyTargets = pgTable('contact_reply_targets', {
  topic: text('topic').primaryKey(),
  hours: integer('hours').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A file attached to a ticket message, by the citizen (the form) or an agent (an answer). Stored only after
 * its content was sniffed, images re-encoded without metadata, and clamd found nothing; it goes with its
 * message and ticket (cascade) at the retention purge and at erasure.
 */
export const contactAttachments = pgTable(
  'contact_attachments',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => contactTickets.id, { onDelete: 'cascade' }),
    messageId: integer('message_id')
      .notNull()
      .references(() => contactTicketMessages.id, { onDelete: 'cascade' }),
    /** The name as uploaded, cleaned of paths and control characters; its extension matches the content. */
    fileName: text('file_name').notNull(),
    /** From the sniffed content, never from what the upload declared. */
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_attachments_message_idx').on(t.ticketId, t.messageId)],
);
