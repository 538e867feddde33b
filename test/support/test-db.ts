import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { type Database, type Engine, openDatabase } from '../../src/server/db/client';
import { TEST_DATABASE_URL, urlForDatabase } from './engines';

export const engines: Engine[] = inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated and baseline-seeded database of the given engine; close() drops it. */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ memory: true, loadDataDir: dump });
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL is not available for this test run');
  const name = `waarden_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: urlForDatabase(name) });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await dropper.end();
    },
  };
}

/** Runs the same suite on every available engine: PGlite always, PostgreSQL when reachable. */
export function describeEachEngine(name: string, suite: (engine: Engine) => void) {
  for (const engine of engines) describe(`${name} [${engine}]`, () => suite(engine));
  if (!engines.includes('postgres')) describe.skip(`${name} [postgres: not reachable, skipped]`, () => {});
}
