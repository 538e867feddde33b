import type { IndicatorProvider } from '../../../platform/indicators';
import * as repo from './support.repo';

/** Strategy 3 (doing): the support requests the programme delivered to each entity in the period. */
export const supportIndicators: IndicatorProvider = {
  async definitions() {
    return [
      {
        key: 'entities.support-delivered',
        objective: null,
        strategy: 3,
        label: { nl: 'Geleverde ondersteuning', en: 'Support delivered' },
        definition: {
          nl: 'Aantal ondersteuningsaanvragen (workshops, coaching, toolkits, kunstprojecten, sprekers) dat in de periode aan de entiteit geleverd werd.',
          en: 'Number of support requests (workshops, coaching, toolkits, art projects, speakers) delivered to the entity in the period.',
        },
        source: { nl: 'Ondersteuningsaanbod', en: 'Support offer' },
        safety: {
          nl: 'Telt aanvragen van entiteiten, geen personen: geen drempel nodig.',
          en: 'Counts entities’ requests, not people: no threshold needed.',
        },
        unit: 'count',
        direction: 'higher',
        minPeople: 0,
      },
    ];
  },

  async figures(db, period) {
    return (await repo.deliveredPerEntity(db, period.start, period.end)).map((r) => ({
      kind: 'additive' as const,
      indicatorKey: 'entities.support-delivered',
      unitId: r.entity_id,
      numerator: r.n,
      denominator: 1,
      people: 0,
    }));
  },
};
