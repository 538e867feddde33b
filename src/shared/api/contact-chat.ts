/**
 * The 1700 chat's contract: the queues and their opening hours, starting a chat, the agent console, canned
 * answers and retention, plus the frames citizens and agents may send over the chat sockets (served under
 * /ws, outside this contract, but validated with these schemas).
 */
import { z } from 'zod';
import { earlierContactsOut } from './contact-mail';
import { defineApi, route } from './contract';

/** The longest chat message or canned answer, in characters. */
export const MAX_CHAT_MESSAGE_LENGTH = 2000;

export const startChatBody = z.object({
  topic: z.string().min(1).max(60),
  locale: z.enum(['nl', 'en']),
  name: z.string().max(100).optional(),
  /** The only address the chat's transcript may later be mailed to; an empty field means none. */
  transcriptEmail: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() || undefined : value),
    z.email().max(254).optional(),
  ),
});

export const startChatOut = z.object({
  chatId: z.number().int(),
  resumeToken: z.string(),
  position: z.number().int(),
  estimatedWaitSeconds: z.number().int().nullable(),
  maxWaitSeconds: z.number().int(),
  offerEmail: z.boolean(),
});

export const queueOut = z.object({
  key: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  open: z.boolean(),
  /** While closed: when the queue opens again (null when no opening is planned in the coming year). */
  nextOpening: z.string().nullable(),
  closedTextNl: z.string().nullable(),
  closedTextEn: z.string().nullable(),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const range = z
  .tuple([clock, clock])
  .refine(([from, to]) => from < to, { message: 'contactChat.errors.hours_order' });
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'contactChat.errors.invalid_date',
    },
  );
const weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
const closedText = z.string().trim().max(500).nullable();

export const queueKeyParams = z.object({ key: z.string().min(1).max(60) });
export const queueSettingsBody = z.object({
  /** Per ISO weekday (1 = Monday): opening ranges in the queue's time zone, which must not overlap. */
  days: z.partialRecord(weekday, z.array(range).max(4)).refine(
    (days) =>
      Object.values(days).every((ranges) => {
        const sorted = [...(ranges ?? [])].sort(([a], [b]) => a.localeCompare(b));
        return sorted.every((r, i) => i === 0 || sorted[i - 1]![1] <= r[0]);
      }),
    { message: 'contactChat.errors.hours_overlap' },
  ),
  holidays: z.array(isoDay).max(400),
  closedTextNl: closedText,
  closedTextEn: closedText,
});
export const queueSettingsOut = z.object({
  key: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  timeZone: z.string(),
  days: z.partialRecord(weekday, z.array(z.tuple([z.string(), z.string()]))),
  holidays: z.array(z.string()),
  closedTextNl: z.string().nullable(),
  closedTextEn: z.string().nullable(),
});

// Client ids are the sender's own: a UUID or similar opaque string, short enough to index.
const clientId = z.string().min(1).max(64);
const text = z.string().trim().min(1).max(MAX_CHAT_MESSAGE_LENGTH);

/** What a citizen's browser may send over the chat socket. */
export const citizenInbound = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), clientId, text }),
  z.object({ type: z.literal('typing') }),
  z.object({ type: z.literal('end') }),
  // The transcript goes to the address given at the start: a frame naming another is refused (see the hub).
  z.object({ type: z.literal('transcript'), email: z.unknown().optional() }),
  // A waiting citizen's "still here": keeps the place in the queue (any frame does).
  z.object({ type: z.literal('present') }),
]);

/** What an agent's console may send over its socket. */
export const agentInbound = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status'),
    status: z.enum(['available', 'away']),
    capacity: z.number().int().min(1).max(10).optional(),
  }),
  z.object({ type: z.literal('message'), chatId: z.number().int().positive(), clientId, text }),
  z.object({ type: z.literal('note'), chatId: z.number().int().positive(), clientId, text }),
  z.object({
    type: z.literal('transfer'),
    chatId: z.number().int().positive(),
    toAccountId: z.number().int().positive().optional(),
    queueKey: z.string().min(1).max(60).optional(),
  }),
  z.object({ type: z.literal('typing'), chatId: z.number().int().positive() }),
  z.object({
    type: z.literal('close'),
    chatId: z.number().int().positive(),
    category: z.string().trim().min(1).max(60),
  }),
]);

