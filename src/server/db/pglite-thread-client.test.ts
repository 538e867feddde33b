import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from './client';
import { PgliteThread } from './pglite-thread-client';

/** The embedded database runs on a thread of its own; these are the PGlite behaviours the app relies on. */
describe('PGlite on its own thread', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ memory: true, migrate: false });
    await database.db.execute(sql`create table t (id int primary key, note text, at timestamptz, day date)`);
  });
  afterAll(() => database.close());

  it('returns rows with their types, and keeps dates as text where Drizzle asks for it', async () => {
    await database.db.execute(
      sql`insert into t values (1, 'één', '2026-11-29T08:00:00Z', '2026-11-29'), (2, null, null, null)`,
    );
    const rows = await queryRows<{ id: number; note: string | null; at: string | null; day: string | null }>(
      database.db,
      sql`select * from t order by id`,
    );
    expect(rows).toEqual([
      { id: 1, note: 'één', at: '2026-11-29 08:00:00+00', day: '2026-11-29' },
      { id: 2, note: null, at: null, day: null },
    ]);
    const typed = await queryRows<{ big: unknown; json: unknown }>(
      database.db,
      sql`select 9007199254740993::int8 as big, '{"a":[1,2]}'::jsonb as json`,
    );
    expect(typed).toEqual([{ big: 9007199254740993n, json: { a: [1, 2] } }]);
  });

  it('raises database errors with their SQLSTATE, constraint and detail, as PGlite does', async () => {
    const error = await database.db.execute(sql`insert into t (id) values (1)`).catch((e: unknown) => e);
    let cause = error as { code?: string; constraint?: string; detail?: string; cause?: unknown };
    while (cause && !cause.code && cause.cause) cause = cause.cause as typeof cause;
    expect(cause).toMatchObject({
      code: '23505',
      constraint: 't_pkey',
      detail: expect.stringContaining('(id)=(1)'),
    });
  });

  it('commits a transaction that returns and rolls back one that throws, savepoints included', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (id, note) values (10, 'kept')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into t (id, note) values (11, 'undone')`);
          throw new Error('inner');
        })
        .catch(() => undefined); // Safe: the savepoint's rollback is the point; its error is the one thrown just above.
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t (id, note) values (12, 'gone')`);
        throw new Error('outer');
      }),
    ).rejects.toThrow('outer');
    const rows = await queryRows<{ id: number }>(
      database.db,
      sql`select id from t where id >= 10 order by id`,
    );
    expect(rows.map((r) => r.id)).toEqual([10]);
  });

  it('lets a query outside a transaction wait until the transaction ends', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (id, note) values (20, 'in transaction')`);
      await held;
    });
    // Give the transaction time to begin, then read from outside it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from t where id = 20`,
    );
    let answered = false;
    void outside.then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    await transaction;
    expect((await outside)[0]!.n).toBe(1);
  });

  it('refuses a parser it cannot apply instead of ignoring it', async () => {
    const thread = database.embedded!;
    await expect(async () =>
      thread.query('select 1 as one', [], { parsers: { 23: (value: string) => Number(value) * 2 } }),
    ).rejects.toThrow(/custom parser/);
  });

  it('keeps what was committed in a data directory across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waarden-thread-'));
    try {
      const first = await openDatabase({ dataDir: dir, migrate: false });
      await first.db.execute(sql`create table kept (n int)`);
      await first.db.execute(sql`insert into kept values (42)`);
      await first.close();
      const second = await openDatabase({ dataDir: dir, migrate: false });
      expect(await queryRows(second.db, sql`select n from kept`)).toEqual([{ n: 42 }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails calls clearly once the thread has stopped', async () => {
    const thread = await PgliteThread.start(undefined, {});
    const unexpected: Error[] = [];
    thread.onUnexpectedStop((error) => unexpected.push(error));
    await thread.close();
    await expect(thread.query('select 1')).rejects.toThrow('The embedded database thread has stopped');
    // Closing is expected: nobody is told.
    expect(unexpected).toEqual([]);
  });

  it('tells its owner once when the thread dies, and fails the queries that were waiting', async () => {
    const thread = await PgliteThread.start(undefined, {});
    const unexpected: Error[] = [];
    thread.onUnexpectedStop((error) => unexpected.push(error));
    const waiting = thread.query('select pg_sleep(1)');
    // What a crash of the thread looks like from here.
    await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(waiting).rejects.toThrow('The embedded database thread has stopped');
    expect(unexpected.map((e) => e.message)).toEqual(['The embedded database thread has stopped']);
  });
});
