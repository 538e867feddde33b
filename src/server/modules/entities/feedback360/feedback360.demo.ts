import { sql } from 'drizzle-orm';
import { raterGroups } from '../../../../shared/domain';
import { type Db, queryRows } from '../../../db/client';
import { feedbackAnswers, feedbackComments, feedbackRaters, feedbackRounds } from '../../../db/schema';
import type { DemoContext } from '../../../platform/module';
import { statements } from './feedback360.service';

const comments = [
  'Legt beslissingen helder uit, ook als ze moeilijk liggen.',
  'Zou vaker mogen vragen hoe het team een verandering ervaart.',
  'Geeft ruimte om zelf oplossingen te zoeken.',
  'Volgt afspraken goed op.',
];

/** Deterministic synthetic scores: close to the leader's level, with some spread per rater and statement. */
const scoreOf = (base: number, rater: number, item: number) =>
  Math.max(1, Math.min(5, Math.round(base + (((rater * 7 + item * 3) % 5) - 2) / 2)));

/**
 * Demo 360° rounds (synthetic, marked as such), already closed: one for the demo manager with up to six raters
 * in each group, and one for six managers in the demo entity and two other entities each, so the entity aggregate
 * has figures over at least five leaders. Raters are colleagues from the roster who did not really answer: the
 * answers are written as a closed round's shuffled answers. Idempotent: does nothing when any round exists.
 */
export async function seedFeedback360Demo(db: Db, demo: DemoContext): Promise<void> {
  const existing = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from feedback_rounds`);
  if (existing[0]!.n > 0) return;
  const items = await statements(db);
  if (items.length === 0) return;
  const entities = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path from org_units where kind = 'entity'
        order by (code = ${demo.entityCode}) desc, id limit 3`,
  );
  const demoManager = `manager@${demo.emailDomain}`;
  for (const entity of entities) {
    const managers = await queryRows<{
      person_id: number;
      unit_id: number;
      account_id: number | null;
      email: string;
    }>(
      db,
      sql`select distinct on (um.person_id) um.person_id, p.unit_id, a.id as account_id, p.email
          from unit_managers um
          join people p on p.id = um.person_id and p.status = 'active' and p.unit_id is not null
          join org_units u on u.id = um.unit_id
          left join accounts a on a.person_id = p.id
          where u.path like ${`${entity.path}%`}
          order by um.person_id, u.depth, u.id`,
    );
    const staff = await queryRows<{ id: number }>(
      db,
      sql`select p.id from people p join org_units u on u.id = p.unit_id
          where p.status = 'active' and u.path like ${`${entity.path}%`} order by p.id limit 60`,
    );
    const chosen = managers
      .filter((m) => m.email.toLowerCase() === demoManager)
      .concat(managers.filter((m) => m.email.toLowerCase() !== demoManager).slice(0, 6));
    for (const [li, m] of chosen.entries()) {
      const colleagues = staff.filter((p) => p.id !== m.person_id);
      // The demo manager's report shows every group: up to 6 raters each, as many as a small demo allows.
      const perGroup =
        m.email.toLowerCase() === demoManager
          ? Math.min(6, Math.floor(colleagues.length / raterGroups.length))
          : 3;
      if (perGroup < 3) continue;
      const raters = colleagues.slice(0, perGroup * raterGroups.length);
      const base = 3 + (li % 3) * 0.5;
      const closedAt = new Date(Date.now() - (20 + li * 9) * 86_400_000);
      await db.transaction(async (tx) => {
        const [round] = await tx
          .insert(feedbackRounds)
          .values({
            leaderAccountId: m.account_id,
            leaderPersonId: m.person_id,
            unitId: m.unit_id,
            entityId: entity.id,
            closesOn: closedAt.toISOString().slice(0, 10),
            status: 'closed',
            tokenSalt: null,
            statements: items,
            selfScores: items.map((_, i) => scoreOf(base + 0.5, li, i)),
            synthetic: true,
            createdAt: new Date(closedAt.getTime() - 21 * 86_400_000),
            closedAt,
          })
          .returning({ id: feedbackRounds.id });
        await tx.insert(feedbackRaters).values(
          raters.map((p, i) => ({
            roundId: round!.id,
            personId: p.id,
            raterGroup: raterGroups[Math.floor(i / perGroup)]!,
            // A closed round has no working links: a hash of nothing anyone holds.
            tokenHash: `demo-${round!.id}-${p.id}`,
            answered: true,
          })),
        );
        await tx.insert(feedbackAnswers).values(
          raters.map((_, i) => ({
            roundId: round!.id,
            raterGroup: raterGroups[Math.floor(i / perGroup)]!,
            scores: items.map((__, s) => scoreOf(base, i, s)),
          })),
        );
        await tx.insert(feedbackComments).values(comments.map((body) => ({ roundId: round!.id, body })));
      });
    }
  }
}
