import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../../../config';
import type { Db } from '../../../db/client';
import type { OpeningHours } from '../../../db/schema';
import type { EventBus } from '../../../events/event-bus';
import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { type Locale, translator } from '../../../http/i18n';
import { type JobQueue, jobType } from '../../../jobs/job-queue';
import type { CitizenMailGuard } from '../../../mail/citizen-mail-guard';
import { type MailMessage, mailJob } from '../../../mail/mailer';
import { audit } from '../../../platform/audit';
import { pgErrorCode } from '../../org/org.service';
import { issueFeedbackToken } from '../feedback/feedback.service';
import * as repo from './chat.repo';
import { estimateWaitForPosition } from './erlang-c';
import { flemishHolidays, isOpen, nextOpening } from './opening-hours';

export { isOpen };

/** One channel for all chat events; payloads are ids only (NOTIFY limit), every process looks up the rest. */
export const CHAT_CHANNEL = 'contact_chat';

export type ChatEvent =
  | { type: 'queue'; queueId: number }
  | { type: 'assigned'; chatId: number; agentId: number }
  | {
      type: 'message';
      chatId: number;
      messageId: number;
      /** The chat's agent when the sender knew it: receivers need not look the chat up. */
      agentId?: number | null;
      /** The stored message itself when it fits the NOTIFY payload: receivers need not read it back. */
      message?: repo.MessageRow;
    }
  | { type: 'typing'; chatId: number; from: 'citizen' | 'agent' }
  | { type: 'closed'; chatId: number; feedbackToken?: string }
  | { type: 'transferred'; chatId: number; fromAccountId: number };

export type ChatTimings = {
  /** An agent not seen for this long counts as disconnected; their chats go back to the head of the queue. */
  agentGraceMs: number;
  /** How often a process refreshes the presence of the agents connected to it (must be well under the grace). */
  heartbeatMs: number;
  /** A citizen gone (no socket on any process) this long from an active chat gets an "are you still there?". */
  citizenWarnMs: number;
  /** …and the chat closes this long after the warning. */
  citizenCloseMs: number;
  /**
   * How often a waiting citizen's widget confirms it is still there (any frame counts). A waiting chat whose
   * socket stays open but sends nothing keeps no place: only confirmations from the last two intervals count.
   */
  confirmEveryMs: number;
  /** A waiting citizen neither present nor confirming for this long loses their place, with a message. */
  waitingIdleMs: number;
  /**
   * A waiting citizen whose last socket closed (tab closed, network gone) and who has not come back on any
   * process this long after loses the place; a reconnect within it keeps the place.
   */
  waitingLeaveMs: number;
  /** A citizen socket that answers no WebSocket ping for this long is dropped (a dead connection). */
  pongTimeoutMs: number;
};

export const defaultTimings: ChatTimings = {
  agentGraceMs: 30_000,
  heartbeatMs: 10_000,
  citizenWarnMs: 120_000,
  citizenCloseMs: 60_000,
  // A closed tab frees its place at most confirmEveryMs + waitingLeaveMs = 30 s after its last "still here".
  confirmEveryMs: 10_000,
  waitingIdleMs: 30_000,
  waitingLeaveMs: 20_000,
  pongTimeoutMs: 30_000,
};

// Without history (a quiet hour, a new installation) the estimate uses a typical 1700 chat length.
const DEFAULT_HANDLE_SECONDS = 300;
const HISTORY_WINDOW_MS = 4 * 3600_000;
const PRIOR_CHATS = 5;

export const hashResumeToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The year whose days off of the Flemish public service every installation starts with. */
export const SEEDED_HOLIDAY_YEAR = 2027;

export async function seedChatQueues(db: Db): Promise<void> {
  const weekdays: OpeningHours['days'] = {};
  for (const day of ['1', '2', '3', '4', '5']) weekdays[day] = [['09:00', '17:00']];
  await repo.upsertQueue(db, {
    key: 'algemeen',
    nameNl: 'Algemene vragen',
    nameEn: 'General questions',
    openingHours: { timeZone: 'Europe/Brussels', days: weekdays },
    maxQueueLength: 50,
  });
  // Only into a queue that has no closure in that year yet: a day a supervisor took out stays out.
  await repo.addHolidaysWhereYearEmpty(db, String(SEEDED_HOLIDAY_YEAR), flemishHolidays(SEEDED_HOLIDAY_YEAR));
}

