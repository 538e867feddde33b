import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine } from '../../../../../test/support/test-db';
import type { Database } from '../../../db/client';
import { chatQueues, chatSessions } from '../../../db/schema';
import type { IndicatorPeriod } from '../../../platform/indicators';
import { serviceLevelIndicators } from './supervisor.indicators';

/** 2026-Q3 in Brussels time. */
const Q3: IndicatorPeriod = {
  key: '2026-Q3',
  start: new Date('2026-06-30T22:00:00Z'),
  end: new Date('2026-09-30T22:00:00Z'),
};
const inside = new Date('2026-08-15T10:00:00Z');
const seconds = (from: Date, s: number) => new Date(from.getTime() + s * 1000);

describeEachEngine('chat service level indicator', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('shares the chats of the period answered within their queue’s target', async () => {
    const db = database.db;
    const queue = async (key: string, targetAnswerSeconds: number) =>
      (
        await db
          .insert(chatQueues)
          .values({
            key,
            nameNl: key,
            nameEn: key,
            openingHours: { timeZone: 'Europe/Brussels', days: {} },
            targetAnswerSeconds,
          })
          .returning({ id: chatQueues.id })
      )[0]!.id;
    const fast = await queue('sl-fast', 60);
    const slow = await queue('sl-slow', 120);
    const chat = (
      queueId: number,
      createdAt: Date,
      outcome: { answeredAfter?: number; leftAfter?: number },
    ) =>
      db.insert(chatSessions).values({
        queueId,
        resumeTokenHash: randomUUID(),
        createdAt,
        status: outcome.answeredAfter !== undefined || outcome.leftAfter !== undefined ? 'closed' : 'waiting',
        firstAssignedAt:
          outcome.answeredAfter === undefined ? null : seconds(createdAt, outcome.answeredAfter),
        closedAt:
          outcome.leftAfter !== undefined
            ? seconds(createdAt, outcome.leftAfter)
            : outcome.answeredAfter !== undefined
              ? seconds(createdAt, outcome.answeredAfter + 300)
              : null,
      });
    await chat(fast, inside, { answeredAfter: 30 }); // within target
    await chat(fast, inside, { answeredAfter: 90 }); // answered late
    await chat(fast, inside, { leftAfter: 20 }); // left within the target: not counted
    await chat(fast, inside, { leftAfter: 100 }); // abandoned after the target
    await chat(slow, inside, { answeredAfter: 90 }); // within the slow queue's own target
    await chat(fast, inside, {}); // still waiting: not counted
    // Just before and at the end of the period (Brussels midnight).
    await chat(fast, new Date('2026-06-30T21:59:59Z'), { answeredAfter: 10 });
    await chat(fast, Q3.end, { answeredAfter: 10 });

    expect(await serviceLevelIndicators.figures(db, Q3)).toEqual([
      {
        kind: 'additive',
        indicatorKey: 'contact.chat-service-level',
        unitId: null,
        numerator: 2,
        denominator: 4,
        people: 4,
      },
    ]);
    const [definition] = await serviceLevelIndicators.definitions(db);
    expect([definition!.objective, definition!.unit, definition!.minPeople]).toEqual([5, 'share', 0]);
  });
});
