/**
 * The monitor's own indicator, computed from the organisation tree alone: staff per unit. It gives every
 * snapshot real figures whatever other modules provide, and the rate indicators their denominator.
 */
import type { IndicatorProvider } from '../../platform/indicators';
import { currentTree } from './monitor.service';

export const STAFF_INDICATOR = 'monitor.staff';

export const staffIndicators: IndicatorProvider = {
  async definitions() {
    return [
      {
        key: STAFF_INDICATOR,
        objective: null,
        strategy: 4,
        label: { nl: 'Personeelsleden', en: 'Staff' },
        definition: {
          nl: 'Het aantal actieve personeelsleden in de eenheid en alles eronder, bij het nemen van de periode.',
          en: 'The number of active staff in the unit and everything below it, when the period was taken.',
        },
        source: { nl: 'Organisatieboom (personeelsbestand)', en: 'Organisation tree (staff roster)' },
        safety: {
          nl: 'Een personeelsaantal zegt niets over een persoon; het organigram toont het al.',
          en: 'A headcount says nothing about a person; the organisation chart already shows it.',
        },
        unit: 'count',
        direction: 'none',
        minPeople: 0,
      },
    ];
  },
  async figures(db) {
    // The headcount as it is now: a period is taken at (or right after) its end.
    const tree = await currentTree(db);
    return tree
      .filter((u) => u.staff > 0)
      .map((u) => ({
        kind: 'additive' as const,
        indicatorKey: STAFF_INDICATOR,
        unitId: u.id,
        numerator: u.staff,
        denominator: 1,
        people: u.staff,
      }));
  },
};