export async function listQueues(db: Db, now = new Date()) {
  const queues = await repo.listActiveQueues(db);
  return queues.map((q) => {
    const open = isOpen(q, now);
    return {
      key: q.key,
      nameNl: q.name_nl,
      nameEn: q.name_en,
      open,
      nextOpening: open ? null : (nextOpening(q, now)?.toISOString() ?? null),
      closedTextNl: q.closed_text_nl,
      closedTextEn: q.closed_text_en,
    };
  });
}

// ---- opening hours and closures ---------------------------------------------------------------

const settingsOut = (q: repo.QueueRow) => ({
  key: q.key,
  nameNl: q.name_nl,
  nameEn: q.name_en,
  timeZone: q.opening_hours.timeZone,
  days: q.opening_hours.days,
  holidays: [...q.holidays].sort(),
  closedTextNl: q.closed_text_nl,
  closedTextEn: q.closed_text_en,
});

export async function listQueueSettings(db: Db) {
  return (await repo.listActiveQueues(db)).map(settingsOut);
}

export type QueueSettingsInput = {
  days: OpeningHours['days'];
  holidays: string[];
  closedTextNl: string | null;
  closedTextEn: string | null;
};

/** A supervisor sets a queue's weekly hours, closures and closed text; the change is audited with its content. */
export async function updateQueueSettings(
  db: Db,
  actor: { principal: Principal; ip: string },
  key: string,
  input: QueueSettingsInput,
) {
  const queue = await repo.findQueueByKey(db, key);
  if (!queue) throw new AppError('NOT_FOUND');
  const days: OpeningHours['days'] = {};
  for (const [day, ranges] of Object.entries(input.days))
    if (ranges && ranges.length > 0) days[day] = [...ranges].sort(([a], [b]) => a.localeCompare(b));
  const holidays = [...new Set(input.holidays)].sort();
  const settings = {
    openingHours: { timeZone: queue.opening_hours.timeZone, days },
    holidays,
    closedTextNl: input.closedTextNl?.trim() || null,
    closedTextEn: input.closedTextEn?.trim() || null,
  };
  return db.transaction(async (tx) => {
    const updated = await repo.updateQueueSettings(tx, queue.id, settings);
    await audit(
      tx,
      actor.principal,
      'contact.chat.queue.settings',
      { type: 'chat_queue', id: queue.id },
      { days, holidays, closedTextNl: settings.closedTextNl, closedTextEn: settings.closedTextEn },
      actor.ip,
    );
    return settingsOut(updated);
  });
}

async function handleSeconds(db: Db, queueId: number): Promise<number> {
  const history = await repo.queueHistory(db, queueId, new Date(Date.now() - HISTORY_WINDOW_MS));
  // Shrunk towards the default by PRIOR_CHATS pseudo-observations, so two quick chats in a quiet hour do not
  // promise the next citizen an instant answer.
  const handled = history.handled ?? 0;
  const mean = history.handle_seconds ?? DEFAULT_HANDLE_SECONDS;
  return (mean * handled + DEFAULT_HANDLE_SECONDS * PRIOR_CHATS) / (handled + PRIOR_CHATS);
}

export type QueuePosition = {
  chatId: number;
  position: number;
  estimatedWaitSeconds: number | null;
  /** The wait is (or is expected to become) longer than the queue allows: the widget offers the e-mail form. */
  offerEmail: boolean;
};

/** Every waiting citizen's place and estimate in one queue (one pass; used on each queue change). */
export async function queuePositions(
  db: Db,
  queueId: number,
  timings: ChatTimings,
): Promise<{ positions: QueuePosition[] }> {
  const waiting = await repo.listWaiting(db, queueId);
  if (waiting.length === 0) return { positions: [] };
  const { slots, free } = await repo.agentSlots(db, new Date(Date.now() - timings.agentGraceMs), queueId);
  const handle = await handleSeconds(db, queueId);
  return {
    positions: waiting.map((row, index) => {
      const estimate = estimateWaitForPosition({
        position: index + 1,
        slots,
        freeSlots: free,
        handleSeconds: handle,
      });
      return {
        chatId: row.id,
        position: index + 1,
        estimatedWaitSeconds: estimate,
        offerEmail:
          estimate === null || estimate > row.max_wait_seconds || row.waited_seconds > row.max_wait_seconds,
      };
    }),
  };
}

