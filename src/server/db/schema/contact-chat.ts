import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from './auth';

/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday): [["09:00","17:00"], …] in `timeZone`. */
export type OpeningHours = { timeZone: string; days: Partial<Record<string, [string, string][]>> };

/** One chat queue per topic; citizens pick the topic, agents serve the queues. */
export const chatQueues = pgTable('chat_queues', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull(),
  /** Dates ('YYYY-MM-DD', in the queue's time zone) on which the queue stays closed. */
  holidays: jsonb('holidays').$type<string[]>().notNull().default([]),
  /** Shown in the widget while the queue is closed, above the next opening time; null → the standard text. */
  closedTextNl: text('closed_text_nl'),
  closedTextEn: text('closed_text_en'),
  maxQueueLength: integer('max_queue_length').notNull().default(50),
  /** Above this estimated wait the widget offers the e-mail form. */
  maxWaitSeconds: integer('max_wait_seconds').notNull().default(900),
  /** Service-level target: share of chats answered within this many seconds. */
  targetAnswerSeconds: integer('target_answer_seconds').notNull().default(60),
  active: boolean('active').notNull().default(true),
  /** E-mail topics (contact form) handled by this queue's agents; a topic no queue claims goes to the first queue. */
  mailTopics: jsonb('mail_topics').$type<string[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ChatStatus = 'waiting' | 'active' | 'closed';

export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    queueId: integer('queue_id')
      .notNull()
      .references(() => chatQueues.id),
    status: text('status').$type<ChatStatus>().notNull().default('waiting'),
    /** Only the hash: the token itself is the citizen's sole credential for this chat. */
    resumeTokenHash: text('resume_token_hash').notNull().unique(),
    citizenName: text('citizen_name'),
    locale: text('locale').$type<'nl' | 'en'>().notNull().default('nl'),
    /** FIFO key; a chat handed back by a lost agent gets priority 1 so it goes to the head of its queue. */
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull().defaultNow(),
    priority: integer('priority').notNull().default(0),
    agentAccountId: integer('agent_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** First assignment, kept across requeues: the measured wait is from creation to this. */
    firstAssignedAt: timestamp('first_assigned_at', { withTimezone: true }),
    /** Estimate shown when the chat was created, to compare with the real wait later. */
    initialEstimateSeconds: integer('initial_estimate_seconds'),
    /** Refreshed while the citizen has a socket open on any process; stale → the citizen is gone. */
    citizenSeenAt: timestamp('citizen_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the "are you still there?" warning went out; cleared when the citizen comes back. */
    inactivityWarnedAt: timestamp('inactivity_warned_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by').$type<'citizen' | 'agent' | 'system'>(),
    closeCategory: text('close_category'),
    /** The only address a transcript may go to, given when the chat started; goes with the chat. */
    transcriptEmail: text('transcript_email'),
    /** Set when the one transcript this chat may send was handed to the mail queue. */
    transcriptSentAt: timestamp('transcript_sent_at', { withTimezone: true }),
    /**
     * SHA-256 of the client address that started the chat, for the cap on waiting chats per address; cleared
     * as soon as the chat stops waiting, so it is kept only for the minutes in the queue.
     */
    clientKey: text('client_key'),
    /**
     * SHA-256 of the random chat cookie of the browser that started the chat: its earlier chats are found by it
     * while the cookie lasts. Never the cookie itself, which the browser alone holds.
     */
    browserKey: text('browser_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('chat_sessions_client_waiting_idx').on(t.clientKey).where(sql`status = 'waiting'`),
    index('chat_sessions_waiting_idx').on(t.queueId, t.priority, t.enqueuedAt).where(sql`status = 'waiting'`),
    index('chat_sessions_agent_idx').on(t.agentAccountId).where(sql`status = 'active'`),
    index('chat_sessions_closed_idx').on(t.closedAt),
    index('chat_sessions_created_idx').on(t.createdAt),
    index('chat_sessions_browser_idx').on(t.browserKey),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chatId: bigint('chat_id', { mode: 'number' })
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    sender: text('sender').$type<'citizen' | 'agent' | 'system'>().notNull(),
    authorAccountId: integer('author_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** Chosen by the sending client: a resend after a lost acknowledgement finds the stored message. */
    clientId: text('client_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('chat_messages_client_id').on(t.chatId, t.clientId)],
);

/** Agent presence, shared by every server process. */
export const chatAgents = pgTable('chat_agents', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  status: text('status').$type<'available' | 'away' | 'offline'>().notNull().default('offline'),
  capacity: integer('capacity').notNull().default(3),
  /** Routing ties go to the agent idle longest: the oldest last assignment or status change. */
  idleSince: timestamp('idle_since', { withTimezone: true }).notNull().defaultNow(),
  /** Refreshed by the process holding the agent's connection; stale → the agent counts as disconnected. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  connected: boolean('connected').notNull().default(false),
});

/**
 * Every change of an agent's effective status (offline while disconnected), so the time spent in each status
 * can be added up per day: a status lasts from its row to the agent's next row.
 */
export const chatAgentStatusChanges = pgTable(
  'chat_agent_status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    status: text('status').$type<'available' | 'away' | 'offline'>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chat_agent_status_changes_agent_idx').on(t.accountId, t.changedAt)],
);

/** The queues an agent serves; an agent with no rows serves every queue (a small team needs no setup). */
export const chatAgentQueues = pgTable(
  'chat_agent_queues',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    queueId: integer('queue_id')
      .notNull()
      .references(() => chatQueues.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.queueId] })],
);

/** Ready-made answers agents insert and adapt; per queue, or for all queues when queue_id is null. */
export const chatCannedAnswers = pgTable('chat_canned_answers', {
  id: serial('id').primaryKey(),
  queueId: integer('queue_id').references(() => chatQueues.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  textNl: text('text_nl').notNull(),
  textEn: text('text_en').notNull(),
  /** Typed as `/shortcut` in the agent's message field; unique so one shortcut means one answer. */
  shortcut: text('shortcut').unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
