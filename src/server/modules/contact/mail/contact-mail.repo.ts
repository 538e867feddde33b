import { and, count, desc, eq, gte, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import {
  accounts,
  chatAgentQueues,
  chatQueues,
  chatSessions,
  contactAttachments,
  contactHeldReplies,
  contactReplyTargets,
  contactTicketMessages,
  contactTickets,
  devMailbox,
} from '../../../db/schema';

export type TicketRow = typeof contactTickets.$inferSelect;
export type TicketStatus = TicketRow['status'];

export async function insertTicket(db: Db, values: typeof contactTickets.$inferInsert) {
  const [row] = await db.insert(contactTickets).values(values).returning();
  return row!;
}

/** Returns null when the same inbound mail (ticket + Message-ID) was stored before. */
export async function insertMessage(db: Db, values: typeof contactTicketMessages.$inferInsert) {
  const rows = await db.insert(contactTicketMessages).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findTicket(db: Db, id: number) {
  const [row] = await db.select().from(contactTickets).where(eq(contactTickets.id, id));
  return row ?? null;
}

/** Locks the ticket row so concurrent replies and status changes apply one after the other. */
export async function findTicketForUpdate(db: Db, id: number) {
  const [row] = await db.select().from(contactTickets).where(eq(contactTickets.id, id)).for('update');
  return row ?? null;
}

/** Past the deadline: still waiting for an answer at `now`, or answered after it. */
const breachedAt = (now: Date) =>
  sql`((${contactTickets.status} in ('new', 'open') and ${contactTickets.dueAt} < ${now.toISOString()}::timestamptz)
    or ${contactTickets.answeredAt} > ${contactTickets.dueAt})`;

export async function listTickets(
  db: Db,
  filter: {
    status?: TicketStatus;
    page: number;
    pageSize: number;
    queueIds: number[] | null;
    sort: 'due' | 'recent';
    breachedAt?: Date;
  },
) {
  const where = and(
    filter.status ? eq(contactTickets.status, filter.status) : undefined,
    filter.breachedAt ? breachedAt(filter.breachedAt) : undefined,
    filter.queueIds === null
      ? undefined
      : filter.queueIds.length === 0
        ? sql`false`
        : inArray(contactTickets.queueId, filter.queueIds),
  );
  const firstMessage = db
    .select({ body: sql<string>`left(${contactTicketMessages.body}, 200)` })
    .from(contactTicketMessages)
    .where(eq(contactTicketMessages.ticketId, contactTickets.id))
    .orderBy(contactTicketMessages.id)
    .limit(1);
  const heldCount = db
    .select({ n: count() })
    .from(contactHeldReplies)
    .where(eq(contactHeldReplies.ticketId, contactTickets.id));
  const items = await db
    .select({
      ticket: contactTickets,
      preview: sql<string | null>`(${firstMessage})`,
      heldCount: sql<number>`(${heldCount})`.mapWith(Number),
    })
    .from(contactTickets)
    .where(where)
    .orderBy(
      ...(filter.sort === 'due'
        ? // Tickets waiting for an answer first, by deadline (overdue ones have the earliest); then the rest.
          [
            sql`case when ${contactTickets.status} in ('new', 'open') then 0 else 1 end`,
            sql`case when ${contactTickets.status} in ('new', 'open') then ${contactTickets.dueAt} end asc nulls last`,
          ]
        : []),
      desc(contactTickets.updatedAt),
      desc(contactTickets.id),
    )
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await db.select({ n: count() }).from(contactTickets).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

export async function listMessages(db: Db, ticketId: number) {
  return db
    .select({
      id: contactTicketMessages.id,
      direction: contactTicketMessages.direction,
      authorName: accounts.displayName,
      body: contactTicketMessages.body,
      createdAt: contactTicketMessages.createdAt,
    })
    .from(contactTicketMessages)
    .leftJoin(accounts, eq(accounts.id, contactTicketMessages.authorAccountId))
    .where(eq(contactTicketMessages.ticketId, ticketId))
    .orderBy(contactTicketMessages.id);
}

export type HeldReplyRow = typeof contactHeldReplies.$inferSelect;

/** Returns null when the same inbound mail (ticket + Message-ID) was held before. */
export async function insertHeldReply(db: Db, values: typeof contactHeldReplies.$inferInsert) {
  const rows = await db.insert(contactHeldReplies).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function listHeldReplies(db: Db, ticketId: number) {
  return db
    .select()
    .from(contactHeldReplies)
    .where(eq(contactHeldReplies.ticketId, ticketId))
    .orderBy(contactHeldReplies.id);
}

export async function countHeldReplies(db: Db, ticketId: number) {
  const [row] = await db
    .select({ n: count() })
    .from(contactHeldReplies)
    .where(eq(contactHeldReplies.ticketId, ticketId));
  return Number(row?.n ?? 0);
}

export async function findHeldReply(db: Db, ticketId: number, heldId: number) {
  const [row] = await db
    .select()
    .from(contactHeldReplies)
    .where(and(eq(contactHeldReplies.ticketId, ticketId), eq(contactHeldReplies.id, heldId)));
  return row ?? null;
}

export async function deleteHeldReply(db: Db, heldId: number) {
  await db.delete(contactHeldReplies).where(eq(contactHeldReplies.id, heldId));
}

/** Erasure: replies held on any ticket that came from the address (header or envelope sender). */
export async function deleteHeldRepliesOf(db: Db, email: string) {
  const address = email.toLowerCase();
  const rows = await db
    .delete(contactHeldReplies)
    .where(
      sql`lower(${contactHeldReplies.senderAddress}) = ${address} or lower(${contactHeldReplies.envelopeSender}) = ${address}`,
    )
    .returning({ id: contactHeldReplies.id });
  return rows.length;
}

export async function firstMessage(db: Db, ticketId: number) {
  const [row] = await db
    .select()
    .from(contactTicketMessages)
    .where(eq(contactTicketMessages.ticketId, ticketId))
    .orderBy(contactTicketMessages.id)
    .limit(1);
  return row ?? null;
}

export async function updateTicket(
  db: Db,
  id: number,
  patch: Partial<Pick<TicketRow, 'status' | 'category' | 'assignedAccountId' | 'dueAt' | 'answeredAt'>>,
) {
  const [row] = await db
    .update(contactTickets)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(contactTickets.id, id))
    .returning();
  return row ?? null;
}

/** Handled tickets untouched since the cut-off go, with their messages (cascade). */
export async function deleteHandledTicketsBefore(db: Db, cutoff: Date) {
  const rows = await db
    .delete(contactTickets)
    .where(and(inArray(contactTickets.status, ['answered', 'closed']), lt(contactTickets.updatedAt, cutoff)))
    .returning({ id: contactTickets.id });
  return rows.map((row) => row.id);
}

export async function deleteTicketsByEmail(db: Db, email: string) {
  const rows = await db
    .delete(contactTickets)
    .where(eq(sql`lower(${contactTickets.citizenEmail})`, email.toLowerCase()))
    .returning({ id: contactTickets.id });
  return rows.map((row) => row.id);
}

/** The queue that handles a topic: the one listing it in mail_topics, else the first active queue. */
export async function queueForTopic(db: Db, topic: string): Promise<number | null> {
  const rows = await db
    .select({ id: chatQueues.id })
    .from(chatQueues)
    .where(eq(chatQueues.active, true))
    .orderBy(sql`case when ${chatQueues.mailTopics} ? ${topic} then 0 else 1 end`, chatQueues.id)
    .limit(1);
  return rows[0]?.id ?? null;
}

/** The queues an agent is listed for (for tickets, none means no access). */
export async function servedQueueIds(db: Db, accountId: number): Promise<number[]> {
  const rows = await db
    .select({ id: chatAgentQueues.queueId })
    .from(chatAgentQueues)
    .where(eq(chatAgentQueues.accountId, accountId));
  return rows.map((r) => r.id);
}

/** Lists an account for every active queue, unless it is listed for some already. */
export async function listForAllQueuesIfUnlisted(db: Db, email: string) {
  await db.execute(sql`
    insert into chat_agent_queues (account_id, queue_id)
    select a.id, q.id from accounts a cross join chat_queues q
    where a.email = ${email} and q.active
      and not exists (select 1 from chat_agent_queues m where m.account_id = a.id)
    on conflict do nothing`);
}

/** The dev mailbox keeps whole messages (citizens' questions and answers): it follows the contact retention. */
export async function deleteDevMailBefore(db: Db, cutoff: Date) {
  const rows = await db
    .delete(devMailbox)
    .where(lt(devMailbox.sentAt, cutoff))
    .returning({ id: devMailbox.id });
  return rows.length;
}

/** Erasure: every dev mailbox message to, from or copied to the address. */
export async function deleteDevMailOf(db: Db, email: string) {
  const address = email.toLowerCase();
  const rows = await db
    .delete(devMailbox)
    .where(
      sql`${address} = any(string_to_array(lower(replace(${devMailbox.toAddresses}, ' ', '')), ','))
        or ${address} = any(string_to_array(lower(replace(coalesce(${devMailbox.ccAddresses}, ''), ' ', '')), ','))
        or lower(${devMailbox.replyTo}) = ${address}`,
    )
    .returning({ id: devMailbox.id });
  return rows.length;
}

/** The weekly hours and closures of a queue, to count a deadline in; null when the queue is gone. */
export async function queueSchedule(db: Db, queueId: number) {
  const [row] = await db
    .select({ opening_hours: chatQueues.openingHours, holidays: chatQueues.holidays })
    .from(chatQueues)
    .where(eq(chatQueues.id, queueId));
  return row ?? null;
}

export async function replyTargetHours(db: Db, topic: string): Promise<number | null> {
  const [row] = await db
    .select({ hours: contactReplyTargets.hours })
    .from(contactReplyTargets)
    .where(eq(contactReplyTargets.topic, topic));
  return row?.hours ?? null;
}

export async function listReplyTargets(db: Db) {
  return db.select().from(contactReplyTargets);
}

export async function upsertReplyTarget(db: Db, topic: string, hours: number) {
  const [row] = await db
    .insert(contactReplyTargets)
    .values({ topic, hours })
    .onConflictDoUpdate({ target: contactReplyTargets.topic, set: { hours, updatedAt: new Date() } })
    .returning();
  return row!;
}

/**
 * Other tickets of the same address that the retention period still keeps: waiting ones always, handled ones
 * touched since the cut-off (older ones are due for the purge and never shown, even before it ran).
 */
export async function earlierTicketsOf(db: Db, email: string, exceptId: number, cutoff: Date) {
  return db
    .select({
      id: contactTickets.id,
      createdAt: contactTickets.createdAt,
      topic: contactTickets.topic,
      status: contactTickets.status,
      queueId: contactTickets.queueId,
      queueNameNl: chatQueues.nameNl,
      queueNameEn: chatQueues.nameEn,
    })
    .from(contactTickets)
    .leftJoin(chatQueues, eq(chatQueues.id, contactTickets.queueId))
    .where(
      and(
        eq(sql`lower(${contactTickets.citizenEmail})`, email.toLowerCase()),
        ne(contactTickets.id, exceptId),
        or(inArray(contactTickets.status, ['new', 'open']), gte(contactTickets.updatedAt, cutoff)),
      ),
    )
    .orderBy(desc(contactTickets.createdAt), desc(contactTickets.id))
    .limit(50);
}

/**
 * Chats that gave the address for their transcript, within the retention period: open ones, and closed ones
 * since the cut-off (the chat purge deletes closed chats older than that).
 */
export async function chatsWithTranscriptTo(db: Db, email: string, cutoff: Date) {
  return db
    .select({
      id: chatSessions.id,
      createdAt: chatSessions.createdAt,
      status: chatSessions.status,
      queueId: chatSessions.queueId,
      queueNameNl: chatQueues.nameNl,
      queueNameEn: chatQueues.nameEn,
    })
    .from(chatSessions)
    .innerJoin(chatQueues, eq(chatQueues.id, chatSessions.queueId))
    .where(
      and(
        isNotNull(chatSessions.transcriptEmail),
        eq(sql`lower(${chatSessions.transcriptEmail})`, email.toLowerCase()),
        or(ne(chatSessions.status, 'closed'), gte(chatSessions.closedAt, cutoff)),
      ),
    )
    .orderBy(desc(chatSessions.createdAt), desc(chatSessions.id))
    .limit(50);
}

// ---- attachments ---------------------------------------------------------------------------------

export async function insertAttachments(
  db: Db,
  ticketId: number,
  messageId: number,
  files: { fileName: string; mimeType: string; data: Buffer }[],
) {
  if (files.length === 0) return [];
  return db
    .insert(contactAttachments)
    .values(files.map((file) => ({ ticketId, messageId, ...file, sizeBytes: file.data.length })))
    .returning({ id: contactAttachments.id });
}

/** The attachments of a ticket without their content, for the thread. */
export async function listAttachmentsOfTicket(db: Db, ticketId: number) {
  return db
    .select({
      id: contactAttachments.id,
      messageId: contactAttachments.messageId,
      fileName: contactAttachments.fileName,
      mimeType: contactAttachments.mimeType,
      sizeBytes: contactAttachments.sizeBytes,
    })
    .from(contactAttachments)
    .where(eq(contactAttachments.ticketId, ticketId))
    .orderBy(contactAttachments.id);
}

export async function findAttachment(db: Db, ticketId: number, attachmentId: number) {
  const [row] = await db
    .select()
    .from(contactAttachments)
    .where(and(eq(contactAttachments.ticketId, ticketId), eq(contactAttachments.id, attachmentId)));
  return row ?? null;
}

/** The content of a message's attachments, for the mail that carries them. */
export async function attachmentsOfMessage(db: Db, ticketId: number, messageId: number) {
  return db
    .select({
      fileName: contactAttachments.fileName,
      mimeType: contactAttachments.mimeType,
      data: contactAttachments.data,
    })
    .from(contactAttachments)
    .where(and(eq(contactAttachments.ticketId, ticketId), eq(contactAttachments.messageId, messageId)))
    .orderBy(contactAttachments.id);
}
