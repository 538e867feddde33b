import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { TEST_APP_SECRET, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { queryRows } from '../../db/client';
import { createScenario, fixtureTokens, standardLikeItems } from './results/results.fixture';
import { flushPending, sealAnswers } from './survey.pending';
import { commitSubmissions } from './survey.submissions.repo';
import { draftIdFor, hashToken, waveKeys } from './survey.tokens';

describeEachEngine('survey group commit', (engine) => {
  const ctx = useTestContext(engine);

  it('claims a token once, keeps the answers sealed until a flush writes them exactly as given', async () => {
    const db = ctx.current.database.db;
    const deps = { db, config: { appSecret: TEST_APP_SECRET } };
    const sc = await createScenario(db, 'GC', {
      status: 'open',
      closesOn: '2099-12-31',
      items: standardLikeItems(1),
      responses: false,
    });
    const key = waveKeys(TEST_APP_SECRET, sc.tokenKey, sc.waveId).pendingKey;
    const [firstToken, secondToken] = fixtureTokens(sc.tokenKey, sc.waveId, 2);
    const today = '2026-06-10';
    const row = (token: string, answers: Parameters<typeof sealAnswers>[2]) => ({
      tokenHash: hashToken(token),
      waveId: sc.waveId,
      draftId: draftIdFor(token),
      sealed: sealAnswers(key, sc.waveId, answers),
    });
    const comment = 'Graag, met "aanhalingstekens", {accolades} en NULL';
    const claimed = await commitSubmissions(
      db,
      [
        row(firstToken!, {
          day: today,
          scores: [4, null, 0, 5],
          demographics: [],
          comments: [{ waveItemId: sc.itemIds[0]!, text: comment }],
        }),
        row(secondToken!, {
          day: today,
          scores: [null, null, null, null],
          demographics: [2, null],
          comments: [],
        }),
      ],
      today,
    );
    expect(claimed).toEqual(new Set([hashToken(firstToken!), hashToken(secondToken!)]));

    // Claimed and durable, but nothing readable yet: no response, no comment, the pending rows sealed.
    const count = async (table: string) =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from ${sql.identifier(table)} where wave_id = ${sc.waveId}`,
        )
      )[0]!.n;
    expect(await count('survey_responses')).toBe(0);
    expect(await count('survey_comments')).toBe(0);
    expect(await count('survey_pending_answers')).toBe(2);
    const sealedText = await queryRows<{ t: string }>(
      db,
      sql`select encode(sealed, 'escape') as t from survey_pending_answers where wave_id = ${sc.waveId}`,
    );
    expect(sealedText.some((r) => r.t.includes('aanhalingstekens'))).toBe(false);

    // Committed again (a retry, a second tab): nothing is claimed and nothing is written.
    const again = await commitSubmissions(
      db,
      [row(firstToken!, { day: today, scores: [1, 1, 1, 1], demographics: [], comments: [] })],
      today,
    );
    expect(again.size).toBe(0);
    expect(await count('survey_pending_answers')).toBe(2);

    // The close writes them all, in its own transaction.
    expect(await db.transaction((tx) => flushPending(deps, sc.waveId, { salt: sc.tokenKey, tx }))).toBe(2);
    const responses = await queryRows<{ scores: (number | null)[]; demographics: (number | null)[] }>(
      db,
      sql`select scores, demographics from survey_responses where wave_id = ${sc.waveId} order by scores[1] nulls last`,
    );
    expect(responses).toEqual([
      { scores: [4, null, 0, 5], demographics: [] },
      { scores: [null, null, null, null], demographics: [2, null] },
    ]);
    const comments = await queryRows<{ text: string }>(
      db,
      sql`select text from survey_comments where wave_id = ${sc.waveId}`,
    );
    expect(comments).toEqual([{ text: comment }]);
    expect(await count('survey_pending_answers')).toBe(0);
  });
});
