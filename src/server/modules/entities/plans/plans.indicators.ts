import { iavaDimensions, valueKeys } from '../../../../shared/domain';
import type { IndicatorProvider } from '../../../platform/indicators';
import * as repo from './plans.repo';

/** The cells of the coverage matrix: every value × every IAVA dimension. */
const CELLS = valueKeys.length * iavaDimensions.length;

/**
 * Objective 2 (coverage of the values across the IAVA model in each entity's plan) and strategy 3 (initiatives).
 * Both count initiatives, not people: no threshold applies (minPeople 0).
 */
export const plansIndicators: IndicatorProvider = {
  async definitions() {
    return [
      {
        key: 'entities.plan-coverage',
        objective: 2,
        strategy: null,
        label: { nl: 'Dekking van het actieplan', en: 'Action plan coverage' },
        definition: {
          nl: `Aandeel van de ${CELLS} cellen waarde × IAVA-dimensie waarin het actieplan van de entiteit (met haar afdelingen en teams) minstens één initiatief heeft dat niet stopgezet is, bij het einde van de periode. Voor meerdere entiteiten samen: het gemiddelde over de entiteiten.`,
          en: `Share of the ${CELLS} cells value × IAVA dimension in which the entity’s action plan (with its divisions and teams) has at least one initiative that is not stopped, at the end of the period. For several entities together: the mean over the entities.`,
        },
        source: { nl: 'Actieplannen', en: 'Action plans' },
        safety: {
          nl: 'Telt initiatieven, geen personen: geen drempel nodig.',
          en: 'Counts initiatives, not people: no threshold needed.',
        },
        unit: 'share',
        direction: 'higher',
        minPeople: 0,
      },
      {
        key: 'entities.initiatives',
        objective: null,
        strategy: 3,
        label: { nl: 'Initiatieven in actieplannen', en: 'Initiatives in action plans' },
        definition: {
          nl: 'Aantal initiatieven in de actieplannen van de eenheid en de eenheden eronder dat bij het einde van de periode bestond en niet stopgezet is.',
          en: 'Number of initiatives in the action plans of the unit and the units below it that existed at the end of the period and are not stopped.',
        },
        source: { nl: 'Actieplannen', en: 'Action plans' },
        safety: {
          nl: 'Telt initiatieven, geen personen: geen drempel nodig.',
          en: 'Counts initiatives, not people: no threshold needed.',
        },
        unit: 'count',
        direction: 'higher',
        minPeople: 0,
      },
    ];
  },

  async figures(db, period) {
    const entities = await repo.listEntities(db);
    const covered = new Map(
      (await repo.coveredCellsPerEntity(db, period.end)).map((r) => [r.entity_id, r.cells]),
    );
    const initiatives = await repo.initiativesPerUnit(db, period.end);
    return [
      ...entities.map((e) => ({
        kind: 'additive' as const,
        indicatorKey: 'entities.plan-coverage',
        unitId: e.id,
        numerator: covered.get(e.id) ?? 0,
        denominator: CELLS,
        people: 0,
      })),
      ...initiatives.map((r) => ({
        kind: 'additive' as const,
        indicatorKey: 'entities.initiatives',
        unitId: r.unit_id,
        numerator: r.n,
        denominator: 1,
        people: 0,
      })),
    ];
  },
};
