import { DEFAULT_K as K_TOUCHSTONE } from '../../../platform/disclosure/planner';
import type { AdditiveFigure, IndicatorProvider } from '../../../platform/indicators';
import * as repo from './touchstone.repo';

/**
 * Objective 2: the share of managers who used the decision touchstone in the 12 months before the end of the
 * period. Each active manager counts once, at the highest unit they manage; the people are the managers.
 */
export const touchstoneIndicators: IndicatorProvider = {
  async definitions() {
    return [
      {
        key: 'entities.touchstone-use',
        objective: 2,
        strategy: null,
        label: { nl: 'Gebruik van de waardentoets', en: 'Use of the decision touchstone' },
        definition: {
          nl: 'Aandeel van de leidinggevenden dat in de 12 maanden voor het einde van de periode minstens één beslissing aan de waarden toetste. Elke actieve leidinggevende telt één keer, bij de hoogste eenheid die hij of zij leidt.',
          en: 'Share of managers who checked at least one decision against the values in the 12 months before the end of the period. Each active manager counts once, at the highest unit they manage.',
        },
        source: { nl: 'Waardentoets van beslissingen', en: 'Decision touchstone' },
        safety: {
          nl: `Getoond vanaf ${K_TOUCHSTONE} leidinggevenden.`,
          en: `Shown from ${K_TOUCHSTONE} managers.`,
        },
        unit: 'share',
        direction: 'higher',
        minPeople: K_TOUCHSTONE,
      },
    ];
  },

  async figures(db, period) {
    const since = new Date(period.end);
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    const byUnit = new Map<number, AdditiveFigure>();
    for (const m of await repo.managersUseBetween(db, since, period.end)) {
      const f = byUnit.get(m.unit_id) ?? {
        kind: 'additive',
        indicatorKey: 'entities.touchstone-use',
        unitId: m.unit_id,
        numerator: 0,
        denominator: 0,
        people: 0,
      };
      f.numerator += m.used ? 1 : 0;
      f.denominator += 1;
      f.people += 1;
      byUnit.set(m.unit_id, f);
    }
    return [...byUnit.values()];
  },
};
