import { z } from 'zod';
import { raterGroups, valueKeys } from '../domain';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const valueKey = z.enum(valueKeys);
const group = z.enum(raterGroups);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'entitiesFeedback360.validation.date' });
const score = z.number().int().min(1).max(5);

/** Plain text: no markup. Everything is rendered as text, but tags are a sign of misuse. */
const noMarkup = (s: string) => !/<\s*\/?\s*[a-z!][^>]*>/i.test(s);
const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, { message: 'entitiesFeedback360.validation.required' })
    .max(max)
    .refine(noMarkup, { message: 'entitiesFeedback360.validation.noMarkup' });

// ---- requests --------------------------------------------------------------------------------

export const idParams = z.object({ id });
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export const peopleQuery = z.object({ q: z.string().trim().min(2).max(100) });
export const aggregateQuery = z.object({ entityId: id.optional() });

/** One score per statement of the round, in the order the round lists them. */
const scores = z.array(score).min(1).max(200);

export const roundBody = z.object({
  closesOn: isoDate,
  raters: z
    .array(z.object({ personId: id, group }))
    .min(1)
    .max(60)
    .refine((rows) => new Set(rows.map((r) => r.personId)).size === rows.length, {
      message: 'entitiesFeedback360.validation.duplicateRater',
    }),
  selfScores: scores,
});
export type RoundInput = z.infer<typeof roundBody>;

export const answerBody = z.object({
  scores,
  comment: text(2000).default(''),
  /** Only for the own manager: agree to be shown as "manager" rather than counted among the others. */
  showAsManager: z.boolean().default(false),
});
export type AnswerInput = z.infer<typeof answerBody>;

export const goalBody = z.object({
  title: text(200, 3),
  description: text(4000).default(''),
  values: z
    .array(valueKey)
    .min(1, { message: 'entitiesFeedback360.validation.valuesRequired' })
    .max(valueKeys.length)
    .refine((keys) => new Set(keys).size === keys.length, {
      message: 'entitiesFeedback360.validation.valuesRequired',
    }),
  dueOn: isoDate.nullable().default(null),
});
export type GoalInput = z.infer<typeof goalBody>;

// ---- responses -------------------------------------------------------------------------------

export const statementOut = z.object({ value: valueKey, textNl: z.string(), textEn: z.string() });

export const statementsOut = z.object({ statements: z.array(statementOut) });

export const personOut = z.object({
  personId: z.number().int(),
  name: z.string(),
  unitNameNl: z.string().nullable(),
});

export const roundOut = z.object({
  id: z.number().int(),
  /** cancelled: stopped by the leader before it closed; no report, the links dead. */
  status: z.enum(['open', 'closed', 'cancelled']),
  closesOn: z.string(),
  createdAt: z.string(),
  /** Invited per group: the leader chose them, so this tells nothing new. Who answered is never shown. */
  invited: z.record(group, z.number().int()),
  raters: z.array(z.object({ personId: z.number().int(), name: z.string(), group })),
  statements: z.array(statementOut),
  selfScores: z.array(z.number()),
});

export const roundListOut = z.object({
  items: z.array(roundOut.pick({ id: true, status: true, closesOn: true, createdAt: true, invited: true })),
});

const groupFigure = z.object({
  group: z.enum(['all', ...raterGroups]),
  /** false: fewer than k raters behind it, or hidden so that no smaller group can be worked out. */
  visible: z.boolean(),
  raters: z.number().int().optional(),
  /** Per statement, in the round's order (only when visible). */
  means: z.array(z.number()).optional(),
});

export const reportOut = z.object({
  roundId: z.number().int(),
  status: z.literal('closed'),
  k: z.number().int(),
  statements: z.array(statementOut),
  self: z.array(z.number()),
  groups: z.array(groupFigure),
  /** Per statement over all visible raters: others' mean minus self (only when "all" is visible). */
  gaps: z.array(z.number()).optional(),
  /** Per statement: standard deviation over all raters (only when "all" is visible). */
  spread: z.array(z.number()).optional(),
  /** Per value: self and others' means. */
  values: z.array(z.object({ value: valueKey, self: z.number(), others: z.number().optional() })),
  commentsVisible: z.boolean(),
  comments: z.array(z.string()),
});

