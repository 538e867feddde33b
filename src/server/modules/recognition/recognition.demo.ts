import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import type { ValueKey } from '../../db/schema';
import { entityOf } from '../../platform/org-tree';
import * as repo from './recognition.repo';

const texts: Record<'appreciation' | 'feedback', string[]> = {
  appreciation: [
    'Je legde de nieuwe werkwijze open en helder uit aan het hele team, met de redenen erbij. Daardoor kon iedereen meteen mee.',
    'Toen de deadline vervroegd werd, nam je zonder aarzelen de planning op je en verdeelde je het werk eerlijk. Knap gedaan.',
    'Je gaf me het vertrouwen om het dossier zelf af te werken en stond klaar toen ik vragen had. Dat deed me groeien.',
    'Je paste je aanpak aan zodra de burger iets anders nodig had dan we dachten, en hield ons allemaal op de hoogte.',
  ],
  feedback: [
    'In het overleg van gisteren besliste je snel, maar niet iedereen kreeg de kans om te reageren. Vraag volgende keer eerst even rond.',
  ],
};
const valueSets: ValueKey[][] = [['openheid'], ['daadkracht'], ['vertrouwen'], ['wendbaarheid', 'openheid']];

/**
 * Demo messages in the demo manager's division: enough appreciated colleagues in one team for the overview
 * to show figures above the threshold, and a few messages to and from the demo employee. No e-mails.
 * Idempotent: does nothing when any message exists.
 */
export async function seedRecognitionDemo(db: Db, employeeEmail: string): Promise<void> {
  const existing = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from recognition_messages`,
  );
  if (existing[0]!.n > 0) return;
  const employee = (
    await queryRows<{ id: number; unit_id: number; division_path: string }>(
      db,
      sql`select p.id, p.unit_id, d.path as division_path from people p
          join org_units u on u.id = p.unit_id join org_units d on d.id = u.parent_id
          where lower(p.email) = lower(${employeeEmail}) and p.status = 'active'`,
    )
  )[0];
  if (!employee) return;
  // Active colleagues in the employee's division, by team, largest team first.
  const colleagues = await queryRows<{ id: number; unit_id: number; entity_id: number | null }>(
    db,
    sql`select p.id, p.unit_id,
          ${entityOf(sql`u.path`)} as entity_id
        from people p join org_units u on u.id = p.unit_id
        where u.path like ${`${employee.division_path}%`} and p.status = 'active' and p.id <> ${employee.id}
          and p.email not like 'manager@%'
        order by p.unit_id, p.id`,
  );
  if (colleagues.length < 2) return;
  const entityId = colleagues[0]!.entity_id;
  const send = async (
    from: number,
    to: { id: number; unit_id: number },
    kind: 'appreciation' | 'feedback',
    i: number,
    visibility: 'private' | 'manager' | 'team',
  ) =>
    repo.insertMessage(db, {
      senderPersonId: from,
      recipientPersonId: to.id,
      unitId: to.unit_id,
      entityId,
      kind,
      body: texts[kind][i % texts[kind].length]!,
      visibility,
      values: valueSets[i % valueSets.length]!,
      notified: true,
    });
  // Every colleague in the division appreciated once by the next one: teams of five or more show figures.
  for (const [i, to] of colleagues.entries()) {
    const from = colleagues[(i + 1) % colleagues.length]!;
    await send(from.id, to, 'appreciation', i, i % 3 === 0 ? 'team' : 'private');
  }
  const me = { id: employee.id, unit_id: employee.unit_id };
  await send(colleagues[0]!.id, me, 'appreciation', 2, 'team');
  await send(colleagues[1]!.id, me, 'feedback', 0, 'private');
  await send(employee.id, colleagues[0]!, 'appreciation', 0, 'manager');
}
