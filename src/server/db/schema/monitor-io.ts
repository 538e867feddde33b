import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from './auth';
import { orgUnits } from './org';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Another instrument than the modules' own figures (the BUE, an external audit, a staff panel): the
 * programme admin describes it and imports its results per unit and quarter.
 */
export const monitorInstruments = pgTable(
  'monitor_instruments',
  {
    id: serial('id').primaryKey(),
    /** Part of every indicator key of the instrument (`instrument.<slug>.<name>`); never changes. */
    slug: text('slug').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    owner: text('owner').notNull(),
    methodNl: text('method_nl').notNull(),
    methodEn: text('method_en').notNull(),
    periodicity: text('periodicity').$type<'quarterly' | 'half-yearly' | 'yearly' | 'irregular'>().notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitor_instruments_slug_key').on(t.slug)],
);

/** One figure an instrument measures; joins the monitor's catalogue under its key. */
export const monitorInstrumentIndicators = pgTable(
  'monitor_instrument_indicators',
  {
    id: serial('id').primaryKey(),
    instrumentId: integer('instrument_id')
      .notNull()
      .references(() => monitorInstruments.id, { onDelete: 'restrict' }),
    /** `instrument.<slug>.<name>`, stable for URLs and open data. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    labelNl: text('label_nl').notNull(),
    labelEn: text('label_en').notNull(),
    definitionNl: text('definition_nl').notNull().default(''),
    definitionEn: text('definition_en').notNull().default(''),
    unit: text('unit').$type<'share' | 'mean' | 'count' | 'rate'>().notNull(),
    direction: text('direction').$type<'higher' | 'lower' | 'none'>().notNull(),
    minPeople: integer('min_people').notNull(),
    objective: integer('objective'),
    strategy: integer('strategy'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitor_instrument_indicators_key').on(t.key),
    index('monitor_instrument_indicators_instrument_idx').on(t.instrumentId),
  ],
);

/** One uploaded results file: who, when, which file (name and SHA-256), and what it changed. */
export const monitorInstrumentImports = pgTable(
  'monitor_instrument_imports',
  {
    id: serial('id').primaryKey(),
    instrumentId: integer('instrument_id')
      .notNull()
      .references(() => monitorInstruments.id, { onDelete: 'restrict' }),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    rowsRead: integer('rows_read').notNull(),
    inserted: integer('inserted').notNull(),
    changed: integer('changed').notNull(),
    unchanged: integer('unchanged').notNull(),
    errorCount: integer('error_count').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitor_instrument_imports_instrument_idx').on(t.instrumentId, t.importedAt)],
);

/**
 * An imported value. A later import with another value for the same indicator, unit and period supersedes
 * it rather than overwriting it, so the history of every figure stays with its provenance.
 */
export const monitorInstrumentResults = pgTable(
  'monitor_instrument_results',
  {
    id: serial('id').primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => monitorInstrumentIndicators.id, { onDelete: 'restrict' }),
    /** Null: the whole government. */
    unitId: integer('unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    /** `2026-Q3` */
    periodKey: text('period_key').notNull(),
    value: doublePrecision('value').notNull(),
    people: integer('people'),
    importId: integer('import_id')
      .notNull()
      .references(() => monitorInstrumentImports.id, { onDelete: 'restrict' }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededByImportId: integer('superseded_by_import_id').references(() => monitorInstrumentImports.id, {
      onDelete: 'restrict',
    }),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    uniqueIndex('monitor_instrument_results_current_key')
      .on(t.indicatorId, sql`coalesce(${t.unitId}, 0)`, t.periodKey)
      .where(sql`${t.supersededAt} is null`),
    index('monitor_instrument_results_period_idx').on(t.periodKey),
  ],
);

/** Who receives the management report as a link after each snapshot. */
export const monitorReportSubscribers = pgTable(
  'monitor_report_subscribers',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    locale: text('locale').$type<'nl' | 'en'>().notNull().default('nl'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitor_report_subscribers_email_key').on(sql`lower(${t.email})`)],
);

/** A generated management report: one period, one language, its PDF and XLSX kept as they were sent. */
export const monitorReports = pgTable(
  'monitor_reports',
  {
    id: serial('id').primaryKey(),
    periodKey: text('period_key').notNull(),
    locale: text('locale').$type<'nl' | 'en'>().notNull(),
    pdf: bytea('pdf').notNull(),
    xlsx: bytea('xlsx').notNull(),
    /** `on-demand` or `snapshot`. */
    trigger: text('trigger').$type<'on-demand' | 'snapshot'>().notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitor_reports_period_idx').on(t.periodKey, t.createdAt)],
);
