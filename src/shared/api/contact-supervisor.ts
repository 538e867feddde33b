/** The 1700 supervisor's board: the live figures per queue (also as a stream), history for staffing, targets. */
import { z } from 'zod';
import { defineApi, route } from './contract';

/** A real calendar day (2024-02-30 is refused here, not by the database). */
const isDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '2000-01-01';
};
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'contactSupervisor.validation.day' })
  .refine(isDay, { message: 'contactSupervisor.validation.day' });

export const liveOut = z.object({
  generatedAt: z.string(),
  queues: z.array(
    z.object({
      key: z.string(),
      nameNl: z.string(),
      nameEn: z.string(),
      open: z.boolean(),
      waiting: z.number().int(),
      longestWaitSeconds: z.number().int().nullable(),
      chatsActive: z.number().int(),
      agents: z.object({
        available: z.number().int(),
        away: z.number().int(),
        offline: z.number().int(),
      }),
      freeSlots: z.number().int(),
      emailsOpen: z.number().int(),
      targetSeconds: z.number().int(),
      /** Today so far (Brussels), null when no chat was answered or abandoned after the target yet. */
      serviceLevel: z.number().nullable(),
      offeredToday: z.number().int(),
    }),
  ),
  emailsOpenWithoutQueue: z.number().int(),
});

export const historyQuery = z
  .object({
    from: day,
    to: day,
    by: z.enum(['day', 'hour']).default('day'),
    queue: z.string().max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'contactSupervisor.validation.range', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 366, {
    message: 'contactSupervisor.validation.range',
    path: ['to'],
  });

export const bucketOut = z.object({
  /** YYYY-MM-DD (by day) or HH, the hour of the day in Brussels (by hour, summed over the range). */
  bucket: z.string(),
  offered: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  averageWaitSeconds: z.number().int().nullable(),
  serviceLevel: z.number().nullable(),
  emails: z.number().int(),
});

export const historyOut = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['day', 'hour']),
  queue: z.string().nullable(),
  buckets: z.array(bucketOut),
  totals: bucketOut,
  estimates: z.object({
    chats: z.number().int(),
    meanAbsoluteErrorSeconds: z.number().int().nullable(),
    biasSeconds: z.number().int().nullable(),
    shareWithinMinute: z.number().nullable(),
  }),
});

export const targetParams = z.object({ key: z.string().min(1).max(100) });
export const targetBody = z.object({
  targetSeconds: z.coerce
    .number({ message: 'contactSupervisor.validation.target' })
    .int({ message: 'contactSupervisor.validation.target' })
    .min(5, { message: 'contactSupervisor.validation.target' })
    .max(3600, { message: 'contactSupervisor.validation.target' }),
});
export const targetOut = z.object({ key: z.string(), targetSeconds: z.number().int() });

/** Agent statistics: a range of at most 92 days (a quarter), per agent and Brussels day. */
export const agentStatsQuery = z
  .object({ from: day, to: day })
  .refine((q) => q.from <= q.to, { message: 'contactSupervisor.validation.range', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 92, {
    message: 'contactSupervisor.validation.agentRange',
    path: ['to'],
  });

const agentFigures = {
  /** Chats the agent closed or that closed while assigned to them (after a transfer, the last agent). */
  chatsHandled: z.number().int(),
  /** From the agent's assignment to the close, averaged; null without chats. */
  averageHandleSeconds: z.number().int().nullable(),
  /** Answers the agent mailed on e-mail tickets. */
  emailsAnswered: z.number().int(),
  /** Time signed in to the console per status; the rest of the day the agent was offline. */
  availableSeconds: z.number().int(),
  awaySeconds: z.number().int(),
};

export const agentStatsOut = z.object({
  from: z.string(),
  to: z.string(),
  agents: z.array(
    z.object({
      accountId: z.number().int(),
      name: z.string(),
      /** Every day of the range, also the quiet ones. */
      days: z.array(z.object({ day: z.string(), ...agentFigures })),
      totals: z.object(agentFigures),
    }),
  ),
});

export const agentParams = z.object({ accountId: z.coerce.number().int().positive().max(2_147_483_647) });

const streamRefusal = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const contactSupervisorApi = defineApi('contact-supervisor', {
  live: route({
    method: 'GET',
    path: '/api/contact/supervisor/live',
    access: 'contactSupervisor',
    summary: 'The live board: per queue the waiting citizens, agents, free slots and today’s service level',
    responses: { 200: liveOut },
  }),
  liveStream: route({
    method: 'GET',
    path: '/api/contact/supervisor/live/stream',
    access: 'contactSupervisor',
    kind: 'stream',
    summary: 'The live board as a stream of server-sent events',
    description:
      'Server-Sent Events: the live board (as GET /api/contact/supervisor/live) as a `data:` frame at once, ' +
      'then after chat changes (at most once a second) and every 15 s; comments as heartbeat. ' +
      'Only for clients that accept text/event-stream.',
    responses: { 200: z.string().describe('text/event-stream'), 400: streamRefusal, 429: streamRefusal },
  }),
  history: route({
    method: 'GET',
    path: '/api/contact/supervisor/history',
    access: 'contactSupervisor',
    summary: 'Chat and e-mail volumes, waits and service level per day or hour of the day',
    query: historyQuery,
    responses: { 200: historyOut },
  }),
  agentStats: route({
    method: 'GET',
    path: '/api/contact/supervisor/agents',
    access: 'contactSupervisor',
    summary: 'Per agent and day: chats handled, average handling time, e-mails answered and time per status',
    query: agentStatsQuery,
    responses: { 200: agentStatsOut },
  }),
  agentStatsOf: route({
    method: 'GET',
    path: '/api/contact/agents/:accountId/stats',
    access: 'contactAgent',
    summary: 'One agent’s statistics per day, for that agent and supervisors only',
    params: agentParams,
    query: agentStatsQuery,
    responses: { 200: agentStatsOut },
  }),
  setTarget: route({
    method: 'PUT',
    path: '/api/contact/supervisor/queues/:key/target',
    access: 'contactSupervisor',
    summary: 'Set a queue’s service-level target in seconds (audited)',
    params: targetParams,
    body: targetBody,
    responses: { 200: targetOut },
  }),
});