/** The client address as stored for the per-address cap: hashed, and only while the chat waits. */
export const clientKeyOf = (client: string) => createHash('sha256').update(client).digest('hex');

export async function startChat(
  db: Db,
  events: EventBus,
  timings: ChatTimings,
  input: { topic: string; locale: 'nl' | 'en'; name?: string; transcriptEmail?: string },
  /**
   * The client address and how many chats it may have waiting at once (Infinity: no cap), and the browser's chat
   * cookie when it sent one: its hash links the chats of one browser for the agents.
   */
  client: { address: string; maxWaiting: number; browserCookie?: string },
  now = new Date(),
) {
  const queue = await repo.findQueueByKey(db, input.topic);
  if (!queue) throw new AppError('NOT_FOUND');
  if (!isOpen(queue, now)) throw new AppError('CHAT_CLOSED');
  const resumeToken = randomBytes(32).toString('base64url');
  const clientKey = clientKeyOf(client.address);
  const chatId = await db.transaction(async (tx) => {
    if (Number.isFinite(client.maxWaiting)) {
      await repo.lockClient(tx, clientKey);
      if ((await repo.countWaitingOfClient(tx, clientKey)) >= client.maxWaiting)
        throw new AppError('CHAT_TOO_MANY_WAITING', { max: client.maxWaiting });
    }
    await repo.lockQueue(tx, queue.id);
    if ((await repo.countWaiting(tx, queue.id)) >= queue.max_queue_length)
      throw new AppError('CHAT_QUEUE_FULL');
    return repo.insertChat(tx, {
      queueId: queue.id,
      tokenHash: hashResumeToken(resumeToken),
      citizenName: input.name?.trim() || null,
      locale: input.locale,
      transcriptEmail: input.transcriptEmail?.trim() || null,
      clientKey,
      browserKey: client.browserCookie ? browserKeyOf(client.browserCookie) : null,
    });
  });
  await dispatch(db, events, timings);
  const { positions } = await queuePositions(db, queue.id, timings);
  const mine = positions.find((p) => p.chatId === chatId);
  // Not waiting any more means an agent took it at once: the promise was "no wait".
  await repo.setInitialEstimate(db, chatId, mine ? mine.estimatedWaitSeconds : 0);
  await events.publish(CHAT_CHANNEL, { type: 'queue', queueId: queue.id } satisfies ChatEvent);
  return {
    chatId,
    resumeToken,
    position: mine?.position ?? 0,
    estimatedWaitSeconds: mine ? mine.estimatedWaitSeconds : 0,
    offerEmail: mine?.offerEmail ?? false,
    maxWaitSeconds: queue.max_wait_seconds,
  };
}

/** The chat cookie: a random value the browser alone keeps; the server stores only its hash. */
export const CHAT_COOKIE = 'wia_chat';
export const newChatCookie = () => randomBytes(24).toString('base64url');
/** Anything else a client sends under that name is ignored (a new cookie is issued). */
export const isChatCookie = (value: string | undefined): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);
const browserKeyOf = (cookie: string) => createHash('sha256').update(`chat-browser:${cookie}`).digest('hex');

/**
 * The citizen's earlier chats from the same browser (while its chat cookie lasts, within the retention period),
 * for the agent who holds the chat or a supervisor; each only when its queue is one the agent serves.
 */
export async function earlierChats(
  deps: { db: Db; config: Config },
  principal: Principal,
  chatId: number,
  now = new Date(),
) {
  const chat = await repo.findChatBrowser(deps.db, chatId);
  const supervisor = principal.roles.includes('contact_supervisor');
  if (!chat || !(supervisor || chat.agent_account_id === principal.accountId))
    throw new AppError('NOT_FOUND');
  if (!chat.browser_key) return { items: [] };
  const rows = await repo.earlierChatsOfBrowser(deps.db, {
    browserKey: chat.browser_key,
    exceptId: chatId,
    cutoff: new Date(now.getTime() - deps.config.contactMail.retentionDays * 86_400_000),
    accountId: principal.accountId,
    allQueues: supervisor,
  });
  return {
    items: rows.map((row) => ({
      channel: 'chat' as const,
      id: row.id,
      reference: null,
      at: new Date(row.created_at).toISOString(),
      topic: null,
      queueNameNl: row.queue_name_nl,
      queueNameEn: row.queue_name_en,
      status: row.status,
    })),
  };
}

