import { z } from 'zod';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const text = (max: number) => z.string().trim().min(1).max(max);
const periodKey = z.string().regex(/^\d{4}-Q[1-4]$/, { message: 'monitor-io.validation.period' });

/** Largest results file an import accepts (CSV or XLSX). */
export const INSTRUMENT_FILE_LIMIT_BYTES = 5 * 1024 * 1024;
/** Most data rows one results file may hold. */
export const INSTRUMENT_MAX_ROWS = 20_000;

export const periodicities = ['quarterly', 'half-yearly', 'yearly', 'irregular'] as const;
export const indicatorUnits = ['share', 'mean', 'count', 'rate'] as const;
export const directions = ['higher', 'lower', 'none'] as const;

// ---- instruments -----------------------------------------------------------------------------

export const idParams = z.object({ id });
export const indicatorParams = z.object({ id, indicatorId: id });

export const instrumentBody = z.object({
  /** Lower-case letters, digits and hyphens; part of every indicator key, so fixed once created. */
  slug: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, { message: 'monitor-io.validation.slug' }),
  nameNl: text(200),
  nameEn: text(200),
  owner: text(200),
  methodNl: text(4000),
  methodEn: text(4000),
  periodicity: z.enum(periodicities),
  link: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/[^\s]+$/i, { message: 'monitor-io.validation.link' })
    .nullable()
    .default(null),
});
export type InstrumentInput = z.infer<typeof instrumentBody>;

export const indicatorBody = z.object({
  /** The last part of the key `instrument.<slug>.<name>`. */
  name: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, { message: 'monitor-io.validation.slug' }),
  labelNl: text(300),
  labelEn: text(300),
  definitionNl: z.string().trim().max(4000).default(''),
  definitionEn: z.string().trim().max(4000).default(''),
  unit: z.enum(indicatorUnits),
  direction: z.enum(directions),
  /** The fewest people a shown figure may be about; an imported figure about fewer is never shown. */
  minPeople: z.coerce.number().int().min(0).max(100_000),
  objective: z.coerce.number().int().min(1).max(5).nullable().default(null),
  strategy: z.coerce.number().int().min(1).max(4).nullable().default(4),
});
export type IndicatorInput = z.infer<typeof indicatorBody>;

export const indicatorOut = indicatorBody.extend({ id: z.number().int(), key: z.string() });

export const instrumentOut = instrumentBody.extend({
  id: z.number().int(),
  indicators: z.array(indicatorOut),
  updatedAt: z.string(),
});
export const instrumentListOut = z.object({ items: z.array(instrumentOut) });

// ---- imports ---------------------------------------------------------------------------------

export const importProblem = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importCounts = z.object({
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
});

export const importReport = importCounts.extend({
  dryRun: z.boolean(),
  /** The stored import; null on a dry run. */
  importId: z.number().int().nullable(),
  fileName: z.string(),
  fileHash: z.string(),
  errors: z.array(importProblem),
});
export type ImportReport = z.infer<typeof importReport>;

