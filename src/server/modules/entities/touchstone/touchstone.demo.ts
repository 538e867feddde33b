import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import type { DecisionWeighingRow } from '../../../db/schema';
import * as repo from './touchstone.repo';

const weighings: DecisionWeighingRow[] = [
  {
    value: 'openheid',
    weighing: 'supports',
    reasoning: 'We leggen de keuze en de redenen uit in het teamoverleg en op het intranet.',
  },
  {
    value: 'daadkracht',
    weighing: 'supports',
    reasoning: 'De nieuwe werkwijze start volgende maand, niet pas na de zomer.',
  },
  {
    value: 'vertrouwen',
    weighing: 'tension',
    reasoning:
      'Een paar collega’s vrezen dat hun dossiers blijven liggen; we spreken af hoe we dat opvolgen.',
  },
  { value: 'wendbaarheid', weighing: 'not_relevant', reasoning: '' },
];

const decision = {
  title: 'Vaste thuiswerkdagen loslaten voor het hele team',
  context:
    'Het team werkt sinds twee jaar met vaste thuiswerkdagen. Burgers vragen vaker een afspraak op dagen dat weinig collega’s op kantoor zijn.',
  options:
    '1. Vaste dagen behouden. 2. Elke week samen de bezetting plannen. 3. Een minimumbezetting per dag afspreken en de rest vrij laten.',
  decision: 'We spreken een minimumbezetting van drie collega’s per dag af; de rest kiest zelf.',
  risks: 'Het kan even zoeken zijn; we evalueren na drie maanden met het hele team.',
  lessons: 'Vroeger betrekken van het team had de eerste bezorgdheid weggenomen.',
};

/**
 * Demo decision records: the demo manager's own, shared with the unit, and one by about half of the other
 * managers of the demo entity and two other entities, so the indicator has figures to show (synthetic, marked
 * as such). Idempotent: does nothing when any record exists.
 */
export async function seedTouchstoneDemo(db: Db, entityCode: string, emailDomain: string): Promise<void> {
  const existing = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from touchstone_decisions`,
  );
  if (existing[0]!.n > 0) return;
  const entities = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path from org_units where kind = 'entity'
        order by (code = ${entityCode}) desc, id limit 3`,
  );
  const demoManager = `manager@${emailDomain}`;
  for (const entity of entities) {
    // Synthetic managers have no account: their records have no author account (readable by nobody) and
    // only count for the indicator.
    const managers = await queryRows<{
      person_id: number;
      unit_id: number;
      account_id: number | null;
      email: string;
    }>(
      db,
      sql`select distinct on (um.person_id) um.person_id, um.unit_id, a.id as account_id, p.email
          from unit_managers um
          join people p on p.id = um.person_id and p.status = 'active'
          join org_units u on u.id = um.unit_id
          left join accounts a on a.person_id = p.id
          where u.path like ${`${entity.path}%`}
          order by um.person_id, u.depth, u.id`,
    );
    for (const [i, m] of managers.entries()) {
      const isDemo = m.email.toLowerCase() === demoManager;
      if (!isDemo && i % 2 === 1) continue;
      await repo.insert(db, {
        authorAccountId: m.account_id,
        authorPersonId: m.person_id,
        unitId: m.unit_id,
        decidedOn: new Date(Date.now() - (30 + i * 11) * 86_400_000).toISOString().slice(0, 10),
        ...decision,
        weighings,
        sharing: isDemo ? 'unit' : 'private',
        synthetic: true,
      });
    }
  }
}
