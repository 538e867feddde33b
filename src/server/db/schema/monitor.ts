import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { IndicatorDefinition } from '../../platform/indicators';

/**
 * The monitor's indicator catalogue: every provider's definitions, synced at each snapshot, plus the flag the
 * programme admin sets to publish an indicator as open data. `active` is false for an indicator no provider
 * defines any more; its history stays.
 */
export const monitorIndicators = pgTable('monitor_indicators', {
  key: text('key').primaryKey(),
  definition: jsonb('definition').$type<IndicatorDefinition>().notNull(),
  origin: text('origin').$type<'computed' | 'imported'>().notNull().default('computed'),
  instrument: text('instrument'),
  public: boolean('public').notNull().default(false),
  active: boolean('active').notNull().default(true),
  syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A taken period (a calendar quarter in Brussels time). Re-taking a period replaces its rows. */
export const monitorPeriods = pgTable('monitor_periods', {
  key: text('key').primaryKey(),
  start: timestamp('start', { withTimezone: true }).notNull(),
  end: timestamp('end', { withTimezone: true }).notNull(),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  /** Seeded demo history rather than measured. */
  synthetic: boolean('synthetic').notNull().default(false),
});

/** The organisation tree as it was when the period was taken, so later changes do not rewrite history. */
export const monitorPeriodUnits = pgTable(
  'monitor_period_units',
  {
    periodKey: text('period_key')
      .notNull()
      .references(() => monitorPeriods.key, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    parentId: integer('parent_id'),
    code: text('code').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en'),
    kind: text('kind').notNull(),
    /** The entity the unit lay in (itself for an entity), null above the entities: targets follow it. */
    entityId: integer('entity_id'),
    /** Active staff directly in the unit (not below it). */
    staff: integer('staff').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodKey, t.unitId] })],
);

/**
 * One figure of a period: per unit (its whole subtree) and for the whole government (unit_id null). The
 * value is kept when hidden, for re-planning; `hidden` rows never leave the server with their value.
 */
export const monitorFigures = pgTable(
  'monitor_figures',
  {
    id: serial('id').primaryKey(),
    periodKey: text('period_key')
      .notNull()
      .references(() => monitorPeriods.key, { onDelete: 'cascade' }),
    indicatorKey: text('indicator_key')
      .notNull()
      .references(() => monitorIndicators.key, { onDelete: 'cascade' }),
    unitId: integer('unit_id'),
    value: doublePrecision('value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    people: integer('people'),
    hidden: boolean('hidden').notNull(),
    /** Why hidden: primary (fewer than k), complementary, forced (hidden in a compared period), or null. */
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('monitor_figures_cell_key').on(t.periodKey, t.indicatorKey, sql`coalesce(${t.unitId}, 0)`),
    index('monitor_figures_indicator_idx').on(t.indicatorKey, t.unitId),
    // The dashboard reads one period's figures for a few units at once.
    index('monitor_figures_period_unit_idx').on(t.periodKey, t.unitId),
  ],
);

/**
 * A target per indicator, for the whole government (entity_id null) or one entity. The light is green at or
 * beyond the target (in the indicator's direction), amber within `margin` of it, red beyond that.
 */
export const monitorTargets = pgTable(
  'monitor_targets',
  {
    id: serial('id').primaryKey(),
    indicatorKey: text('indicator_key')
      .notNull()
      .references(() => monitorIndicators.key, { onDelete: 'cascade' }),
    entityId: integer('entity_id'),
    target: doublePrecision('target').notNull(),
    margin: doublePrecision('margin').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitor_targets_scope_key').on(t.indicatorKey, sql`coalesce(${t.entityId}, 0)`)],
);
