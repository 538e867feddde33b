import { z } from 'zod';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().positive().max(2_147_483_647);
/** `<module>.<name>`: lower-case words and dashes, as the providers define them. */
const indicatorKey = z
  .string()
  .max(100)
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'monitor.validation.indicatorKey' });
const periodKey = z.string().regex(/^20\d{2}-Q[1-4]$/, { message: 'monitor.validation.periodKey' });
const localised = z.object({ nl: z.string(), en: z.string() });
const light = z.enum(['green', 'amber', 'red']);
const finite = z.number().finite().min(-1e9).max(1e9);

// ---- requests --------------------------------------------------------------------------------

export const dashboardQuery = z.object({
  /** The entity to show beside the government; the caller's own when omitted (none for the programme admin). */
  entityId: id.optional(),
  /** How many of the latest periods the trends show. */
  periods: z.coerce.number().int().min(1).max(12).default(5),
});

/** Without `unitId`: the entities (all of them for the programme admin, the own ones for others). */
export const drillDownQuery = z.object({
  unitId: id.optional(),
  indicatorKey,
  periodKey: periodKey.optional(),
});

export const keyParams = z.object({ key: indicatorKey });
export const idParams = z.object({ id });

export const publicBody = z.object({ public: z.boolean() });

export const targetBody = z.object({
  indicatorKey,
  /** Null: the government-wide target. */
  entityId: id.nullable(),
  target: finite,
  /** How far short of the target is still amber (in the indicator's unit). */
  margin: finite.min(0),
});
export const targetUpdateBody = targetBody.pick({ target: true, margin: true });

export const snapshotBody = z.object({ periodKey });

// ---- responses -------------------------------------------------------------------------------

export const indicatorOut = z.object({
  key: z.string(),
  objective: z.number().int().nullable(),
  strategy: z.number().int().nullable(),
  label: localised,
  definition: localised,
  source: localised,
  safety: localised,
  unit: z.enum(['share', 'mean', 'count', 'rate']),
  direction: z.enum(['higher', 'lower', 'none']),
  minPeople: z.number().int(),
  origin: z.enum(['computed', 'imported']),
  instrument: z.string().nullable(),
  public: z.boolean(),
});
export type IndicatorOut = z.infer<typeof indicatorOut>;

export const catalogueOut = z.object({ items: z.array(indicatorOut) });

export const periodOut = z.object({
  key: z.string(),
  start: z.string(),
  end: z.string(),
  takenAt: z.string(),
  synthetic: z.boolean(),
});

export const pointOut = z.object({
  periodKey: z.string(),
  /** Null when hidden (fewer than k people, or hidden so that no smaller group can be worked out). */
  value: z.number().nullable(),
  hidden: z.boolean(),
  people: z.number().int().nullable(),
  target: z.number().nullable(),
  light: light.nullable(),
});
export type PointOut = z.infer<typeof pointOut>;

export const seriesOut = z.object({
  unitId: z.number().int().nullable(),
  name: z.string().nullable(),
  points: z.array(pointOut),
});
export type SeriesOut = z.infer<typeof seriesOut>;

export const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const dashboardOut = z.object({
  periods: z.array(periodOut),
  /** Entities the caller may choose from. */
  entities: z.array(unitRef),
  entityId: z.number().int().nullable(),
  indicators: z.array(
    indicatorOut.extend({
      government: seriesOut,
      entity: seriesOut.nullable(),
    }),
  ),
});
export type DashboardOut = z.infer<typeof dashboardOut>;

export const drillDownOut = z.object({
  periodKey: z.string().nullable(),
  unit: unitRef.nullable(),
  rows: z.array(unitRef.extend({ kind: z.string(), hasChildren: z.boolean(), point: pointOut })),
});
export type DrillDownOut = z.infer<typeof drillDownOut>;

export const targetOut = z.object({
  id: z.number().int(),
  indicatorKey: z.string(),
  entityId: z.number().int().nullable(),
  target: z.number(),
  margin: z.number(),
  updatedAt: z.string(),
});
export const targetListOut = z.object({ items: z.array(targetOut), entities: z.array(unitRef) });

export const snapshotOut = z.object({
  periodKey: z.string(),
  replaced: z.boolean(),
  indicators: z.number().int(),
  figures: z.number().int(),
  hidden: z.number().int(),
});

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

export const monitorApi = defineApi('monitor', {
  dashboard: route({
    method: 'GET',
    path: '/api/monitor/dashboard',
    access: 'entityLead',
    summary:
      'Indicators per objective and strategy: government-wide and for one entity, with targets, lights and trends',
    query: dashboardQuery,
    responses: { 200: dashboardOut },
  }),
  drillDown: route({
    method: 'GET',
    path: '/api/monitor/drill-down',
    access: 'entityLead',
    summary: 'One indicator for the units directly below a unit, as released (hidden below k)',
    query: drillDownQuery,
    responses: { 200: drillDownOut },
  }),
  periods: route({
    method: 'GET',
    path: '/api/monitor/periods',
    access: 'entityLead',
    summary: 'The periods taken, with whether they are synthetic demo history',
    responses: { 200: z.object({ items: z.array(periodOut) }) },
  }),
  catalogue: route({
    method: 'GET',
    path: '/api/monitor/catalogue',
    access: 'entityLead',
    summary: 'The indicator catalogue: definitions, sources, safety rules, and whether each is open data',
    responses: { 200: catalogueOut },
  }),
  setPublic: route({
    method: 'PUT',
    path: '/api/monitor/catalogue/:key/public',
    access: 'programmeAdmin',
    summary: 'Mark an indicator as open data, or withdraw it',
    params: keyParams,
    body: publicBody,
    responses: { 200: indicatorOut },
  }),
  targets: route({
    method: 'GET',
    path: '/api/monitor/targets',
    access: 'programmeAdmin',
    summary: 'Targets per indicator, government-wide and per entity, with their amber margins',
    responses: { 200: targetListOut },
  }),
  createTarget: route({
    method: 'POST',
    path: '/api/monitor/targets',
    access: 'programmeAdmin',
    summary: 'Set a target for an indicator, government-wide or for one entity',
    body: targetBody,
    responses: { 201: targetOut },
  }),
  updateTarget: route({
    method: 'PUT',
    path: '/api/monitor/targets/:id',
    access: 'programmeAdmin',
    summary: 'Change a target or its amber margin',
    params: idParams,
    body: targetUpdateBody,
    responses: { 200: targetOut },
  }),
  deleteTarget: route({
    method: 'DELETE',
    path: '/api/monitor/targets/:id',
    access: 'programmeAdmin',
    summary: 'Remove a target',
    params: idParams,
    responses: { 200: okOut },
  }),
  takeSnapshot: route({
    method: 'POST',
    path: '/api/monitor/snapshots',
    access: 'programmeAdmin',
    summary: 'Take (or re-take) the snapshot of a period now',
    body: snapshotBody,
    responses: { 200: snapshotOut },
  }),
});
