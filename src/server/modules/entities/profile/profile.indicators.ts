import type { IndicatorProvider } from '../../../platform/indicators';
import * as repo from './profile.repo';

/**
 * Objective 2: the share of entities that made the values their own, with own words for the values and focus
 * values. About entities, not people (minPeople 0). Focus values keep no history: they count as they stand
 * when the figures are computed (the monitor stores each period's snapshot).
 */
export const profileIndicators: IndicatorProvider = {
  async definitions() {
    return [
      {
        key: 'entities.own-words-focus',
        objective: 2,
        strategy: null,
        label: {
          nl: 'Entiteiten met eigen woorden en focuswaarden',
          en: 'Entities with own words and focus values',
        },
        definition: {
          nl: 'Aandeel van de entiteiten met eigen woorden voor minstens één waarde én minstens één focuswaarde, bij het einde van de periode.',
          en: 'Share of entities with their own words for at least one value and at least one focus value, at the end of the period.',
        },
        source: { nl: 'Waardenprofiel van de entiteiten', en: 'Entities’ value profiles' },
        safety: {
          nl: 'Over entiteiten, niet over personen: geen drempel nodig.',
          en: 'About entities, not people: no threshold needed.',
        },
        unit: 'share',
        direction: 'higher',
        minPeople: 0,
      },
    ];
  },

  async figures(db, period) {
    return (await repo.ownWordsAndFocus(db, period.end)).map((e) => ({
      kind: 'additive' as const,
      indicatorKey: 'entities.own-words-focus',
      unitId: e.id,
      numerator: e.own_words && e.focus ? 1 : 0,
      denominator: 1,
      people: 0,
    }));
  },
};
