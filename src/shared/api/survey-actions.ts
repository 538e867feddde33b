/** Action planning on survey results: a unit's actions on the results it may see in detail. */
import { z } from 'zod';
import { surveyActionStatuses } from '../domain';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const key = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9_.-]+$/i);

export const actionStatus = z.enum(surveyActionStatuses);

export const listQuery = z.object({ waveId: id, unitId: z.coerce.number().int().min(0).max(2_147_483_647) });
export const actionParams = z.object({ id });

export const createBody = z
  .object({
    waveId: z.number().int().min(1),
    unitId: z.number().int().min(0),
    valueKey: key.nullable().optional(),
    itemKey: key.nullable().optional(),
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(2000).default(''),
    owner: z.string().trim().min(2).max(200),
    dueOn: day.nullable().optional(),
    status: actionStatus.default('planned'),
  })
  .strict();

export const updateBody = z
  .object({
    title: z.string().trim().min(3).max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    owner: z.string().trim().min(2).max(200).optional(),
    dueOn: day.nullable().optional(),
    status: actionStatus.optional(),
    valueKey: key.nullable().optional(),
    itemKey: key.nullable().optional(),
  })
  .strict();

const num = z.number().nullable();

export const actionOut = z.object({
  id: z.number().int(),
  waveId: z.number().int(),
  unitId: z.number().int(),
  valueKey: z.string().nullable(),
  itemKey: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  dueOn: z.string().nullable(),
  status: actionStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The result the action is about, for this unit, when it may be shown. */
  result: z
    .object({
      textNl: z.string(),
      textEn: z.string(),
      n: z.number().int().nullable(),
      index: num,
      mean: num,
      favourable: num,
      trend: num,
      significant: z.boolean().nullable(),
    })
    .nullable(),
});

export const actionListOut = z.object({ canWrite: z.boolean(), actions: z.array(actionOut) });
export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

/** Route rule "signedIn": whether the viewer sees the unit's results in detail is the results policy's call. */
export const surveyActionsApi = defineApi('survey-actions', {
  list: route({
    method: 'GET',
    path: '/api/survey/actions',
    access: 'signedIn',
    summary: 'The actions planned on a unit’s results of a wave, and whether the caller may change them',
    query: listQuery,
    responses: { 200: actionListOut },
  }),
  create: route({
    method: 'POST',
    path: '/api/survey/actions',
    access: 'signedIn',
    summary: 'Plan an action on a unit’s results',
    body: createBody,
    responses: { 201: actionOut },
  }),
  update: route({
    method: 'PATCH',
    path: '/api/survey/actions/:id',
    access: 'signedIn',
    summary: 'Change an action or its status',
    params: actionParams,
    body: updateBody,
    responses: { 200: actionOut },
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/survey/actions/:id',
    access: 'signedIn',
    summary: 'Delete an action',
    params: actionParams,
    responses: { 200: okOut },
  }),
});
