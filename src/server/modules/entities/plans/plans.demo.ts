import { sql } from 'drizzle-orm';
import type { IavaDimension, InitiativeStatus, ProgrammeStrategy, ValueKey } from '../../../../shared/domain';
import { type Db, queryRows } from '../../../db/client';
import * as repo from './plans.repo';

type DemoInitiative = {
  title: string;
  description: string;
  values: ValueKey[];
  dimension: IavaDimension;
  strategy: ProgrammeStrategy;
  status: InitiativeStatus;
  expectedEffect: string;
  observedEffect?: string;
  /** Placed on the entity (0), its first division (1) or that division's first team (2). */
  level: 0 | 1 | 2;
  project?: boolean;
  months: [number, number];
};

/** One initiative on every IAVA dimension for the demo entity; a few for the others. */
const demoInitiatives: DemoInitiative[] = [
  {
    title: 'Waarden als vast punt in het ondernemingsplan',
    description: 'Elke strategische doelstelling krijgt een paragraaf over de waarden die ze dient.',
    values: ['openheid', 'daadkracht'],
    dimension: 'strategie',
    strategy: 'doen',
    status: 'lopend',
    expectedEffect: 'Medewerkers zien in het plan waarom we kiezen wat we kiezen.',
    level: 0,
    months: [-3, 6],
  },
  {
    title: 'Leidinggevenden oefenen met de toetssteen',
    description:
      'Twee sessies per jaar waarin leidinggevenden een echte beslissing samen toetsen aan de waarden.',
    values: ['vertrouwen', 'daadkracht'],
    dimension: 'leiderschap',
    strategy: 'experimenteren',
    status: 'gepland',
    expectedEffect: 'Meer leidinggevenden gebruiken de toetssteen bij moeilijke beslissingen.',
    level: 0,
    project: true,
    months: [1, 9],
  },
  {
    title: 'Onthaaldag met waardengesprek',
    description: 'Nieuwe collega’s bespreken op hun eerste dag de vier waarden met hun team.',
    values: ['openheid', 'vertrouwen', 'wendbaarheid', 'daadkracht'],
    dimension: 'mensen',
    strategy: 'informeren',
    status: 'afgerond',
    expectedEffect: 'Nieuwe medewerkers kennen de waarden na hun eerste week.',
    observedEffect: '9 op 10 nieuwkomers konden in de kennistoets de vier waarden uitleggen.',
    level: 1,
    months: [-9, -2],
  },
  {
    title: 'Overleg zonder vaste vergaderstructuur',
    description: 'Het team test drie maanden een wekelijkse stand-up in plaats van het maandelijkse overleg.',
    values: ['wendbaarheid'],
    dimension: 'structuren',
    strategy: 'experimenteren',
    status: 'lopend',
    expectedEffect: 'Sneller schakelen bij wijzigingen in de planning.',
    level: 2,
    months: [-1, 2],
  },
  {
    title: 'Open begroting van het afdelingsbudget',
    description: 'Het budget en de keuzes erin staan voor iedereen leesbaar op het intranet.',
    values: ['openheid'],
    dimension: 'middelen',
    strategy: 'doen',
    status: 'idee',
    expectedEffect: 'Minder vragen over waarom een aanvraag geweigerd werd.',
    level: 1,
    months: [3, 12],
  },
  {
    title: 'Waardenindicatoren in de managementrapportering',
    description: 'De resultaten van de personeelspeiling per waarde komen in het kwartaalrapport.',
    values: ['daadkracht', 'vertrouwen'],
    dimension: 'sturing',
    strategy: 'monitoren',
    status: 'gepland',
    expectedEffect: 'Het directiecomité volgt de waarden even strikt op als de andere doelstellingen.',
    level: 0,
    months: [0, 4],
  },
];

const otherInitiatives: DemoInitiative[] = [demoInitiatives[1]!, demoInitiatives[2]!, demoInitiatives[5]!];

const dateIn = (months: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * A government-wide project and the action plans of the demo entity (every IAVA dimension, at entity,
 * division and team level) and of two other entities, all marked synthetic. Idempotent: does nothing when
 * any initiative exists.
 */
export async function seedPlansDemo(db: Db, entityCode: string): Promise<void> {
  const existing = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from plan_initiatives`);
  if (existing[0]!.n > 0) return;
  const entities = await queryRows<{ id: number; code: string }>(
    db,
    sql`select id, code from org_units where kind = 'entity'
        order by (code = ${entityCode}) desc, id limit 3`,
  );
  if (entities[0]?.code !== entityCode) return;
  const projectId = await repo.insertProject(db, {
    titleNl: 'Waardengedreven leiderschap in de hele Vlaamse overheid',
    titleEn: 'Values-driven leadership across the Flemish government',
    descriptionNl: 'Entiteiten wisselen ervaringen uit met de toetssteen en met 360°-feedback op de waarden.',
    descriptionEn: 'Entities share their experience with the touchstone and 360° feedback on the values.',
    active: true,
    synthetic: true,
  });
  for (const [index, entity] of entities.entries()) {
    // The first division and its first team, by id: the same places every time the demo is seeded.
    const [division] = await queryRows<{ id: number }>(
      db,
      sql`select id from org_units where parent_id = ${entity.id} and kind = 'division' order by id limit 1`,
    );
    const [team] = division
      ? await queryRows<{ id: number }>(
          db,
          sql`select id from org_units where parent_id = ${division.id} order by id limit 1`,
        )
      : [];
    const [owner] = await queryRows<{ id: number }>(
      db,
      sql`select m.person_id as id from unit_managers m where m.unit_id = ${entity.id} order by m.person_id limit 1`,
    );
    for (const item of index === 0 ? demoInitiatives : otherInitiatives) {
      const unitId = [entity.id, division?.id ?? entity.id, team?.id ?? division?.id ?? entity.id][
        item.level
      ]!;
      await repo.insertInitiative(
        db,
        {
          unitId,
          title: item.title,
          description: item.description,
          dimension: item.dimension,
          strategy: item.strategy,
          ownerPersonId: owner?.id ?? null,
          startOn: dateIn(item.months[0]),
          dueOn: dateIn(item.months[1]),
          status: item.status,
          expectedEffect: item.expectedEffect,
          observedEffect: item.observedEffect ?? '',
          evidenceLinks: item.observedEffect ? ['https://www.vlaanderen.be/waarden-in-actie'] : [],
          projectId: item.project ? projectId : null,
          synthetic: true,
        },
        item.values,
      );
    }
  }
}
