import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  CONTACT_TOPICS,
  type ContactEmailInput,
  DEFAULT_REPLY_TARGET_HOURS,
  formatReplyBy,
  MAX_REPLY,
  ticketReference,
} from '../../../../shared/api/contact-mail';
import type { Db } from '../../../db/client';
import type { Principal } from '../../../http/access';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { type Locale, translator } from '../../../http/i18n';
import { jobType } from '../../../jobs/job-queue';
import { type Mailer, type MailMessage, mailJob, mailMessage } from '../../../mail/mailer';
import { audit } from '../../../platform/audit';
import type { ModuleDeps } from '../../../platform/module';
import type { VirusScanner } from '../../../platform/virus-scan';
import { addOpenMinutes } from '../chat/opening-hours';
import { issueFeedbackToken, purgeFeedback } from '../feedback/feedback.service';
import { type CheckedAttachment, checkAttachments, type Upload } from './contact-mail.attachments';
import {
  assertCanHandleTicket,
  assertCanSeeBreaches,
  ticketQueueScope,
  visibleEarlierContacts,
} from './contact-mail.policy';
import * as repo from './contact-mail.repo';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'events' | 'logger' | 'background'>;

/** The daily purge of tickets past the retention period; `day` is the day it is for. */
export const purgeJob = jobType('contact_mail_purge', z.object({ day: z.string() }));

/**
 * A ticket mail that carries the files of one message. The payload names the message, not the files: they
 * are read from the ticket's attachments when the mail goes out, so the job row stays small and erasure of
 * the ticket takes the files with it.
 */
const ticketMailWithFiles = z.object({
  message: mailMessage,
  ticketId: z.number().int(),
  messageId: z.number().int(),
});
export const ticketMailWithFilesJob = jobType('contact_ticket_mail_files', ticketMailWithFiles);

/** Sends a ticket mail with its message's attachments; they are gone only if the ticket is (then so is the job). */
export async function sendTicketMailWithFiles(
  deps: { db: Db; mailer: Mailer },
  payload: z.infer<typeof ticketMailWithFiles>,
) {
  const files = await repo.attachmentsOfMessage(deps.db, payload.ticketId, payload.messageId);
  await deps.mailer.send(
    payload.message,
    files.map((file) => ({ filename: file.fileName, contentType: file.mimeType, content: file.data })),
  );
}

/** Enqueues a ticket mail: with the message's files when it has any, as a plain mail job otherwise. */
async function enqueueTicketMail(
  deps: Pick<Deps, 'jobs'>,
  tx: Db,
  message: MailMessage,
  dedupeKey: string,
  files: { ticketId: number; messageId: number; count: number },
) {
  if (files.count === 0) return deps.jobs.enqueue(mailJob, message, { dedupeKey }, tx);
  return deps.jobs.enqueue(
    ticketMailWithFilesJob,
    { message, ticketId: files.ticketId, messageId: files.messageId },
    { dedupeKey },
    tx,
  );
}

/** Published after a commit that changed which e-mails are open, so the supervisors' board recounts at once. */
export const TICKETS_CHANNEL = 'contact_tickets';
type TicketsEvent = { type: 'tickets'; queueId: number | null };

async function ticketsChanged(deps: Deps, queueId: number | null) {
  // The change is committed and the board's periodic refresh makes good a lost event: reported, not thrown.
  await deps.events
    .publish(TICKETS_CHANNEL, { type: 'tickets', queueId } satisfies TicketsEvent)
    .catch((error: unknown) => deps.background.report('contact-mail:tickets-event', error, { queueId }));
}

/** Per-ticket reply address: the token makes it unguessable, so only the citizen (and 1700) can thread into it. */
export function replyAddress(config: Deps['config'], ticket: { id: number; replyToken: string }) {
  return `ticket+${ticket.id}-${ticket.replyToken}@${config.contactMail.inboundDomain}`;
}

const messageId = (config: Deps['config'], local: string) => `<${local}@${config.contactMail.inboundDomain}>`;

