import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_APP_SECRET, useTestContext } from '../../../test/support/test-app';
import { describeEachEngine } from '../../../test/support/test-db';
import { type Database, type Engine, openDatabase, queryRows } from '../db/client';
import * as chatRepo from '../modules/contact/chat/chat.repo';
import { createScenario, fixtureTokens, standardLikeItems } from '../modules/survey/results/results.fixture';
import { sealAnswers } from '../modules/survey/survey.pending';
import { commitSubmissions } from '../modules/survey/survey.submissions.repo';
import { draftIdFor, hashToken, waveKeys } from '../modules/survey/survey.tokens';
import { backupEmbeddedToFile } from './backup';
import { BackupFileError, footerFor, readManifest } from './backup-file';
import { databaseState } from './database-state';
import { restoreTarget as restoreTargetIn, runnerOf, takeBackup as takeBackupIn } from './ops.test-support';
import { NewerSchemaError, restoreBackup, TargetNotEmptyError } from './restore';
import { extractTar } from './tar';

const scratch = mkdtempSync(join(tmpdir(), 'waarden-backup-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const restoreTarget = (engine: Engine) => restoreTargetIn(engine, scratch);
const takeBackup = (database: Database, file: string) => takeBackupIn(database, file, scratch);

async function addChat(database: Database, messages: number) {
  await chatRepo.upsertQueue(database.db, {
    key: 'backup-test',
    nameNl: 'Back-up',
    nameEn: 'Backup',
    openingHours: { timeZone: 'Europe/Brussels', days: {} } as never,
    maxQueueLength: 1000,
  });
  const queue = await chatRepo.findQueueByKey(database.db, 'backup-test');
  const chatId = await chatRepo.insertChat(database.db, {
    queueId: queue!.id,
    tokenHash: randomBytes(16).toString('hex'),
    citizenName: 'Burger',
    locale: 'nl',
    transcriptEmail: null,
    clientKey: null,
  });
  for (let i = 0; i < messages; i++)
    await chatRepo.insertMessage(database.db, {
      chatId,
      sender: 'citizen',
      authorAccountId: null,
      clientId: `m-${i}`,
      body: `Bericht ${i} met "aanhalingstekens", \\ en é`,
    });
  return chatId;
}

describeEachEngine('backup and restore', (engine) => {
  const ctx = useTestContext(engine);
  let file: string;
  let before: Awaited<ReturnType<typeof databaseState>>;

  beforeAll(async () => {
    const database = ctx.current.database;
    await createScenario(database.db, 'BK');
    await addChat(database, 20);
    before = await databaseState(runnerOf(database));
    file = join(scratch, `round-trip-${engine}.backup`);
    await takeBackup(database, file);
  });

  it('restores identical row counts and contents into an empty target, and sequences continue', async () => {
    const manifest = await readManifest(file);
    expect(manifest.engine).toBe(engine);
    expect(manifest.kind).toBe(engine === 'pglite' ? 'pglite' : 'pg_dump');
    expect(manifest.tables).toEqual(Object.fromEntries(Object.entries(before).map(([t, s]) => [t, s.rows])));
    expect(manifest.schemaVersion.tag).toMatch(/^\d{4}_/);

    const restore = await restoreTarget(engine);
    try {
      await restoreBackup(file, restore.target);
      const restored = await restore.open();
      try {
        expect(await databaseState(runnerOf(restored))).toEqual(before);
        // The sequences came along: a new row gets a new id instead of colliding with a restored one.
        const chatId = await addChat(restored, 1);
        expect(chatId).toBeGreaterThan(
          Math.max(
            ...(await queryRows<{ id: number }>(restored.db, sql`select id::int as id from chat_sessions`))
              .map((r) => r.id)
              .filter((id) => id !== chatId),
          ),
        );
      } finally {
        await restored.close();
      }

      // A second restore into the same target is refused, then done with --force.
      await expect(restoreBackup(file, restore.target)).rejects.toThrow(TargetNotEmptyError);
      await restoreBackup(file, restore.target, { force: true });
      const again = await restore.open();
      try {
        expect(await databaseState(runnerOf(again))).toEqual(before);
      } finally {
        await again.close();
      }
    } finally {
      await restore.drop();
    }
  });

  it('refuses a damaged backup, a truncated one and one from a newer schema, and touches nothing', async () => {
    const manifest = await readManifest(file);
    const bytes = readFileSync(file);
    const restore = await restoreTarget(engine);
    try {
      const damaged = join(scratch, `damaged-${engine}.backup`);
      const flipped = Buffer.from(bytes);
      const middle = Math.floor(manifest.payloadBytes / 2);
      flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
      writeFileSync(damaged, flipped);
      await expect(restoreBackup(damaged, restore.target)).rejects.toThrow(/damaged: the checksum/);

      const truncated = join(scratch, `truncated-${engine}.backup`);
      writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
      await expect(restoreBackup(truncated, restore.target)).rejects.toThrow(BackupFileError);

      const newer = join(scratch, `newer-${engine}.backup`);
      const future = {
        ...manifest,
        schemaVersion: { tag: '9999_future', when: manifest.schemaVersion.when + 1 },
      };
      writeFileSync(newer, Buffer.concat([bytes.subarray(0, manifest.payloadBytes), footerFor(future)]));
      await expect(restoreBackup(newer, restore.target)).rejects.toThrow(NewerSchemaError);
      await expect(restoreBackup(newer, restore.target)).rejects.toThrow(/newer than this version/);

      // Nothing was written: a good backup still restores without --force.
      await restoreBackup(file, restore.target);
    } finally {
      await restore.drop();
    }
  });
});

describeEachEngine('a backup taken while survey answers and chat messages are written', (engine) => {
  const ctx = useTestContext(engine);

  it('holds everything acknowledged before the snapshot, and only whole writes', async () => {
    const database = ctx.current.database;
    const sc = await createScenario(database.db, 'LIVE', {
      status: 'open',
      closesOn: '2099-12-31',
      items: standardLikeItems(1),
      responses: false,
    });
    const pendingKey = waveKeys(TEST_APP_SECRET, sc.tokenKey, sc.waveId).pendingKey;
    const tokens = fixtureTokens(sc.tokenKey, sc.waveId, 95);
    const chatId = await addChat(database, 0);
    const acknowledgedTokens: string[] = [];
    const acknowledgedMessages: string[] = [];
    let stop = false;
    const surveyWriter = (async () => {
      for (const token of tokens) {
        if (stop) break;
        const tokenHash = hashToken(token);
        const sealed = sealAnswers(pendingKey, sc.waveId, {
          day: '2026-06-10',
          scores: [4, 3, 5, 2, 4, 9],
          demographics: [],
          comments: [],
        });
        const claimed = await commitSubmissions(
          database.db,
          [{ tokenHash, waveId: sc.waveId, draftId: draftIdFor(token), sealed }],
          '2026-06-10',
        );
        if (claimed.has(tokenHash)) acknowledgedTokens.push(tokenHash);
      }
    })();
    const chatWriter = (async () => {
      for (let i = 0; !stop && i < 2000; i++) {
        const message = await chatRepo.insertMessage(database.db, {
          chatId,
          sender: 'citizen',
          authorAccountId: null,
          clientId: `live-${i}`,
          body: `live ${i}`,
        });
        acknowledgedMessages.push(message.client_id);
      }
    })();
    while (acknowledgedTokens.length < 10 || acknowledgedMessages.length < 10)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const tokensBefore = [...acknowledgedTokens];
    const messagesBefore = [...acknowledgedMessages];
    const file = join(scratch, `live-${engine}.backup`);
    await takeBackup(database, file);
    stop = true;
    await Promise.all([surveyWriter, chatWriter]);

    const restore = await restoreTarget(engine);
    try {
      await restoreBackup(file, restore.target);
      const restored = await restore.open();
      try {
        const answered = (
          await queryRows<{ token_hash: string }>(
            restored.db,
            sql`select token_hash from survey_invitations where wave_id = ${sc.waveId} and answered`,
          )
        ).map((r) => r.token_hash);
        // Answers stay sealed and pending until the wave closes; each claim has exactly one.
        const [{ n: responses }] = (await queryRows<{ n: number }>(
          restored.db,
          sql`select count(*)::int as n from survey_pending_answers where wave_id = ${sc.waveId}`,
        )) as [{ n: number }];
        const messages = (
          await queryRows<{ client_id: string }>(
            restored.db,
            sql`select client_id from chat_messages where chat_id = ${chatId}`,
          )
        ).map((r) => r.client_id);
        for (const token of tokensBefore) expect(answered).toContain(token);
        for (const id of messagesBefore) expect(messages).toContain(id);
        // Only acknowledged writes, each whole: an answered invitation has exactly its one response.
        for (const token of answered) expect(acknowledgedTokens).toContain(token);
        for (const id of messages) expect(acknowledgedMessages).toContain(id);
        expect(responses).toBe(answered.length);
      } finally {
        await restored.close();
      }
    } finally {
      await restore.drop();
    }
  });
});

describe('the embedded backup of a data directory', () => {
  it('keeps no write-ahead history: what changed together is not in the copy', async () => {
    const dataDir = mkdtempSync(join(scratch, 'wal-'));
    const marker = `wal-marker-${randomBytes(8).toString('hex')}`;
    const database = await openDatabase({ dataDir });
    const file = join(scratch, 'wal.backup');
    try {
      await database.db.execute(sql`insert into app_settings (key, value) values (${marker}, '1'::jsonb)`);
      await database.db.execute(sql`delete from app_settings where key = ${marker}`);
      await backupEmbeddedToFile(database.embedded!, file);
    } finally {
      await database.close();
    }
    // The live directory's log still holds the marker; the backup's must not.
    const walOf = (dir: string) =>
      readdirSync(join(dir, 'pg_wal'))
        .filter((name) => /^[0-9A-F]{24}$/.test(name))
        .map((name) => readFileSync(join(dir, 'pg_wal', name)));
    expect(walOf(join(dataDir, 'pglite')).some((segment) => segment.includes(marker))).toBe(true);
    const manifest = await readManifest(file);
    const extracted = join(scratch, 'wal-extracted');
    await extractTar(readFileSync(file).subarray(0, manifest.payloadBytes), extracted);
    const segments = walOf(extracted);
    expect(segments).toHaveLength(1);
    expect(segments.some((segment) => segment.includes(marker))).toBe(false);

    // And the copy opens.
    const restored = mkdtempSync(join(scratch, 'wal-restored-'));
    await restoreBackup(file, { dataDir: restored }, { verify: true });
    const reopened = await openDatabase({ dataDir: restored });
    try {
      expect(await queryRows(reopened.db, sql`select key from app_settings where key = ${marker}`)).toEqual(
        [],
      );
    } finally {
      await reopened.close();
    }
  });
});