export type CitizenInbound = z.infer<typeof citizenInbound>;
export type AgentInbound = z.infer<typeof agentInbound>;

export const accuracyQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(7) });

export const accuracyOut = z.object({
  days: z.number().int(),
  chats: z.number().int(),
  meanAbsoluteErrorSeconds: z.number().int().nullable(),
  biasSeconds: z.number().int().nullable(),
  shareWithinTolerance: z.number().nullable(),
});

export const chatParams = z.object({ chatId: z.coerce.number().int().positive().max(2_147_483_647) });

export const agentParams = z.object({ accountId: z.coerce.number().int().positive().max(2_147_483_647) });
export const agentQueuesBody = z.object({ queues: z.array(z.string().min(1).max(60)).max(50) });
export const agentQueuesOut = z.object({ accountId: z.number().int(), queues: z.array(z.string()) });

const cannedText = z.string().trim().min(1).max(MAX_CHAT_MESSAGE_LENGTH);
export const cannedBody = z.object({
  queue: z.string().min(1).max(60).nullable().optional(),
  title: z.string().trim().min(1).max(100),
  textNl: cannedText,
  textEn: cannedText,
  /** Typed as `/shortcut` in the console: letters, digits and dashes. */
  shortcut: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().replace(/^\//, '').toLowerCase() || null : value),
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,29}$/)
      .nullable()
      .optional(),
  ),
});
export const cannedOut = z.object({
  id: z.number().int(),
  queue: z.string().nullable(),
  title: z.string(),
  textNl: z.string(),
  textEn: z.string(),
  shortcut: z.string().nullable(),
});
export const cannedParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const agentConsoleOut = z.object({
  queues: z.array(
    z.object({
      id: z.number().int(),
      key: z.string(),
      nameNl: z.string(),
      nameEn: z.string(),
      waiting: z.number().int(),
    }),
  ),
  colleagues: z.array(
    z.object({ accountId: z.number().int(), displayName: z.string(), free: z.number().int() }),
  ),
});

export const contactChatApi = defineApi('contact-chat', {
  queues: route({
    method: 'GET',
    path: '/api/contact/queues',
    access: 'public',
    summary: 'List the chat queues with whether each is open now and its closed text',
    responses: { 200: z.array(queueOut) },
  }),
  queueSettings: route({
    method: 'GET',
    path: '/api/contact/queue-settings',
    access: 'contactSupervisor',
    summary: 'List every queue with its opening hours, holidays and closed texts',
    responses: { 200: z.array(queueSettingsOut) },
  }),
  updateQueueSettings: route({
    method: 'PUT',
    path: '/api/contact/queues/:key/settings',
    access: 'contactSupervisor',
    summary: 'Set a queue’s opening hours, holidays and closed texts (audited)',
    params: queueKeyParams,
    body: queueSettingsBody,
    responses: { 200: queueSettingsOut },
  }),
  earlierChats: route({
    method: 'GET',
    path: '/api/contact/chats/:chatId/earlier-contacts',
    access: 'contactAgent',
    summary:
      "The citizen's earlier chats from the same browser (chat cookie) within the retention period, in the agent's queues",
    params: chatParams,
    responses: { 200: earlierContactsOut },
  }),
  start: route({
    method: 'POST',
    path: '/api/contact/chats',
    access: 'public',
    summary: 'Start a chat in a queue and get its resume token and place in the queue',
    body: startChatBody,
    responses: { 201: startChatOut },
  }),
  estimateAccuracy: route({
    method: 'GET',
    path: '/api/contact/chat/estimate-accuracy',
    access: 'contactSupervisor',
    summary: 'How well the announced waiting times matched the real ones over recent days',
    query: accuracyQuery,
    responses: { 200: accuracyOut },
  }),
  erase: route({
    method: 'DELETE',
    path: '/api/contact/chats/:chatId',
    access: 'contactOversight',
    summary: 'Erase one chat and its messages on request (audited)',
    params: chatParams,
    responses: { 204: z.null() },
  }),
  setAgentQueues: route({
    method: 'PUT',
    path: '/api/contact/agents/:accountId/queues',
    access: 'contactSupervisor',
    summary: 'Set the queues an agent serves (audited)',
    params: agentParams,
    body: agentQueuesBody,
    responses: { 200: agentQueuesOut },
  }),
  console: route({
    method: 'GET',
    path: '/api/contact/console',
    access: 'contactAgent',
    summary: 'The agent console’s queues with their waiting citizens and the colleagues a chat can go to',
    responses: { 200: agentConsoleOut },
  }),
  cannedAnswers: route({
    method: 'GET',
    path: '/api/contact/canned-answers',
    access: 'contactAgent',
    summary: 'List the canned answers agents can insert',
    responses: { 200: z.array(cannedOut) },
  }),
  createCannedAnswer: route({
    method: 'POST',
    path: '/api/contact/canned-answers',
    access: 'contactSupervisor',
    summary: 'Add a canned answer (audited)',
    body: cannedBody,
    responses: { 201: cannedOut },
  }),
  updateCannedAnswer: route({
    method: 'PUT',
    path: '/api/contact/canned-answers/:id',
    access: 'contactSupervisor',
    summary: 'Change a canned answer (audited)',
    params: cannedParams,
    body: cannedBody,
    responses: { 200: cannedOut },
  }),
  deleteCannedAnswer: route({
    method: 'DELETE',
    path: '/api/contact/canned-answers/:id',
    access: 'contactSupervisor',
    summary: 'Remove a canned answer (audited)',
    params: cannedParams,
    responses: { 204: z.null() },
  }),
});

