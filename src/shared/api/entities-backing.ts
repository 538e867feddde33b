import { z } from 'zod';
import { endorserKinds } from '../domain';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const kind = z.enum(endorserKinds);
const text = (max: number) => z.string().trim().min(1).max(max);

// ---- requests --------------------------------------------------------------------------------

export const idParams = z.object({ id });

export const endorsementBody = z.object({
  name: text(200),
  kind,
  roleNl: text(200),
  roleEn: text(200),
  endorsedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'entities-backing.validation.date' }),
  statementNl: text(4000),
  statementEn: text(4000),
  /** Where the commitment can be read: a press release, a policy note, a parliamentary answer. */
  link: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/[^\s]+$/i, { message: 'entities-backing.validation.link' })
    .nullable()
    .default(null),
  public: z.boolean().default(false),
});
export type EndorsementInput = z.infer<typeof endorsementBody>;

// ---- responses -------------------------------------------------------------------------------

export const endorsementOut = z.object({
  id: z.number().int(),
  name: z.string(),
  kind,
  roleNl: z.string(),
  roleEn: z.string(),
  endorsedOn: z.string(),
  statementNl: z.string(),
  statementEn: z.string(),
  link: z.string().nullable(),
  public: z.boolean(),
  synthetic: z.boolean(),
  updatedAt: z.string(),
});

export const endorsementListOut = z.object({ items: z.array(endorsementOut) });

export const publicEndorsementListOut = z.object({
  items: z.array(endorsementOut.omit({ public: true, updatedAt: true })),
});

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

export const entitiesBackingApi = defineApi('entities', {
  list: route({
    method: 'GET',
    path: '/api/endorsements',
    access: 'programmeAdmin',
    summary: 'Every recorded endorsement and commitment, public or not',
    responses: { 200: endorsementListOut },
  }),
  create: route({
    method: 'POST',
    path: '/api/endorsements',
    access: 'programmeAdmin',
    summary: 'Record an endorsement or commitment of a political leader or policy maker',
    body: endorsementBody,
    responses: { 201: endorsementOut },
  }),
  update: route({
    method: 'PUT',
    path: '/api/endorsements/:id',
    access: 'programmeAdmin',
    summary: 'Change a recorded endorsement',
    params: idParams,
    body: endorsementBody,
    responses: { 200: endorsementOut },
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/endorsements/:id',
    access: 'programmeAdmin',
    summary: 'Delete a recorded endorsement',
    params: idParams,
    responses: { 200: okOut },
  }),
  publicList: route({
    method: 'GET',
    path: '/api/public/endorsements',
    access: 'public',
    summary: 'The public endorsements and commitments of political leaders, newest first',
    responses: { 200: publicEndorsementListOut },
  }),
});
