import { DEFAULT_K } from '../../../platform/disclosure/planner';
import type { AdditiveFigure, IndicatorPeriod, IndicatorProvider } from '../../../platform/indicators';
import * as repo from './feedback360.repo';
import { K_ENTITY, leaderContributions } from './feedback360.service';

/** A 360° counts for the monitor for two years after it closed. */
const YEARS = 2;

const sinceOf = (period: IndicatorPeriod) => {
  const since = new Date(period.end);
  since.setUTCFullYear(since.getUTCFullYear() - YEARS);
  return since;
};

/** Sums contributions per unit, so each unit has one figure per indicator. */
function perUnit(
  key: string,
  rows: { unitId: number; numerator: number; people: number }[],
): AdditiveFigure[] {
  const byUnit = new Map<number, AdditiveFigure>();
  for (const r of rows) {
    const f = byUnit.get(r.unitId) ?? {
      kind: 'additive',
      indicatorKey: key,
      unitId: r.unitId,
      numerator: 0,
      denominator: 0,
      people: 0,
    };
    f.numerator += r.numerator;
    f.denominator += 1;
    f.people += r.people;
    byUnit.set(r.unitId, f);
  }
  return [...byUnit.values()];
}

/**
 * Objective 1 (leadership): how many top executives asked for a 360° on the values in the last two years, and
 * how their raters see leaders on the behaviour statements. Each leader counts in their own unit; the monitor
 * sums over subtrees and hides groups below `minPeople`.
 */
export const feedback360Indicators: IndicatorProvider = {
  async definitions() {
    return [
      {
        key: 'entities.executive-360',
        objective: 1,
        strategy: null,
        label: {
          nl: 'Topleidinggevenden met een 360° op de waarden',
          en: 'Top executives with a 360° on the values',
        },
        definition: {
          nl: 'Aandeel van de topleidinggevenden (actieve personen met de rol topleidinggevende) van wie een 360°-ronde op de waarden afsloot in de twee jaar voor het einde van de periode.',
          en: 'Share of top executives (active people with the top executive role) with a 360° round on the values closed in the two years before the end of the period.',
        },
        source: { nl: '360°-feedback van leidinggevenden', en: 'Leaders’ 360° feedback' },
        safety: {
          nl: `Getoond vanaf ${DEFAULT_K} topleidinggevenden, zodat niet af te leiden is of één persoon een 360° vroeg.`,
          en: `Shown from ${DEFAULT_K} top executives, so it cannot tell whether one person asked for a 360°.`,
        },
        unit: 'share',
        direction: 'higher',
        minPeople: DEFAULT_K,
      },
      {
        key: 'entities.leadership-360-others',
        objective: 1,
        strategy: null,
        label: {
          nl: 'Leiderschap volgens anderen (360°)',
          en: 'Leadership as others see it (360°)',
        },
        definition: {
          nl: 'Gemiddelde over leidinggevenden van het gemiddelde van hun beoordelaars (1–5) op de gedragsuitspraken van de waarden, uit hun laatste 360°-ronde die in de twee jaar voor het einde van de periode afsloot. Alleen rondes waarvan het rapport het cijfer van alle beoordelaars toont (minstens 3 beoordelaars) tellen mee.',
          en: 'Mean over leaders of their raters’ mean (1–5) on the behaviour statements of the values, from their latest 360° round closed in the two years before the end of the period. Only rounds whose report shows the all-raters figure (at least 3 raters) count.',
        },
        source: { nl: '360°-feedback van leidinggevenden', en: 'Leaders’ 360° feedback' },
        safety: {
          nl: `Getoond vanaf ${K_ENTITY} leidinggevenden, elk met minstens 3 beoordelaars.`,
          en: `Shown from ${K_ENTITY} leaders, each with at least 3 raters.`,
        },
        unit: 'mean',
        direction: 'higher',
        minPeople: K_ENTITY,
      },
    ];
  },

  async figures(db, period) {
    const since = sinceOf(period);
    const executives = await repo.executivesWith360(db, since, period.end);
    const leaders = (await leaderContributions(db, period.end)).filter((r) => r.closedAt >= since);
    return [
      ...perUnit(
        'entities.executive-360',
        executives.map((e) => ({ unitId: e.unit_id, numerator: e.done ? 1 : 0, people: 1 })),
      ),
      ...perUnit(
        'entities.leadership-360-others',
        leaders.map((l) => ({ unitId: l.unitId, numerator: l.othersMean, people: 1 })),
      ),
    ];
  },
};