// ---- socket frames the server sends (the sockets are under /ws, outside the HTTP contract) ----------------

export type ChatSender = 'citizen' | 'agent' | 'system' | 'note';
/** A stored message as both sides receive it; citizens never receive notes. */
export type ChatMessageOut = {
  id: number;
  clientId: string;
  sender: ChatSender;
  text: string;
  createdAt: string;
};
/** A chat as the agent's console receives it when it is routed to them. */
export type ChatSummaryOut = {
  chatId: number;
  queueId: number;
  citizenName: string | null;
  locale: 'nl' | 'en';
  messages: ChatMessageOut[];
};
export type ChatErrorFrame = { type: 'error'; code: string; message: string };
export type AgentStatus = 'available' | 'away' | 'offline';

/** What the citizen's socket receives. */
export type CitizenFrame =
  | {
      type: 'state';
      chatId: number;
      status: 'waiting' | 'active' | 'closed';
      position: number | null;
      estimatedWaitSeconds: number | null;
      offerEmail: boolean;
      agentName: string | null;
      messages: ChatMessageOut[];
      confirmEverySeconds: number;
      transcript: { email: string | null; sent: boolean };
    }
  | { type: 'queue'; position: number; estimatedWaitSeconds: number | null; offerEmail: boolean }
  | { type: 'assigned'; agentName: string | null }
  | { type: 'message'; chatId: number; message: ChatMessageOut }
  | { type: 'ack'; clientId: string; messageId: number; message: ChatMessageOut }
  | { type: 'typing' }
  | { type: 'closed'; feedbackToken: string | null }
  | { type: 'transcript'; email: string }
  | ChatErrorFrame;

/** What the agent's socket receives. */
export type AgentFrame =
  | { type: 'hello'; status: AgentStatus; capacity: number; chats: ChatSummaryOut[] }
  | { type: 'status'; status: AgentStatus }
  | { type: 'assigned'; chat: ChatSummaryOut }
  | { type: 'message'; chatId: number; message: ChatMessageOut }
  | { type: 'ack'; chatId: number; clientId: string; messageId: number }
  | { type: 'typing'; chatId: number }
  | { type: 'transferred'; chatId: number }
  | { type: 'closed'; chatId: number }
  | ChatErrorFrame;