/**
 * Hands waiting chats to agents until no chat or no free agent is left. Each assignment is one transaction
 * that locks the head chat and the chosen agent with FOR UPDATE SKIP LOCKED, so two processes dispatching at
 * the same moment never give one chat twice, nor overfill one agent.
 */
export async function dispatch(db: Db, events: EventBus, timings: ChatTimings): Promise<number> {
  let assigned = 0;
  // A free agent whose row is locked for a moment (a presence heartbeat, another process's assignment), or a
  // head chat another dispatcher holds, is skipped by SKIP LOCKED; then the round is tried again shortly, so
  // the citizen does not wait for the sweep and the position a new chat is told is the settled one.
  for (let attempt = 0; attempt < DISPATCH_LOCK_RETRIES; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, DISPATCH_LOCK_RETRY_MS));
    const round = await dispatchRound(db, events, timings);
    assigned += round.assigned;
    if (!round.skippedLocked) break;
  }
  return assigned;
}

/** Assigns until nothing more can be; one assignment per queue per pass, so an unserved queue holds up none. */
async function dispatchRound(db: Db, events: EventBus, timings: ChatTimings) {
  let assigned = 0;
  let skippedLocked = false;
  for (let progressed = true; progressed; ) {
    progressed = false;
    for (const queueId of await repo.listQueuesWithWaiting(db)) {
      const result = await db.transaction(async (tx) => {
        const chat = await repo.lockNextWaiting(tx, queueId);
        if (!chat) {
          if (await repo.anyWaiting(tx, queueId)) skippedLocked = true;
          return null;
        }
        const staleBefore = new Date(Date.now() - timings.agentGraceMs);
        const agent = await repo.lockBestAgent(tx, staleBefore, queueId);
        if (!agent) {
          if (await repo.anyEligibleAgent(tx, staleBefore, queueId)) skippedLocked = true;
          return null;
        }
        await repo.assignChat(tx, chat.id, agent.account_id);
        return { chatId: chat.id, agentId: agent.account_id };
      });
      if (!result) continue;
      progressed = true;
      assigned++;
      await events.publish(CHAT_CHANNEL, {
        type: 'assigned',
        chatId: result.chatId,
        agentId: result.agentId,
      } satisfies ChatEvent);
      await events.publish(CHAT_CHANNEL, { type: 'queue', queueId } satisfies ChatEvent);
    }
  }
  return { assigned, skippedLocked };
}

const DISPATCH_LOCK_RETRIES = 10;
const DISPATCH_LOCK_RETRY_MS = 25;

export async function postMessage(
  db: Db,
  events: EventBus,
  input: {
    chatId: number;
    sender: 'citizen' | 'agent';
    authorAccountId: number | null;
    clientId: string;
    text: string;
    /** The chat's agent as the caller found it (saves every process a lookup of the chat). */
    agentId?: number | null;
  },
) {
  const message = await repo.insertMessage(db, { ...input, body: input.text });
  // Published even for a resend: the first publish may have been lost with the process; clients skip known ids.
  await events.publish(CHAT_CHANNEL, messageEvent(input.chatId, message, input.agentId));
  return message;
}

// A NOTIFY payload holds ~7,900 bytes; a message body up to this size travels in the event itself.
const INLINE_BODY_BYTES = 6000;

/** The 'message' event: ids always; the message and the agent when known and small enough (fan-out without reads). */
function messageEvent(chatId: number, message: repo.MessageRow, agentId?: number | null): ChatEvent {
  const inline = Buffer.byteLength(message.body) <= INLINE_BODY_BYTES;
  return {
    type: 'message',
    chatId,
    messageId: message.id,
    ...(agentId !== undefined ? { agentId } : {}),
    ...(inline ? { message } : {}),
  };
}

