import { brusselsDay } from '../../../../shared/brussels-day';
import type { IndicatorProvider } from '../../../platform/indicators';
import * as repo from './backing.repo';

/**
 * Objective 4 (politics): public endorsements and commitments dated in the period. A figure for the whole
 * government (no unit); only public entries count, as only they leave the register.
 */
export const backingIndicators: IndicatorProvider = {
  async definitions() {
    return [
      {
        key: 'entities.endorsements',
        objective: 4,
        strategy: null,
        label: {
          nl: 'Politieke steunbetuigingen en engagementen',
          en: 'Political endorsements and commitments',
        },
        definition: {
          nl: 'Aantal openbare steunbetuigingen en engagementen van ministers, kabinetten en beleidsmakers voor de waarden, gedateerd in de periode.',
          en: 'Number of public endorsements and commitments to the values by ministers, cabinets and policy makers, dated in the period.',
        },
        source: { nl: 'Register van politieke steun', en: 'Register of political backing' },
        safety: {
          nl: 'Alleen openbare vermeldingen; over politieke mandatarissen in hun ambt, geen personeel: geen drempel nodig.',
          en: 'Public entries only; about office holders in their office, not staff: no threshold needed.',
        },
        unit: 'count',
        direction: 'higher',
        minPeople: 0,
      },
    ];
  },

  async figures(db, period) {
    const [row] = await repo.publicCountBetween(db, brusselsDay(period.start), brusselsDay(period.end));
    return [
      {
        kind: 'additive',
        indicatorKey: 'entities.endorsements',
        unitId: null,
        numerator: row?.n ?? 0,
        denominator: 1,
        people: 0,
      },
    ];
  },
};
