import { afterAll, beforeAll } from 'vitest';
import type { Database, Engine } from '../../src/server/db/client';
import type { IndicatorFigure, IndicatorPeriod } from '../../src/server/platform/indicators';
import { createTestDatabase } from './test-db';

/** 2026-Q3 in Brussels time. */
export const Q3: IndicatorPeriod = {
  key: '2026-Q3',
  start: new Date('2026-06-30T22:00:00Z'),
  end: new Date('2026-09-30T22:00:00Z'),
};
/** The last second before Q3, a moment well inside it, and its first moment after (the end is exclusive). */
export const before = new Date('2026-06-30T21:59:59Z');
export const inside = new Date('2026-08-15T10:00:00Z');
export const after = new Date('2026-09-30T22:00:00Z');

/** A stable order for comparing an indicator source's figures whatever order its queries return. */
export const byKeyAndUnit = (a: IndicatorFigure, b: IndicatorFigure) =>
  a.indicatorKey.localeCompare(b.indicatorKey) || (a.unitId ?? 0) - (b.unitId ?? 0);

/**
 * A fresh database of the engine for the enclosing suite, closed after it. Call it inside
 * describeEachEngine; the returned function gives the database once the suite has started.
 */
export function useSuiteDatabase(engine: Engine): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('The suite database is only there once the suite has started');
    return database;
  };
}