export async function endChat(
  db: Db,
  events: EventBus,
  timings: ChatTimings,
  chatId: number,
  closedBy: 'citizen' | 'agent' | 'system',
  category: string | null,
) {
  const closed = await repo.closeChat(db, chatId, closedBy, category);
  if (!closed) return false;
  // A chat an agent handled may be rated: the single-use token travels once on the bus to the citizen's socket.
  const feedbackToken =
    closed.agent_account_id !== null && category !== 'erased'
      ? await issueFeedbackToken(db, {
          channel: 'chat',
          queueId: closed.queue_id,
          agentAccountId: closed.agent_account_id,
        })
      : undefined;
  await events.publish(CHAT_CHANNEL, { type: 'closed', chatId, feedbackToken } satisfies ChatEvent);
  await events.publish(CHAT_CHANNEL, { type: 'queue', queueId: closed.queue_id } satisfies ChatEvent);
  // A freed slot may serve the next citizen at once.
  await dispatch(db, events, timings);
  return true;
}

export async function setAgentStatus(
  db: Db,
  events: EventBus,
  timings: ChatTimings,
  accountId: number,
  status: 'available' | 'away',
  capacity?: number,
) {
  await repo.upsertAgent(db, accountId, { status, capacity, connected: true });
  await dispatch(db, events, timings);
  // Estimates depend on the slots on duty, so every queue's positions are refreshed.
  for (const queue of await repo.listActiveQueues(db))
    await events.publish(CHAT_CHANNEL, { type: 'queue', queueId: queue.id } satisfies ChatEvent);
}

/** Run periodically by every process; idempotent, so several processes may run it at once. */
export async function requeueLostAgents(db: Db, events: EventBus, timings: ChatTimings) {
  const queueIds = await repo.requeueChatsOfLostAgents(db, new Date(Date.now() - timings.agentGraceMs));
  for (const queueId of queueIds)
    await events.publish(CHAT_CHANNEL, { type: 'queue', queueId } satisfies ChatEvent);
  if (queueIds.length > 0) await dispatch(db, events, timings);
  return queueIds.length;
}

/**
 * How close the estimates shown at the start of a chat came to the waits that followed: mean absolute error,
 * bias (positive: we promised longer than it took) and the share within 50 % (or 30 s for short waits).
 */
export async function estimateAccuracy(db: Db, days: number) {
  const row = await repo.estimateErrors(db, new Date(Date.now() - days * 86_400_000));
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    days,
    chats: row.chats,
    meanAbsoluteErrorSeconds: round(row.mae),
    biasSeconds: round(row.bias),
    shareWithinTolerance: row.within_half === null ? null : Math.round(row.within_half * 1000) / 1000,
  };
}

/**
 * Citizen gone → warning → close. Run periodically by every process: the warning UPDATE … RETURNING hands each
 * chat to one process only, and closing an already closed chat is a no-op.
 */
export async function applyCitizenInactivity(db: Db, events: EventBus, timings: ChatTimings) {
  const now = Date.now();
  const warned = await repo.markGoneCitizensWarned(db, new Date(now - timings.citizenWarnMs));
  for (const chat of warned) {
    await postSystemMessage(
      db,
      events,
      chat.id,
      `inactivity-${new Date(chat.warned_at).getTime()}`,
      translator(chat.locale)('contactChat.system.inactivityWarning', {
        minutes: Math.max(1, Math.round(timings.citizenCloseMs / 60_000)),
      }),
    );
  }
  const toClose = await repo.listChatsToCloseForInactivity(
    db,
    new Date(now - timings.citizenCloseMs),
    new Date(now - timings.waitingIdleMs),
  );
  for (const chat of toClose) {
    if (chat.status === 'waiting') await endWaitingChat(db, events, timings, chat);
    else await endChat(db, events, timings, chat.id, 'system', 'inactive');
  }
  return { warned: warned.length, closed: toClose.length };
}

/**
 * Frees the place of a waiting citizen who left at `leftAt` (the presence stamp written when their last socket
 * closed) unless they came back since, on this process or another (a reconnect refreshes the stamp).
 */
export async function releaseLeftCitizen(
  db: Db,
  events: EventBus,
  timings: ChatTimings,
  chatId: number,
  leftAt: string,
): Promise<boolean> {
  const chat = await repo.findWaitingUnseenSince(db, chatId, leftAt);
  if (!chat) return false;
  return endWaitingChat(db, events, timings, chat);
}

/** Ends a waiting chat that lost its place; a citizen who returns finds why in the chat's history. */
async function endWaitingChat(
  db: Db,
  events: EventBus,
  timings: ChatTimings,
  chat: { id: number; locale: Locale },
): Promise<boolean> {
  await postSystemMessage(
    db,
    events,
    chat.id,
    'waiting-timeout',
    translator(chat.locale)('contactChat.system.waitingTimeout'),
  );
  return endChat(db, events, timings, chat.id, 'system', 'inactive');
}

