/** Survey results: overview, unit reports, heat map, drivers, comments, participation and exports. */
import { z } from 'zod';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().min(0).max(2_147_483_647);
const num = z.number().nullable();
const option = z.object({ nl: z.string(), en: z.string() });

export const waveParams = z.object({ waveId: id });
export const unitParams = z.object({ waveId: id, unitId: id });

/** Demographic filter "key:option" or "key:option,key:option" (at most two questions). */
export const filterQuery = z
  .string()
  .max(200)
  .regex(/^([a-z0-9_-]{1,40}:\d{1,3})(,[a-z0-9_-]{1,40}:\d{1,3})?$/i)
  .optional();

export const reportQuery = z.object({ filter: filterQuery });

export const heatmapQuery = z.object({
  unitId: id.optional(),
  columns: z.enum(['values', 'items']).default('values'),
  metric: z.enum(['mean', 'favourable']).default('mean'),
  filter: filterQuery,
  depth: z.coerce.number().int().min(1).max(10).default(2),
});

export const participationQuery = z.object({ unitId: id.optional() });

export const exportParams = z.object({ waveId: id, unitId: id, format: z.enum(['csv', 'xlsx']) });
export const exportQuery = z.object({ filter: filterQuery });

const unitName = z.object({ id: z.number().int(), nameNl: z.string(), nameEn: z.string().nullable() });

export const waveListOut = z.array(
  z.object({
    id: z.number().int(),
    titleNl: z.string(),
    titleEn: z.string(),
    status: z.enum(['open', 'closed']),
    opensOn: z.string(),
    closesOn: z.string(),
    govId: z.number().int(),
    roots: z.array(unitName),
    summary: z.array(unitName),
  }),
);

export const waveOverviewOut = z.object({
  id: z.number().int(),
  titleNl: z.string(),
  titleEn: z.string(),
  closesOn: z.string(),
  k: z.number().int(),
  govId: z.number().int(),
  roots: z.array(z.number().int()),
  summary: z.array(z.number().int()),
  units: z.array(
    z.object({
      id: z.number().int(),
      parentId: z.number().int().nullable(),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      kind: z.string(),
      depth: z.number().int(),
      access: z.enum(['detail', 'summary']),
    }),
  ),
  values: z.array(z.string()),
  demographics: z.array(
    z.object({ key: z.string(), labelNl: z.string(), labelEn: z.string(), options: z.array(option) }),
  ),
  combinedFilters: z.boolean(),
});

const trend = z
  .object({
    previous: z.number().nullable(),
    difference: z.number(),
    low: z.number(),
    high: z.number(),
    p: z.number(),
    q: z.number().nullable(),
    tested: z.boolean(),
    significant: z.boolean(),
  })
  .nullable();

export const unitReportOut = z.object({
  wave: z.object({ id: z.number().int(), titleNl: z.string(), titleEn: z.string() }),
  previousWave: z.object({ id: z.number().int(), titleNl: z.string(), titleEn: z.string() }).nullable(),
  unit: z.object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    nameNl: z.string(),
    nameEn: z.string().nullable(),
    kind: z.string(),
  }),
  access: z.enum(['detail', 'summary']),
  filter: z.string(),
  respondents: z.number().int().nullable(),
  values: z.array(
    z.object({
      key: z.string(),
      n: z.number().int().nullable(),
      index: num,
      trend,
      parent: num,
      government: num,
      alpha: num,
      alphaN: z.number().int().nullable(),
    }),
  ),
  items: z.array(
    z.object({
      id: z.number().int(),
      itemKey: z.string(),
      kind: z.string(),
      sectionNl: z.string(),
      sectionEn: z.string(),
      textNl: z.string(),
      textEn: z.string(),
      options: z.array(option),
      valueKey: z.string().nullable(),
      outcome: z.boolean(),
      figure: z
        .object({ n: z.number().int(), mean: num, favourable: num, distribution: z.array(z.number()) })
        .nullable(),
      trend: z.object({ mean: trend, favourable: trend }).nullable(),
      parent: z.object({ mean: num, favourable: num }).nullable(),
      government: z.object({ mean: num, favourable: num }).nullable(),
    }),
  ),
  methods: z.object({
    comparisons: z.object({
      method: z.literal('benjamini-hochberg'),
      fdr: z.number(),
      tested: z.number().int(),
      minN: z.number().int(),
    }),
    indexMinItemShare: z.number(),
    alpha: z.literal('listwise'),
    /** The wave's group-size threshold. */
    k: z.number().int(),
  }),
});

