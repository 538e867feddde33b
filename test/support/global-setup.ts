import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { seedBaseline } from '../../src/server/seed';
import { postgresReachable, requirePostgres, TEST_DATABASE_URL, urlForDatabase } from './engines';

/**
 * Builds migrated, seeded templates once per run: a PGlite dump that each test file loads in ~2 s instead of
 * creating a database (~5 s), and a PostgreSQL template database that CREATE DATABASE … TEMPLATE copies.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'waarden-test-'));
  const pglite = await openDatabase({ memory: true });
  await seedBaseline(pglite.db);
  const dump = await pglite.embedded!.dumpDataDir('none');
  const dumpFile = join(dir, 'pglite-template.tar');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', dumpFile);

  let postgresTemplate: string | null = null;
  if (await postgresReachable()) {
    postgresTemplate = `waarden_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${postgresTemplate}`);
    await admin.query(`create database ${postgresTemplate}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: urlForDatabase(postgresTemplate) });
    await seedBaseline(database.db);
    await database.close();
  } else if (requirePostgres) {
    throw new Error(`REQUIRE_POSTGRES=1 but no PostgreSQL answers at ${TEST_DATABASE_URL}`);
  } else {
    console.warn(
      `\n[notice] PostgreSQL not reachable at ${TEST_DATABASE_URL}: the PostgreSQL suites are skipped.\n`,
    );
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (postgresTemplate) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${postgresTemplate} with (force)`).catch(() => undefined);
      await admin.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}