async function postSystemMessage(db: Db, events: EventBus, chatId: number, clientId: string, text: string) {
  const message = await repo.insertMessage(db, {
    chatId,
    sender: 'system',
    authorAccountId: null,
    clientId,
    body: text,
  });
  await events.publish(CHAT_CHANNEL, { type: 'message', chatId, messageId: message.id } satisfies ChatEvent);
}

/** An internal note: stored in the chat for colleagues and supervisors, never shown to the citizen. */
export async function postNote(
  db: Db,
  events: EventBus,
  chatId: number,
  authorAccountId: number,
  clientId: string,
  text: string,
) {
  const message = await repo.insertMessage(db, {
    chatId,
    sender: 'note',
    authorAccountId,
    clientId,
    body: text,
  });
  await events.publish(CHAT_CHANNEL, { type: 'message', chatId, messageId: message.id } satisfies ChatEvent);
  return message;
}

/**
 * Hands an active chat to a named colleague (who must be on duty with a free slot) or to the head of a
 * queue, the same or another topic's. The citizen keeps the chat and its history either way.
 */
export async function transferChat(
  db: Db,
  events: EventBus,
  timings: ChatTimings,
  chatId: number,
  fromAccountId: number,
  target: { toAccountId?: number; queueKey?: string },
) {
  if (target.toAccountId !== undefined) {
    if (target.toAccountId === fromAccountId) throw new AppError('BAD_REQUEST');
    const toAccountId = target.toAccountId;
    const moved = await db.transaction((tx) =>
      repo.transferToAgent(tx, chatId, toAccountId, new Date(Date.now() - timings.agentGraceMs)),
    );
    if (!moved) throw new AppError('CONFLICT', { reason: 'colleague_unavailable' });
    await events.publish(CHAT_CHANNEL, {
      type: 'assigned',
      chatId,
      agentId: toAccountId,
    } satisfies ChatEvent);
  } else {
    const chat = await repo.findChat(db, chatId);
    const queue = target.queueKey ? await repo.findQueueByKey(db, target.queueKey) : undefined;
    if (!chat || (target.queueKey && !queue)) throw new AppError('NOT_FOUND');
    await repo.requeueChat(db, chatId, queue?.id ?? chat.queue_id);
    await events.publish(CHAT_CHANNEL, {
      type: 'queue',
      queueId: queue?.id ?? chat.queue_id,
    } satisfies ChatEvent);
  }
  await events.publish(CHAT_CHANNEL, { type: 'transferred', chatId, fromAccountId } satisfies ChatEvent);
  await dispatch(db, events, timings);
}

/** Transcript mails of one chat: one per chat and last message (a resend is one mail), found by this prefix. */
const transcriptKeyPrefix = (chatId: number) => `chat-transcript-${chatId}-`;
const transcriptKey = (chatId: number, lastMessageId: number) =>
  `${transcriptKeyPrefix(chatId)}${lastMessageId}`;

/**
 * The chat's one transcript, as plain text, to the address the citizen gave when the chat started (never to
 * another: a transcript to any address would make the chat a relay for the requester's text). Through the
 * mail job queue (retried with back-off when SMTP is down), within the citizen-mail limits. Internal notes
 * are never included. Returns the address it went to.
 */
