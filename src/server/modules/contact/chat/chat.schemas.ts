import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from './chat.service';

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
});

// Client ids are the sender's own: a UUID or similar opaque string, short enough to index.
const clientId = z.string().min(1).max(64);
const text = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);

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

const cannedText = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);
export const cannedBody = z.object({
  queue: z.string().min(1).max(60).nullable().optional(),
  title: z.string().trim().min(1).max(100),
  textNl: cannedText,
  textEn: cannedText,
});
export const cannedOut = z.object({
  id: z.number().int(),
  queue: z.string().nullable(),
  title: z.string(),
  textNl: z.string(),
  textEn: z.string(),
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
