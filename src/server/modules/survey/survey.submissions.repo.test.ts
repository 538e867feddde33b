import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { queryRows } from '../../db/client';
import { createScenario, fixtureTokens, standardLikeItems } from './results/results.fixture';
import { commitSubmissions } from './survey.submissions.repo';
import { hashToken } from './survey.tokens';

describeEachEngine('survey group commit', (engine) => {
  const ctx = useTestContext(engine);

  it('stores scores, demographics and comments as given (unanswered items as null) and claims a token once', async () => {
    const db = ctx.current.database.db;
    const sc = await createScenario(db, 'GC', {
      status: 'open',
      closesOn: '2099-12-31',
      items: standardLikeItems(1),
      responses: false,
    });
    const [first, second] = fixtureTokens(sc.tokenKey, sc.waveId, 2).map(hashToken);
    const today = '2026-06-10';
    const claimed = await commitSubmissions(
      db,
      [
        {
          tokenHash: first!,
          waveId: sc.waveId,
          scores: [4, null, 0, 5],
          demographics: [],
          comments: [
            { waveItemId: sc.itemIds[0]!, text: 'Graag, met "aanhalingstekens", {accolades} en NULL' },
          ],
        },
        {
          tokenHash: second!,
          waveId: sc.waveId,
          scores: [null, null, null, null],
          demographics: [2, null],
          comments: [],
        },
      ],
      today,
    );
    expect(claimed).toEqual(new Set([first, second]));

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
    expect(comments).toEqual([{ text: 'Graag, met "aanhalingstekens", {accolades} en NULL' }]);

    // Committed again (a retry, a second tab): nothing is claimed and nothing is written.
    const again = await commitSubmissions(
      db,
      [{ tokenHash: first!, waveId: sc.waveId, scores: [1, 1, 1, 1], demographics: [], comments: [] }],
      today,
    );
    expect(again.size).toBe(0);
    const [{ n }] = (await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from survey_responses where wave_id = ${sc.waveId}`,
    )) as [{ n: number }];
    expect(n).toBe(2);
  });
});