export async function mailTranscript(
  deps: { db: Db; jobs: JobQueue; config: Config; citizenMail: CitizenMailGuard },
  chat: repo.ChatRow,
  client: string,
): Promise<string> {
  if (!chat.transcript_email) throw new AppError('CONFLICT', { reason: 'no_transcript_address' });
  const email = await repo.claimTranscript(deps.db, chat.id);
  if (!email) throw new AppError('CONFLICT', { reason: 'transcript_sent' });
  try {
    deps.citizenMail.admit('chat_transcript', { recipient: email, client });
  } catch (error) {
    await repo.releaseTranscript(deps.db, chat.id);
    throw error;
  }
  const t = translator(chat.locale);
  const messages = await repo.listMessages(deps.db, chat.id, false);
  const time = new Intl.DateTimeFormat(chat.locale === 'en' ? 'en-GB' : 'nl-BE', {
    timeZone: 'Europe/Brussels',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const speaker = (sender: string) =>
    sender === 'citizen'
      ? t('contactChat.transcript.you')
      : sender === 'agent'
        ? (chat.agent_name ?? t('contactChat.transcript.agent'))
        : t('contactChat.transcript.system');
  const lines = messages.map(
    (m) => `[${time.format(new Date(m.created_at))}] ${speaker(m.sender)}: ${m.body}`,
  );
  const last = messages.at(-1)?.id ?? 0;
  const host = new URL(deps.config.publicUrl).hostname;
  const key = transcriptKey(chat.id, last);
  const message: MailMessage = {
    to: [email],
    subject: t('contactChat.transcript.subject'),
    text: [t('contactChat.transcript.intro'), '', ...lines, ''].join('\n'),
    messageId: `<${key}@${host}>`,
  };
  await deps.jobs.enqueue(mailJob, message, { dedupeKey: key });
  return email;
}

// ---- privacy -----------------------------------------------------------------------------------

/** The daily purge of closed chats past the retention period; `day` is the day it is for. */
export const chatPurgeJob = jobType('contact_chat_purge', z.object({ day: z.string() }));

/** Closed chats older than the contact retention period (CONTACT_RETENTION_DAYS, default 90) are deleted. */
export async function purgeExpiredChats(deps: { db: Db; config: Config; jobs: JobQueue }, now = new Date()) {
  const cutoff = new Date(now.getTime() - deps.config.contactMail.retentionDays * 86_400_000);
  return deps.db.transaction(async (tx) => {
    const chatIds = await repo.deleteClosedChatsBefore(tx, cutoff);
    await deleteTranscriptMails(deps.jobs, chatIds, tx);
    return chatIds.length;
  });
}

/** Transcript mails keep the conversation's text in their job payload: they go with their chat. */
async function deleteTranscriptMails(jobs: JobQueue, chatIds: number[], tx: Db) {
  await jobs.deleteByKey(mailJob, { keyPrefixes: chatIds.map(transcriptKeyPrefix) }, tx);
}

const dayKey = (date: Date) => date.toISOString().slice(0, 10);

/** One purge a day; the dedupe key makes it one job however many processes schedule it. */
export async function scheduleChatPurge(deps: { jobs: JobQueue }, day: Date) {
  await deps.jobs.enqueue(
    chatPurgeJob,
    { day: dayKey(day) },
    { runAt: day, dedupeKey: `contact-chat-purge-${dayKey(day)}` },
  );
}

export async function runDailyChatPurge(deps: { db: Db; config: Config; jobs: JobQueue }) {
  await purgeExpiredChats(deps);
  const tomorrow = new Date();
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  tomorrow.setUTCHours(2, 30, 0, 0);
  await scheduleChatPurge(deps, tomorrow);
}

/** Erasure on request: the chat and its messages go; the audit log records that it happened, not what was said. */
export async function eraseChat(
  deps: { db: Db; events: EventBus; config: Config; jobs: JobQueue },
  timings: ChatTimings,
  actor: { principal: Principal; ip: string },
  chatId: number,
) {
  await endChat(deps.db, deps.events, timings, chatId, 'system', 'erased');
  await deps.db.transaction(async (tx) => {
    if (!(await repo.deleteChat(tx, chatId))) throw new AppError('NOT_FOUND');
    await deleteTranscriptMails(deps.jobs, [chatId], tx);
    await audit(tx, actor.principal, 'contact.chat.erase', { type: 'chat', id: chatId }, {}, actor.ip);
  });
}

/** Which queues an agent serves (none listed: all). Audited, as every supervisor write. */
export async function setAgentQueues(
  deps: { db: Db; events: EventBus },
  timings: ChatTimings,
  actor: { principal: Principal; ip: string },
  accountId: number,
  queueKeys: string[],
) {
  const queues = await repo.listActiveQueues(deps.db);
  const unknown = queueKeys.filter((key) => !queues.some((q) => q.key === key));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.queues', code: 'invalid_value' }]);
  if (!(await repo.accountExists(deps.db, accountId))) throw new AppError('NOT_FOUND');
  const ids = queues.filter((q) => queueKeys.includes(q.key)).map((q) => q.id);
  await deps.db.transaction(async (tx) => {
    await repo.setAgentQueues(tx, accountId, ids);
    await audit(
      tx,
      actor.principal,
      'contact.chat.agent_queues',
      { type: 'account', id: accountId },
      { queues: queueKeys },
      actor.ip,
    );
  });
  await dispatch(deps.db, deps.events, timings);
  return { accountId, queues: queueKeys };
}

// ---- canned answers ----------------------------------------------------------------------------

const cannedOut = (row: repo.CannedRow) => ({
  id: row.id,
  queue: row.queue_key,
  title: row.title,
  textNl: row.text_nl,
  textEn: row.text_en,
  shortcut: row.shortcut,
});

export async function listCannedAnswers(db: Db) {
  return (await repo.listCannedAnswers(db)).map(cannedOut);
}

export type CannedInput = {
  queue?: string | null;
  title: string;
  textNl: string;
  textEn: string;
  shortcut?: string | null;
};

async function cannedQueueId(db: Db, queue: string | null | undefined): Promise<number | null> {
  if (!queue) return null;
  const found = await repo.findQueueByKey(db, queue);
  if (!found) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.queue', code: 'invalid_value' }]);
  return found.id;
}

/** A shortcut taken by another answer (also when a concurrent write won the race) is a clear 409. */
function rethrowShortcutTaken(error: unknown, shortcut: string | null | undefined): never {
  if (pgErrorCode(error) === '23505' && shortcut)
    throw new AppError('CONFLICT', {}, [
      {
        path: 'body.shortcut',
        code: 'custom',
        message: 'contactChat.errors.shortcut_taken',
        params: { shortcut },
      },
    ]);
  throw error;
}

export async function createCannedAnswer(
  db: Db,
  actor: { principal: Principal; ip: string },
  input: CannedInput,
) {
  return saveCannedAnswer(db, actor, null, input);
}

export async function updateCannedAnswer(
  db: Db,
  actor: { principal: Principal; ip: string },
  id: number,
  input: CannedInput,
) {
  return saveCannedAnswer(db, actor, id, input);
}

/** Inserts (id null) or updates a canned answer, audited in the same transaction. */
async function saveCannedAnswer(
  db: Db,
  actor: { principal: Principal; ip: string },
  existingId: number | null,
  input: CannedInput,
) {
  const queueId = await cannedQueueId(db, input.queue);
  const row = { ...input, shortcut: input.shortcut ?? null, queueId };
  try {
    return await db.transaction(async (tx) => {
      let id = existingId;
      if (id === null) id = await repo.insertCannedAnswer(tx, row);
      else if (!(await repo.updateCannedAnswer(tx, id, row))) throw new AppError('NOT_FOUND');
      await audit(
        tx,
        actor.principal,
        existingId === null ? 'contact.chat.canned_answer.create' : 'contact.chat.canned_answer.update',
        { type: 'canned_answer', id },
        { title: input.title, shortcut: row.shortcut },
        actor.ip,
      );
      return {
        id,
        queue: input.queue ?? null,
        title: input.title,
        textNl: input.textNl,
        textEn: input.textEn,
        shortcut: row.shortcut,
      };
    });
  } catch (error) {
    rethrowShortcutTaken(error, input.shortcut);
  }
}

export async function deleteCannedAnswer(db: Db, actor: { principal: Principal; ip: string }, id: number) {
  await db.transaction(async (tx) => {
    if (!(await repo.deleteCannedAnswer(tx, id))) throw new AppError('NOT_FOUND');
    await audit(
      tx,
      actor.principal,
      'contact.chat.canned_answer.delete',
      { type: 'canned_answer', id },
      {},
      actor.ip,
    );
  });
}

// ---- agent console -----------------------------------------------------------------------------

/** What the agent console lists beside its chats: the agent's queues and the colleagues a chat can go to. */
export async function agentConsole(db: Db, timings: ChatTimings, accountId: number) {
  const queues = await repo.listQueuesOfAgent(db, accountId);
  const colleagues = await repo.listColleaguesOnDuty(
    db,
    accountId,
    new Date(Date.now() - timings.agentGraceMs),
  );
  return {
    queues: queues.map((q) => ({
      id: q.id,
      key: q.key,
      nameNl: q.name_nl,
      nameEn: q.name_en,
      waiting: q.waiting,
    })),
    colleagues: colleagues.map((c) => ({
      accountId: c.account_id,
      displayName: c.display_name,
      free: c.free,
    })),
  };
}
