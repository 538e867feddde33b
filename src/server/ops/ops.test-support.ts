import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { TEST_DATABASE_URL, urlForDatabase } from '../../../test/support/engines';
import { type Database, queryRows } from '../db/client';
import type { SqlRunner } from './database-state';

export const runnerOf =
  (database: Database): SqlRunner =>
  async (statement) =>
    queryRows<Record<string, unknown>>(database.db, sql.raw(statement));

/** An empty PostgreSQL database of its own; drop() removes it. */
export async function emptyPostgresDatabase() {
  const name = `waarden_ops_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: urlForDatabase(name),
    async drop() {
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await dropper.end();
    },
  };
}