export const heatmapOut = z.object({
  unitId: z.number().int(),
  columns: z.enum(['values', 'items']),
  metric: z.enum(['mean', 'favourable']),
  filter: z.string(),
  headers: z.array(
    z.object({ key: z.string(), labelNl: z.string(), labelEn: z.string(), valueKey: z.string().nullable() }),
  ),
  rows: z.array(
    z.object({
      unitId: z.number().int(),
      parentId: z.number().int().nullable(),
      depth: z.number().int(),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      respondents: z.number().int().nullable(),
      cells: z.array(num),
    }),
  ),
});

export const driversOut = z.object({
  unitId: z.number().int(),
  respondents: z.number().int().nullable(),
  available: z.boolean(),
  method: z.literal('relative-weights'),
  minN: z.number().int().nullable(),
  n: z.number().int().nullable(),
  /** The smallest shown n of a statement with the engagement score. */
  nMin: z.number().int().nullable(),
  /** Every correlation used rests on at least this many pairs. */
  pairMin: z.number().int(),
  r2: num,
  drivers: z.array(
    z.object({
      itemKey: z.string(),
      textNl: z.string(),
      textEn: z.string(),
      valueKey: z.string().nullable(),
      correlation: num,
      weight: num,
      /** Null where the plan of this statement's n with the engagement score hides the group. */
      n: z.number().int().nullable(),
    }),
  ),
});

export const commentsOut = z.object({
  unitId: z.number().int(),
  available: z.boolean(),
  items: z.array(
    z.object({ id: z.number().int(), textNl: z.string(), textEn: z.string(), comments: z.array(z.string()) }),
  ),
});

export const participationOut = z.object({
  wave: z.object({
    id: z.number().int(),
    titleNl: z.string(),
    titleEn: z.string(),
    status: z.enum(['open', 'closed']),
  }),
  unitId: z.number().int(),
  rows: z.array(
    z.object({
      unitId: z.number().int(),
      parentId: z.number().int().nullable(),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      depth: z.number().int(),
      invited: z.number().int(),
      answered: z.number().int().nullable(),
      rate: num,
    }),
  ),
});

// ---- routes ----------------------------------------------------------------------------------

/**
 * Route rule "signedIn": which wave, unit, filter and view a viewer may get is the results policy's call
 * (every employee may read the government and own-entity summary).
 */
export const surveyResultsApi = defineApi('survey-results', {
  waves: route({
    method: 'GET',
    path: '/api/survey/results/waves',
    access: 'signedIn',
    summary: 'The closed and open waves whose results the caller may read, with their units',
    responses: { 200: waveListOut },
  }),
  overview: route({
    method: 'GET',
    path: '/api/survey/results/waves/:waveId',
    access: 'signedIn',
    summary: 'A wave’s units the caller may read, its values and demographic filters',
    params: waveParams,
    responses: { 200: waveOverviewOut },
  }),
  unitReport: route({
    method: 'GET',
    path: '/api/survey/results/waves/:waveId/units/:unitId',
    access: 'signedIn',
    summary: 'The results of one unit: value indices, items, trend and comparisons, hidden below k',
    params: unitParams,
    query: reportQuery,
    responses: { 200: unitReportOut },
  }),
  heatmap: route({
    method: 'GET',
    path: '/api/survey/results/waves/:waveId/heatmap',
    access: 'signedIn',
    summary: 'Values or items per unit below a unit, as means or favourable shares',
    params: waveParams,
    query: heatmapQuery,
    responses: { 200: heatmapOut },
  }),
  drivers: route({
    method: 'GET',
    path: '/api/survey/results/waves/:waveId/units/:unitId/drivers',
    access: 'signedIn',
    summary: 'Which items weigh most on engagement in a unit (relative weights)',
    params: unitParams,
    responses: { 200: driversOut },
  }),
  comments: route({
    method: 'GET',
    path: '/api/survey/results/waves/:waveId/units/:unitId/comments',
    access: 'signedIn',
    summary: 'The answers to open questions of a unit, shuffled, when enough people answered',
    params: unitParams,
    responses: { 200: commentsOut },
  }),
  participation: route({
    method: 'GET',
    path: '/api/survey/results/waves/:waveId/participation',
    access: 'signedIn',
    summary: 'Invited and answered per unit below a unit, answered counts hidden below k',
    params: waveParams,
    query: participationQuery,
    responses: { 200: participationOut },
  }),
  export: route({
    method: 'GET',
    path: '/api/survey/results/waves/:waveId/units/:unitId/export.:format',
    access: 'signedIn',
    summary: 'Download the results of one unit as CSV or a spreadsheet',
    kind: 'file',
    params: exportParams,
    query: exportQuery,
  }),
});