/**
 * Every mail job of a ticket has a dedupe key with this prefix, so the jobs can go with the ticket (purge and
 * erasure): their payloads keep what was written.
 */
const ticketMailKeyPrefix = (ticketId: number) => `contact-ticket-${ticketId}-`;

const topicLabel = (locale: Locale, topic: string) =>
  translator(locale)(`contactMail.topics.${topic}`, { defaultValue: topic });

/** Takes one citizen-requested mail from the guard's limits; false (logged) when a limit is reached. */
function admitCitizenMail(
  deps: Pick<ModuleDeps, 'citizenMail' | 'logger'>,
  recipient: string,
  client: string,
  context: Record<string, unknown>,
) {
  try {
    deps.citizenMail.admit('contact_copy', { recipient, client });
    return true;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'RATE_LIMITED') throw error;
    if (deps.logger) deps.logger.info(context, 'contact confirmation not sent: citizen mail limit reached');
    return false;
  }
}

// ---- deadlines ---------------------------------------------------------------------------------

/**
 * When an answer to a question (or a reopening reply) received at `from` is due: the topic's reply target in
 * working hours, counted in the opening hours and closures of the queue handling it. Null without a queue, or
 * when the queue does not open within the coming year: a deadline nobody can meet would only mislead.
 */
async function dueFor(db: Db, queueId: number | null, topic: string, from: Date) {
  if (queueId === null) return null;
  const schedule = await repo.queueSchedule(db, queueId);
  if (!schedule) return null;
  const hours = (await repo.replyTargetHours(db, topic)) ?? DEFAULT_REPLY_TARGET_HOURS;
  const at = addOpenMinutes(schedule, from, hours * 60);
  return at ? { at, timeZone: schedule.opening_hours.timeZone } : null;
}

/** Past the deadline at `now`: still waiting for an answer, or answered after it. */
export function isBreached(
  ticket: Pick<repo.TicketRow, 'status' | 'dueAt' | 'answeredAt'>,
  now = new Date(),
): boolean {
  if (!ticket.dueAt) return false;
  if (ticket.answeredAt) return ticket.answeredAt > ticket.dueAt;
  return (ticket.status === 'new' || ticket.status === 'open') && ticket.dueAt < now;
}

/** The new deadline when a citizen's reply reopens a handled ticket; a ticket still waiting keeps its own. */
async function reopenDeadline(db: Db, ticket: repo.TicketRow, now = new Date()) {
  if (ticket.status === 'new' || ticket.status === 'open') return {};
  const due = await dueFor(db, ticket.queueId, ticket.topic, now);
  return { dueAt: due?.at ?? null, answeredAt: null };
}

export async function listReplyTargets(db: Db) {
  const set = new Map((await repo.listReplyTargets(db)).map((row) => [row.topic, row.hours]));
  return {
    items: CONTACT_TOPICS.map((topic) => ({
      topic,
      hours: set.get(topic) ?? DEFAULT_REPLY_TARGET_HOURS,
      isDefault: !set.has(topic),
    })),
  };
}

/** A supervisor sets a topic's reply target; it applies to questions from now on, and the change is audited. */
export async function setReplyTarget(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  topic: (typeof CONTACT_TOPICS)[number],
  hours: number,
) {
  return deps.db.transaction(async (tx) => {
    const before = await repo.replyTargetHours(tx, topic);
    const row = await repo.upsertReplyTarget(tx, topic, hours);
    await audit(
      tx,
      actor.principal,
      'contact.reply_target.update',
      { type: 'contact_topic', id: topic },
      { from: before ?? DEFAULT_REPLY_TARGET_HOURS, to: hours },
      actor.ip,
    );
    return { topic, hours: row.hours, isDefault: false };
  });
}

