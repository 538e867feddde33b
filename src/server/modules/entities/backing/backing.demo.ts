import type { Db } from '../../../db/client';
import * as repo from './backing.repo';

/**
 * Demo endorsements by fictitious people (no real minister is quoted), marked synthetic. Idempotent: does
 * nothing when any endorsement exists.
 */
export async function seedBackingDemo(db: Db): Promise<void> {
  if ((await repo.count(db)) > 0) return;
  const rows: repo.EndorsementValues[] = [
    {
      name: 'An Voorbeeld (fictief)',
      kind: 'minister',
      roleNl: 'Vlaams minister van Bestuurszaken (voorbeeld)',
      roleEn: 'Flemish minister for Public Governance (example)',
      endorsedOn: '2026-03-15',
      statementNl:
        'Ik draag de vier waarden uit in mijn beleid en vraag elk kabinet om ze te gebruiken als toetssteen bij beslissingen. (Synthetische demogegevens.)',
      statementEn:
        'I carry the four values in my policy and ask every cabinet to use them as a touchstone in decisions. (Synthetic demo data.)',
      link: null,
      public: true,
      synthetic: true,
    },
    {
      name: 'Kabinet Voorbeeld (fictief)',
      kind: 'cabinet',
      roleNl: 'Kabinet van de minister (voorbeeld)',
      roleEn: 'Minister’s cabinet (example)',
      endorsedOn: '2026-05-02',
      statementNl:
        'Het kabinet engageert zich om elk jaar samen met de entiteiten te bespreken hoe de waarden in het beleid doorwerken. (Synthetische demogegevens.)',
      statementEn:
        'The cabinet commits to discussing each year with the entities how the values work through in policy. (Synthetic demo data.)',
      link: null,
      public: true,
      synthetic: true,
    },
    {
      name: 'Jan Proef (fictief)',
      kind: 'policy_maker',
      roleNl: 'Beleidsmaker (voorbeeld)',
      roleEn: 'Policy maker (example)',
      endorsedOn: '2026-06-20',
      statementNl: 'Intern engagement, nog niet publiek gemaakt. (Synthetische demogegevens.)',
      statementEn: 'Internal commitment, not made public yet. (Synthetic demo data.)',
      link: null,
      public: false,
      synthetic: true,
    },
  ];
  for (const row of rows) await repo.insert(db, row);
}