export const importSummary = importCounts.extend({
  id: z.number().int(),
  fileName: z.string(),
  fileHash: z.string(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
});
export const importListOut = z.object({ items: z.array(importSummary) });

export const resultOut = z.object({
  indicatorKey: z.string(),
  unitCode: z.string().nullable(),
  periodKey: z.string(),
  value: z.number(),
  people: z.number().int().nullable(),
  importId: z.number().int(),
  fileName: z.string(),
  importedAt: z.string(),
  supersededAt: z.string().nullable(),
});
export const resultListOut = z.object({ items: z.array(resultOut) });

// ---- reports ---------------------------------------------------------------------------------

export const reportBody = z.object({ periodKey, locale: z.enum(['nl', 'en']).default('nl') });
export const reportOut = z.object({
  id: z.number().int(),
  periodKey: z.string(),
  locale: z.enum(['nl', 'en']),
  trigger: z.enum(['on-demand', 'snapshot']),
  createdAt: z.string(),
});
export const reportListOut = z.object({ items: z.array(reportOut) });
export const reportFileParams = z.object({ id, format: z.enum(['pdf', 'xlsx']) });

export const subscriberBody = z.object({
  email: z.email({ message: 'monitor-io.validation.email' }).trim().max(254),
  locale: z.enum(['nl', 'en']).default('nl'),
});
export const subscriberOut = subscriberBody.extend({ id: z.number().int(), createdAt: z.string() });
export const subscriberListOut = z.object({ items: z.array(subscriberOut) });

export const okOut = z.object({ ok: z.literal(true) });

// ---- open data -------------------------------------------------------------------------------

export const openDataFormat = z.enum(['csv', 'json']);
export const openDataFigureParams = z.object({ format: openDataFormat });
export const openDataEntityParams = z.object({
  code: z.string().trim().min(1).max(64),
  format: openDataFormat,
});
export const openDataCatalogueParams = z.object({ format: z.enum(['jsonld', 'ttl']) });

export const openDataIndicatorOut = z.object({
  key: z.string(),
  label: z.object({ nl: z.string(), en: z.string() }),
  unit: z.enum(indicatorUnits),
  direction: z.enum(directions),
});
export const openDataIndexOut = z.object({
  indicators: z.array(openDataIndicatorOut),
  entities: z.array(z.object({ code: z.string(), name: z.string() })),
  periods: z.array(z.string()),
});

// ---- routes ----------------------------------------------------------------------------------

export const monitorInstrumentsApi = defineApi('monitor', {
  instruments: route({
    method: 'GET',
    path: '/api/monitor/instruments',
    access: 'programmeAdmin',
    summary: 'The other instruments (BUE and others) with their indicators',
    responses: { 200: instrumentListOut },
  }),
  createInstrument: route({
    method: 'POST',
    path: '/api/monitor/instruments',
    access: 'programmeAdmin',
    summary: 'Describe another instrument whose results the monitor imports',
    body: instrumentBody,
    responses: { 201: instrumentOut },
  }),
  updateInstrument: route({
    method: 'PUT',
    path: '/api/monitor/instruments/:id',
    access: 'programmeAdmin',
    summary: 'Change the description of an instrument (its slug stays)',
    params: idParams,
    body: instrumentBody,
    responses: { 200: instrumentOut },
  }),
  createIndicator: route({
    method: 'POST',
    path: '/api/monitor/instruments/:id/indicators',
    access: 'programmeAdmin',
    summary: 'Add an indicator an instrument measures; it joins the monitor catalogue',
    params: idParams,
    body: indicatorBody,
    responses: { 201: instrumentOut },
  }),
  updateIndicator: route({
    method: 'PUT',
    path: '/api/monitor/instruments/:id/indicators/:indicatorId',
    access: 'programmeAdmin',
    summary: 'Change an indicator of an instrument (its key stays)',
    params: indicatorParams,
    body: indicatorBody,
    responses: { 200: instrumentOut },
  }),
  importResults: route({
    method: 'POST',
    path: '/api/monitor/instruments/:id/imports',
    access: 'programmeAdmin',
    summary: "Import an instrument's results (CSV or XLSX), or try the file first as a dry run",
    description:
      'multipart/form-data: `file` (CSV in UTF-8 or XLSX, at most 5 MB and 20,000 rows; columns unit_code, indicator, period, value and optionally n), `dryRun` (true|false, default true). Valid rows are applied, every wrong row is reported with its line, column and problem; a row equal to the current value changes nothing.',
    multipart: true,
    params: idParams,
    responses: { 200: importReport },
  }),
  imports: route({
    method: 'GET',
    path: '/api/monitor/instruments/:id/imports',
    access: 'programmeAdmin',
    summary: 'Earlier imports of an instrument with their provenance, newest first',
    params: idParams,
    responses: { 200: importListOut },
  }),
  results: route({
    method: 'GET',
    path: '/api/monitor/instruments/:id/results',
    access: 'programmeAdmin',
    summary: 'Every imported value of an instrument, current and superseded, with where it came from',
    params: idParams,
    responses: { 200: resultListOut },
  }),
});

export const monitorReportApi = defineApi('monitor', {
  reports: route({
    method: 'GET',
    path: '/api/monitor/reports',
    access: 'programmeAdmin',
    summary: 'Generated management reports, newest first',
    responses: { 200: reportListOut },
  }),
  createReport: route({
    method: 'POST',
    path: '/api/monitor/reports',
    access: 'programmeAdmin',
    summary: 'Generate the management report of a period now (PDF and XLSX)',
    body: reportBody,
    responses: { 201: reportOut },
  }),
  reportFile: route({
    method: 'GET',
    path: '/api/monitor/reports/:id/report.:format',
    access: 'programmeAdmin',
    summary: 'Download a generated management report as PDF or XLSX',
    kind: 'file',
    params: reportFileParams,
  }),
  subscribers: route({
    method: 'GET',
    path: '/api/monitor/report-subscribers',
    access: 'programmeAdmin',
    summary: 'Who receives the management report by e-mail',
    responses: { 200: subscriberListOut },
  }),
  addSubscriber: route({
    method: 'POST',
    path: '/api/monitor/report-subscribers',
    access: 'programmeAdmin',
    summary: 'Add a recipient of the management report',
    body: subscriberBody,
    responses: { 201: subscriberOut },
  }),
  removeSubscriber: route({
    method: 'DELETE',
    path: '/api/monitor/report-subscribers/:id',
    access: 'programmeAdmin',
    summary: 'Remove a recipient of the management report',
    params: idParams,
    responses: { 200: okOut },
  }),
});

export const monitorOpenDataApi = defineApi('monitor', {
  openDataIndex: route({
    method: 'GET',
    path: '/api/public/open-data',
    access: 'public',
    summary: 'What the open data holds: the public indicators, the entities and the periods',
    responses: { 200: openDataIndexOut },
  }),
  openDataFigures: route({
    method: 'GET',
    path: '/api/public/open-data/figures.:format',
    access: 'public',
    summary: 'The released government-wide and per-entity figures of the public indicators (CSV or JSON)',
    kind: 'file',
    params: openDataFigureParams,
  }),
  openDataEntity: route({
    method: 'GET',
    path: '/api/public/open-data/entities/:code/figures.:format',
    access: 'public',
    summary: 'The released figures of one entity for the public indicators (CSV or JSON)',
    kind: 'file',
    params: openDataEntityParams,
  }),
  openDataCatalogue: route({
    method: 'GET',
    path: '/api/public/open-data/catalogue.:format',
    access: 'public',
    summary: 'The DCAT-AP catalogue of the open data (JSON-LD or Turtle)',
    kind: 'file',
    params: openDataCatalogueParams,
  }),
});