/**
 * Stores the ticket and its question, and in the same transaction enqueues the e-mail to the 1700 mailbox and
 * a confirmation to the given address. Nothing is sent before the question is safely stored, and each mail
 * has a dedupe key and a stable Message-ID, so a retry never delivers it twice.
 *
 * The address is unverified, so the confirmation carries nothing the requester wrote (no question, no name):
 * only the reference and the chosen topic. It passes the citizen-mail limits; when they refuse, the question is
 * still stored and the citizen is told that no confirmation follows. Refusing the whole question would lose
 * it for someone whose address was flooded by another, and the answer reaches them by mail anyway.
 */
export async function submitEmail(
  deps: Deps & Pick<ModuleDeps, 'citizenMail'>,
  input: ContactEmailInput,
  requestLocale: Locale,
  client: string,
  files: CheckedAttachment[] = [],
) {
  // Robots that fill in the hidden field get the same answer as people, so they learn nothing.
  if (input.website && input.website.trim() !== '')
    return {
      reference: ticketReference(100_000 + randomBytes(2).readUInt16BE()),
      confirmationSent: true,
      expectedReply: null,
    };
  const locale = input.locale ?? requestLocale;
  const { reference, queueId, confirmationSent, expectedReply } = await deps.db.transaction(async (tx) => {
    const queueId = await repo.queueForTopic(tx, input.topic);
    const due = await dueFor(tx, queueId, input.topic, new Date());
    const ticket = await repo.insertTicket(tx, {
      queueId,
      dueAt: due?.at ?? null,
      replyToken: randomBytes(12).toString('hex'),
      citizenName: input.name,
      citizenEmail: input.email,
      topic: input.topic,
      locale,
    });
    const question = await repo.insertMessage(tx, {
      ticketId: ticket.id,
      direction: 'citizen',
      body: input.question,
    });
    await repo.insertAttachments(tx, ticket.id, question!.id, files);
    const withFiles = { ticketId: ticket.id, messageId: question!.id, count: files.length };
    const reference = ticketReference(ticket.id);
    const replyTo = replyAddress(deps.config, ticket);
    const nl = translator('nl');
    const t = translator(locale);
    const mailbox: MailMessage = {
      to: [deps.config.contactMail.mailbox],
      replyTo,
      subject: nl('contactMail.mail.mailboxSubject', { reference, topic: topicLabel('nl', input.topic) }),
      text: nl('contactMail.mail.mailboxBody', {
        reference,
        name: input.name ?? '—',
        email: input.email,
        topic: topicLabel('nl', input.topic),
        locale,
        question: input.question,
      }),
      messageId: messageId(deps.config, `ticket-${ticket.id}-question`),
    };
    await enqueueTicketMail(deps, tx, mailbox, `${ticketMailKeyPrefix(ticket.id)}mailbox`, withFiles);
    const confirmationSent = admitCitizenMail(deps, input.email, client, { ticketId: ticket.id });
    if (confirmationSent) {
      const copy: MailMessage = {
        to: [input.email],
        replyTo,
        subject: t('contactMail.mail.copySubject', { reference }),
        text: t('contactMail.mail.copyBody', {
          reference,
          topic: topicLabel(locale, input.topic),
          // The address is unverified: the files go to 1700 only; the copy says how many arrived.
          expected: [
            due
              ? t('contactMail.mail.expectedBy', formatReplyBy(locale, due.at, due.timeZone))
              : t('contactMail.mail.expectedSoon'),
            ...(files.length > 0 ? [t('contactMail.attachments.copyNote', { count: files.length })] : []),
          ].join(' '),
        }),
        messageId: messageId(deps.config, `ticket-${ticket.id}-copy`),
      };
      await deps.jobs.enqueue(mailJob, copy, { dedupeKey: `${ticketMailKeyPrefix(ticket.id)}copy` }, tx);
    }
    const expectedReply = due ? { at: due.at.toISOString(), timeZone: due.timeZone } : null;
    return { reference, queueId: ticket.queueId, confirmationSent, expectedReply };
  });
  await ticketsChanged(deps, queueId);
  return { reference, confirmationSent, expectedReply };
}

// ---- agent console -----------------------------------------------------------------------------