export const aggregateOut = z.object({
  k: z.number().int(),
  entities: z.array(
    z.object({ unitId: z.number().int(), nameNl: z.string(), nameEn: z.string().nullable() }),
  ),
  entityId: z.number().int().nullable(),
  /** The quarter of the release the figures come from, and when it was taken: figures change only per release. */
  period: z.string().optional(),
  releasedAt: z.string().optional(),
  /** false: fewer than k leaders, or fewer than k changed since a release that showed the entity. */
  visible: z.boolean(),
  leaders: z.number().int().optional(),
  values: z.array(z.object({ value: valueKey, self: z.number(), others: z.number() })).optional(),
});

export const invitationOut = z.object({
  leaderName: z.string(),
  group,
  closesOn: z.string(),
  open: z.boolean(),
  answered: z.boolean(),
  statements: z.array(statementOut),
});

export const suggestionsOut = z.object({
  manager: z.array(personOut),
  peer: z.array(personOut),
  report: z.array(personOut),
});

export const goalOut = z.object({ initiativeId: z.number().int(), unitId: z.number().int() });

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

export const entitiesFeedback360Api = defineApi('entities', {
  list: route({
    method: 'GET',
    path: '/api/feedback360/rounds',
    access: 'signedIn',
    summary: 'The caller’s own 360° feedback rounds',
    responses: { 200: roundListOut },
  }),
  statements: route({
    method: 'GET',
    path: '/api/feedback360/statements',
    access: 'signedIn',
    summary: 'The behaviour statements of the published values framework, to rate in a 360° round',
    responses: { 200: statementsOut },
  }),
  people: route({
    method: 'GET',
    path: '/api/feedback360/people',
    access: 'signedIn',
    summary: 'Search the roster for raters by name',
    query: peopleQuery,
    responses: { 200: z.object({ items: z.array(personOut) }) },
  }),
  create: route({
    method: 'POST',
    path: '/api/feedback360/rounds',
    access: 'signedIn',
    summary: 'Start a 360° round: raters in groups, the self-rating and a closing date',
    body: roundBody,
    responses: { 201: roundOut },
  }),
  aggregate: route({
    method: 'GET',
    path: '/api/feedback360/aggregate',
    access: 'entityLead',
    summary: 'An entity’s 360° figures over its leaders, hidden below k leaders',
    query: aggregateQuery,
    responses: { 200: aggregateOut },
  }),
  get: route({
    method: 'GET',
    path: '/api/feedback360/rounds/:id',
    access: 'signedIn',
    summary: 'One of the caller’s own 360° rounds',
    params: idParams,
    responses: { 200: roundOut },
  }),
  remind: route({
    method: 'POST',
    path: '/api/feedback360/rounds/:id/remind',
    access: 'signedIn',
    summary: 'Mail a reminder to the raters who have not answered yet',
    params: idParams,
    responses: { 200: okOut },
  }),
  close: route({
    method: 'POST',
    path: '/api/feedback360/rounds/:id/close',
    access: 'signedIn',
    summary: 'Close an own 360° round now and open its answers for the report',
    params: idParams,
    responses: { 200: okOut },
  }),
  cancel: route({
    method: 'POST',
    path: '/api/feedback360/rounds/:id/cancel',
    access: 'signedIn',
    summary:
      'Cancel an own open 360° round: its answers are deleted unread and the raters’ links stop working',
    params: idParams,
    responses: { 200: okOut },
  }),
  suggestions: route({
    method: 'GET',
    path: '/api/feedback360/suggestions',
    access: 'signedIn',
    summary: 'Raters the org tree suggests: the own manager, peers and direct reports',
    responses: { 200: suggestionsOut },
  }),
  report: route({
    method: 'GET',
    path: '/api/feedback360/rounds/:id/report',
    access: 'signedIn',
    summary: 'The leader’s 360° report: self versus others per value and statement, hidden below k raters',
    params: idParams,
    responses: { 200: reportOut },
  }),
  goal: route({
    method: 'POST',
    path: '/api/feedback360/rounds/:id/goals',
    access: 'signedIn',
    summary: 'Add a development goal from the report to the action plan of the leader’s unit',
    params: idParams,
    body: goalBody,
    responses: { 201: goalOut },
  }),
  invitation: route({
    method: 'GET',
    path: '/api/feedback360/answer/:token',
    access: 'public',
    summary: 'What a rater’s personal link asks: the leader, the statements and the closing date',
    params: tokenParams,
    responses: { 200: invitationOut },
  }),
  answer: route({
    method: 'POST',
    path: '/api/feedback360/answer/:token',
    access: 'public',
    summary: 'Answer a 360° round by personal link; stored sealed, without the rater',
    params: tokenParams,
    body: answerBody,
    responses: { 201: okOut },
  }),
});