function summary(ticket: repo.TicketRow, preview: string | null, heldCount: number, now = new Date()) {
  return {
    id: ticket.id,
    reference: ticketReference(ticket.id),
    status: ticket.status,
    topic: ticket.topic,
    category: ticket.category,
    citizenName: ticket.citizenName,
    citizenEmail: ticket.citizenEmail,
    locale: ticket.locale,
    preview: preview ?? '',
    heldCount,
    dueAt: ticket.dueAt?.toISOString() ?? null,
    answeredAt: ticket.answeredAt?.toISOString() ?? null,
    breached: isBreached(ticket, now),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

/** The queues whose tickets this person may see in the console (null: all). */
async function scopeOf(db: Db, principal: Principal) {
  return ticketQueueScope(principal, await repo.servedQueueIds(db, principal.accountId));
}

/** A ticket outside the agent's queues is answered as if it did not exist (see the policy). */
async function assertVisible(db: Db, principal: Principal, ticket: { queueId: number | null }) {
  assertCanHandleTicket(await scopeOf(db, principal), ticket);
}

export async function listTickets(
  db: Db,
  principal: Principal,
  query: {
    status?: repo.TicketStatus;
    page: number;
    pageSize: number;
    sort: 'due' | 'recent';
    breached?: 'true' | 'false';
  },
) {
  const now = new Date();
  if (query.breached === 'true') assertCanSeeBreaches(principal);
  const { items, total } = await repo.listTickets(db, {
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    breachedAt: query.breached === 'true' ? now : undefined,
    queueIds: await scopeOf(db, principal),
  });
  return {
    items: items.map((row) => summary(row.ticket, row.preview, row.heldCount, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getTicket(db: Db, principal: Principal, id: number) {
  const ticket = await repo.findTicket(db, id);
  if (!ticket) throw new AppError('NOT_FOUND');
  await assertVisible(db, principal, ticket);
  const messages = await repo.listMessages(db, id);
  const held = await repo.listHeldReplies(db, id);
  const attachments = await repo.listAttachmentsOfTicket(db, id);
  return {
    ...summary(ticket, messages[0]?.body.slice(0, 200) ?? null, held.length),
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      authorName: m.authorName,
      body: m.body,
      attachments: attachments
        .filter((a) => a.messageId === m.id)
        .map(({ id, fileName, mimeType, sizeBytes }) => ({ id, fileName, mimeType, sizeBytes })),
      createdAt: m.createdAt.toISOString(),
    })),
    heldReplies: held.map((h) => ({
      id: h.id,
      senderAddress: h.senderAddress,
      envelopeSender: h.envelopeSender,
      body: h.body,
      receivedAt: h.receivedAt.toISOString(),
    })),
  };
}

/** Stores the answer and mails it to the citizen in one transaction; the ticket becomes 'answered'. */
export async function replyToTicket(
  deps: Deps,
  actor: Actor,
  id: number,
  text: string,
  files: CheckedAttachment[] = [],
) {
  const queueId = await deps.db.transaction(async (tx) => {
    const ticket = await repo.findTicketForUpdate(tx, id);
    if (!ticket) throw new AppError('NOT_FOUND');
    await assertVisible(tx, actor.principal, ticket);
    if (ticket.status === 'closed')
      throw new AppError('CONFLICT', {}, [
        { path: 'body.text', code: 'custom', message: 'contactMail.validation.closed' },
      ]);
    const message = await repo.insertMessage(tx, {
      ticketId: id,
      direction: 'agent',
      authorAccountId: actor.principal.accountId,
      body: text,
    });
    await repo.insertAttachments(tx, id, message!.id, files);
    await repo.updateTicket(tx, id, {
      status: 'answered',
      assignedAccountId: actor.principal.accountId,
      // The first answer since the deadline was set decides whether the target was met.
      answeredAt: ticket.answeredAt ?? new Date(),
    });
    const reference = ticketReference(id);
    const t = translator(ticket.locale);
    // Each answer carries its own single-use rating link; the rating keeps only queue, team and day.
    const feedbackToken = await issueFeedbackToken(tx, {
      channel: 'mail',
      queueId: ticket.queueId,
      agentAccountId: actor.principal.accountId,
    });
    const feedbackUrl = new URL(`/contact/beoordeling/${feedbackToken}`, deps.config.publicUrl).toString();
    await enqueueTicketMail(
      deps,
      tx,
      {
        to: [ticket.citizenEmail],
        replyTo: replyAddress(deps.config, ticket),
        subject: t('contactMail.mail.replySubject', { reference }),
        text: `${t('contactMail.mail.replyBody', { reference, text })}\n${t('contactFeedback.mail.invite', { url: feedbackUrl })}\n`,
        messageId: messageId(deps.config, `ticket-${id}-answer-${message!.id}`),
        // Under the citizen's copy in their mail client, so the whole exchange reads as one thread.
        inReplyTo: messageId(deps.config, `ticket-${id}-copy`),
        references: [messageId(deps.config, `ticket-${id}-copy`)],
      } satisfies MailMessage,
      `${ticketMailKeyPrefix(id)}answer-${message!.id}`,
      { ticketId: id, messageId: message!.id, count: files.length },
    );
    await audit(
      tx,
      actor.principal,
      'contact.ticket.reply',
      { type: 'contact_ticket', id },
      { messageId: message!.id, attachments: files.length },
      actor.ip,
    );
    return ticket.queueId;
  });
  await ticketsChanged(deps, queueId);
  return getTicket(deps.db, actor.principal, id);
}

export async function updateTicket(
  deps: Deps,
  actor: Actor,
  id: number,
  patch: { status?: repo.TicketStatus; category?: string | null },
) {
  const changed = await deps.db.transaction(async (tx) => {
    const ticket = await repo.findTicketForUpdate(tx, id);
    if (!ticket) throw new AppError('NOT_FOUND');
    await assertVisible(tx, actor.principal, ticket);
    await repo.updateTicket(tx, id, patch);
    await audit(
      tx,
      actor.principal,
      'contact.ticket.update',
      { type: 'contact_ticket', id },
      {
        from: { status: ticket.status, category: ticket.category },
        to: patch,
      },
      actor.ip,
    );
    return patch.status !== undefined && patch.status !== ticket.status ? { queueId: ticket.queueId } : null;
  });
  if (changed) await ticketsChanged(deps, changed.queueId);
  return getTicket(deps.db, actor.principal, id);
}

/**
 * The citizen's earlier contacts for the agent on a ticket: other tickets from the same address and chats that
 * gave it as transcript address, within the retention period, each only when the agent serves its queue.
 */
export async function earlierContacts(deps: Pick<Deps, 'db' | 'config'>, principal: Principal, id: number) {
  const ticket = await repo.findTicket(deps.db, id);
  if (!ticket) throw new AppError('NOT_FOUND');
  const scope = await scopeOf(deps.db, principal);
  assertCanHandleTicket(scope, ticket);
  const cutoff = new Date(Date.now() - deps.config.contactMail.retentionDays * 86_400_000);
  const tickets = await repo.earlierTicketsOf(deps.db, ticket.citizenEmail, ticket.id, cutoff);
  const chats = await repo.chatsWithTranscriptTo(deps.db, ticket.citizenEmail, cutoff);
  const items = [
    ...visibleEarlierContacts(scope, tickets).map((row) => ({
      channel: 'mail' as const,
      id: row.id,
      reference: ticketReference(row.id),
      at: row.createdAt,
      topic: row.topic,
      queueNameNl: row.queueNameNl,
      queueNameEn: row.queueNameEn,
      status: row.status as string,
    })),
    ...visibleEarlierContacts(scope, chats).map((row) => ({
      channel: 'chat' as const,
      id: row.id,
      reference: null,
      at: row.createdAt,
      topic: null,
      queueNameNl: row.queueNameNl,
      queueNameEn: row.queueNameEn,
      status: row.status as string,
    })),
  ];
  items.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { items: items.map((item) => ({ ...item, at: item.at.toISOString() })) };
}

// ---- inbound replies ---------------------------------------------------------------------------

const replyAddressPattern = /^ticket\+(\d{1,10})-([0-9a-f]{24})@(.+)$/i;

/** The ticket a per-ticket address points to, or null when the address is unknown or its token is wrong. */
export async function ticketForAddress(deps: Deps, address: string) {
  const match = replyAddressPattern.exec(address.trim());
  if (!match) return null;
  const [, idText, token, domain] = match;
  if (domain!.toLowerCase() !== deps.config.contactMail.inboundDomain) return null;
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  const ticket = await repo.findTicket(deps.db, id);
  if (!ticket) return null;
  const expected = Buffer.from(ticket.replyToken);
  const given = Buffer.from(token!.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? ticket : null;
}

/** Drops the quoted history that mail clients append, so the ticket shows what the citizen added. */
export function stripQuotedReply(text: string) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cut = lines.findIndex(
    (line, index) =>
      /^On .+ wrote:\s*$/.test(line) ||
      /^Op .+ schreef .+:\s*$/.test(line) ||
      (line.startsWith('>') &&
        lines.slice(index).every((rest) => rest.startsWith('>') || rest.trim() === '')),
  );
  const kept = (cut === -1 ? lines : lines.slice(0, cut)).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}

/** Mail addresses compare case-insensitively in practice; nothing else is folded (no dots, no +tags). */
export const normaliseAddress = (address: string) => address.normalize('NFC').trim().toLowerCase();

/** Held replies per ticket: past this, more mail from other senders is refused instead of stored. */
export const MAX_HELD_PER_TICKET = 20;

export type InboundOutcome = 'threaded' | 'held' | 'duplicate' | 'held_full';

/**
 * A reply by mail to a ticket's address. Only when both the From header (one address) and the envelope sender
 * are the citizen's address is it stored as the citizen's message, once per Message-ID, and the ticket opens
 * again. Anything else (another sender, several From addresses, a bounce) is held for an agent of the ticket:
 * the reply address alone proves nothing, since it can be forwarded, quoted or leaked.
 */
export async function threadInboundReply(
  deps: Deps,
  input: {
    ticketId: number;
    mailMessageId: string | null;
    text: string;
    /** The addresses of the From header. */
    from: string[];
    /** The SMTP MAIL FROM address; empty for a bounce. */
    envelopeSender: string;
  },
): Promise<InboundOutcome> {
  const body = stripQuotedReply(input.text)
    .replaceAll('\u0000', '')
    .slice(0, MAX_REPLY * 2);
  const outcome = await deps.db.transaction(async (tx) => {
    const ticket = await repo.findTicketForUpdate(tx, input.ticketId);
    if (!ticket) return null;
    const citizen = normaliseAddress(ticket.citizenEmail);
    const fromCitizen =
      input.from.length === 1 &&
      normaliseAddress(input.from[0]!) === citizen &&
      normaliseAddress(input.envelopeSender) === citizen;
    if (!fromCitizen) {
      if ((await repo.countHeldReplies(tx, ticket.id)) >= MAX_HELD_PER_TICKET)
        return { outcome: 'held_full' as const, queueId: ticket.queueId };
      const held = await repo.insertHeldReply(tx, {
        ticketId: ticket.id,
        senderAddress: input.from.join(', ').slice(0, 1000),
        envelopeSender: input.envelopeSender.slice(0, 1000),
        body: body === '' ? '—' : body,
        mailMessageId: input.mailMessageId,
      });
      return { outcome: held ? ('held' as const) : ('duplicate' as const), queueId: ticket.queueId };
    }
    const stored = await repo.insertMessage(tx, {
      ticketId: ticket.id,
      direction: 'citizen',
      body: body === '' ? '—' : body,
      mailMessageId: input.mailMessageId,
    });
    if (stored)
      await repo.updateTicket(tx, ticket.id, { status: 'open', ...(await reopenDeadline(tx, ticket)) });
    return { outcome: stored ? ('threaded' as const) : ('duplicate' as const), queueId: ticket.queueId };
  });
  if (!outcome) return 'duplicate';
  if (outcome.outcome === 'threaded') await ticketsChanged(deps, outcome.queueId);
  return outcome.outcome;
}

/** Lock the ticket and check that this agent may act on it and that the held reply belongs to it. */
async function lockHeldReply(tx: Db, principal: Principal, ticketId: number, heldId: number) {
  const ticket = await repo.findTicketForUpdate(tx, ticketId);
  if (!ticket) throw new AppError('NOT_FOUND');
  await assertVisible(tx, principal, ticket);
  const held = await repo.findHeldReply(tx, ticketId, heldId);
  if (!held) throw new AppError('NOT_FOUND');
  return { ticket, held };
}

/** The agent vouches for a held reply: it joins the thread as the citizen's message and the ticket opens. */
export async function acceptHeldReply(deps: Deps, actor: Actor, ticketId: number, heldId: number) {
  const queueId = await deps.db.transaction(async (tx) => {
    const { ticket, held } = await lockHeldReply(tx, actor.principal, ticketId, heldId);
    // The same mail may have reached the thread before (redelivered from the citizen's own address).
    const message = await repo.insertMessage(tx, {
      ticketId,
      direction: 'citizen',
      body: held.body,
      mailMessageId: held.mailMessageId,
      createdAt: held.receivedAt,
    });
    await repo.deleteHeldReply(tx, held.id);
    await repo.updateTicket(tx, ticketId, { status: 'open', ...(await reopenDeadline(tx, ticket)) });
    // The sender's address stays out of the audit log, like the citizen's (erasure could not reach it there).
    await audit(
      tx,
      actor.principal,
      'contact.ticket.held_accept',
      { type: 'contact_ticket', id: ticketId },
      { heldId, messageId: message?.id ?? null },
      actor.ip,
    );
    return ticket.queueId;
  });
  await ticketsChanged(deps, queueId);
  return getTicket(deps.db, actor.principal, ticketId);
}

/** The agent drops a held reply: it is deleted and never reaches the thread. */
export async function discardHeldReply(deps: Deps, actor: Actor, ticketId: number, heldId: number) {
  await deps.db.transaction(async (tx) => {
    const { held } = await lockHeldReply(tx, actor.principal, ticketId, heldId);
    await repo.deleteHeldReply(tx, held.id);
    await audit(
      tx,
      actor.principal,
      'contact.ticket.held_discard',
      { type: 'contact_ticket', id: ticketId },
      { heldId },
      actor.ip,
    );
  });
  return getTicket(deps.db, actor.principal, ticketId);
}

// ---- privacy -----------------------------------------------------------------------------------

/** The mail jobs of deleted tickets, sent or not: their payloads hold the citizen's and the agents' words. */
async function deleteMailJobsOfTickets(deps: Deps, tx: Db, ticketIds: number[]) {
  const keyPrefixes = ticketIds.map(ticketMailKeyPrefix);
  return (
    (await deps.jobs.deleteByKey(mailJob, { keyPrefixes }, tx)) +
    (await deps.jobs.deleteByKey(ticketMailWithFilesJob, { keyPrefixes }, tx))
  );
}

/** Deletes answered and closed tickets untouched for the retention period; returns how many went. */
export async function purgeExpiredTickets(deps: Deps, now = new Date()) {
  const cutoff = new Date(now.getTime() - deps.config.contactMail.retentionDays * 86_400_000);
  return deps.db.transaction(async (tx) => {
    const ids = await repo.deleteHandledTicketsBefore(tx, cutoff);
    // Mail jobs keep the text they sent (question, copy, answers): they go with their ticket.
    await deleteMailJobsOfTickets(deps, tx, ids);
    // So do the copies in the dev mailbox, and the free-text comments of contact feedback.
    await repo.deleteDevMailBefore(tx, cutoff);
    await purgeFeedback(tx, deps.config.contactMail.retentionDays, now);
    return ids.length;
  });
}

const dayKey = (date: Date) => date.toISOString().slice(0, 10);

/** Schedules the purge for a day; the dedupe key makes it run once a day however many processes start. */
export async function schedulePurge(deps: Deps, day: Date) {
  await deps.jobs.enqueue(
    purgeJob,
    { day: dayKey(day) },
    { runAt: day, dedupeKey: `contact-mail-purge-${dayKey(day)}` },
  );
}

export async function runDailyPurge(deps: Deps) {
  await purgeExpiredTickets(deps);
  const tomorrow = new Date();
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  tomorrow.setUTCHours(2, 0, 0, 0);
  await schedulePurge(deps, tomorrow);
}

/** Erasure on request: every ticket of this address, with its messages, is deleted and the act audited. */
export async function eraseCitizen(deps: Deps, actor: Actor, email: string) {
  const result = await deps.db.transaction(async (tx) => {
    const ids = await repo.deleteTicketsByEmail(tx, email);
    await deleteMailJobsOfTickets(deps, tx, ids);
    const devMailDeleted = await repo.deleteDevMailOf(tx, email);
    // Replies the address sent to other people's tickets, still waiting for an agent.
    const heldRepliesDeleted = await repo.deleteHeldRepliesOf(tx, email);
    // The audit entry records that an erasure happened and how much, never the address itself.
    await audit(
      tx,
      actor.principal,
      'contact.citizen.erase',
      { type: 'contact_citizen' },
      { ticketsDeleted: ids.length, devMailDeleted, heldRepliesDeleted },
      actor.ip,
    );
    return { ticketsDeleted: ids.length };
  });
  // Open ones may be among them (of several queues).
  if (result.ticketsDeleted > 0) await ticketsChanged(deps, null);
  return result;
}

// ---- attachments -------------------------------------------------------------------------------

/** One attachment of a ticket for an agent who may see the ticket; anything else is answered 404. */
export async function attachment(db: Db, principal: Principal, ticketId: number, attachmentId: number) {
  const ticket = await repo.findTicket(db, ticketId);
  if (!ticket) throw new AppError('NOT_FOUND');
  await assertVisible(db, principal, ticket);
  const file = await repo.findAttachment(db, ticketId, attachmentId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/** A refused upload that clamd could not scan is a warning in the log: the scanner needs attention. */
const unscanned = (deps: Pick<Deps, 'logger'>) => (reason: string) =>
  deps.logger?.warn({ reason }, 'attachment refused: clamd could not scan it');

/**
 * The form with files: the honeypot first (robots cost no scan), then every file is scanned and checked
 * before anything is stored, so a refused file leaves no ticket behind and the citizen can send again.
 */
export async function submitEmailWithFiles(
  deps: Deps & Pick<ModuleDeps, 'citizenMail'>,
  scanner: VirusScanner,
  input: ContactEmailInput,
  requestLocale: Locale,
  client: string,
  uploads: Upload[],
) {
  if (input.website && input.website.trim() !== '') return submitEmail(deps, input, requestLocale, client);
  const files = await checkAttachments(scanner, deps.config.attachments, uploads, unscanned(deps));
  return submitEmail(deps, input, requestLocale, client, files);
}

/** An answer with files: checked and scanned first, then stored and mailed like any answer. */
export async function replyWithFiles(
  deps: Deps,
  scanner: VirusScanner,
  actor: Actor,
  id: number,
  text: string,
  uploads: Upload[],
) {
  // The agent must be able to see the ticket before their files cost a scan.
  const ticket = await repo.findTicket(deps.db, id);
  if (!ticket) throw new AppError('NOT_FOUND');
  await assertVisible(deps.db, actor.principal, ticket);
  const files = await checkAttachments(scanner, deps.config.attachments, uploads, unscanned(deps));
  return replyToTicket(deps, actor, id, text, files);
}
