/**
 * The learning module's indicators for the monitor: reach of learning (strategy 1), path completion and
 * mastery per level (objective 3). A period's learners are the active staff with an account who answered
 * a question or finished a path in it, counted in the unit they are in at the snapshot (as the learning
 * release counts its participants); completion and mastery are their state at the period's end, with the
 * release's mastery rule. Every figure is about learners, with the release's k.
 */
import { catalogues } from '../../../shared/i18n';
import type { Db } from '../../db/client';
import { type LearningLevel, learningLevels } from '../../db/schema';
import { DEFAULT_K } from '../../platform/disclosure/planner';
import type {
  AdditiveFigure,
  IndicatorDefinition,
  IndicatorPeriod,
  IndicatorProvider,
  Localised,
} from '../../platform/indicators';
import { MASTERY_REQUIRED } from './learning.content';
import * as repo from './learning.repo';

const level = (l: LearningLevel): Localised => ({
  nl: catalogues.nl.learning.levels[l],
  en: catalogues.en.learning.levels[l],
});

const source: Localised = {
  nl: 'Leerpaden en oefenvragen in Waarden in Actie (antwoorden en voltooide paden).',
  en: 'Learning paths and practice questions in Waarden in Actie (answers and finished paths).',
};

const safety: Localised = {
  nl: `Alleen getoond voor groepen van minstens ${DEFAULT_K} lerenden, dezelfde drempel als de leerinzichten; kleinere groepen worden verborgen, en zo nodig ook een buur, zodat ze niet af te leiden zijn.`,
  en: `Shown only for groups of at least ${DEFAULT_K} learners, the same threshold as the learning insights; smaller groups are hidden, and a neighbour too where needed so that they cannot be derived.`,
};

const learners: Localised = {
  nl: 'Lerenden zijn actieve personeelsleden die in de periode minstens één vraag beantwoordden of een leerpad afrondden, geteld in hun huidige eenheid.',
  en: 'Learners are active staff who answered at least one question or finished a learning path in the period, counted in their current unit.',
};

const masteryKey = (l: LearningLevel) => `learning.mastery-${l}`;

export const learningDefinitions: IndicatorDefinition[] = [
  {
    key: 'learning.reach',
    objective: null,
    strategy: 1,
    label: { nl: 'Bereik van het leren', en: 'Reach of learning' },
    definition: {
      nl: `Aandeel van het actieve personeel dat in de periode leerde. ${learners.nl}`,
      en: `Share of active staff who learned in the period. ${learners.en}`,
    },
    source,
    safety,
    unit: 'share',
    direction: 'higher',
    minPeople: DEFAULT_K,
  },
  {
    key: 'learning.completion',
    objective: 3,
    strategy: null,
    label: { nl: 'Voltooide leerpaden', en: 'Learning paths completed' },
    definition: {
      nl: `Aandeel van de gepubliceerde leerpaden (één per waarde) dat de lerenden van de periode op het einde ervan hadden afgerond. ${learners.nl}`,
      en: `Share of the published learning paths (one per value) that the period's learners had finished by its end. ${learners.en}`,
    },
    source,
    safety,
    unit: 'share',
    direction: 'higher',
    minPeople: DEFAULT_K,
  },
  ...learningLevels.map(
    (l): IndicatorDefinition => ({
      key: masteryKey(l),
      objective: 3,
      strategy: null,
      label: {
        nl: `Beheersing: ${level(l).nl.toLowerCase()}`,
        en: `Mastery: ${level(l).en.toLowerCase()}`,
      },
      definition: {
        nl: `Aandeel van de waarden met vragen op het niveau ‘${level(l).nl.toLowerCase()}’ die de lerenden van de periode op het einde ervan beheersten: de laatste antwoorden op minstens ${MASTERY_REQUIRED[l]} vragen van die waarde en dat niveau (of alle, als er minder zijn) waren juist. ${learners.nl}`,
        en: `Share of the values with questions at the level “${level(l).en.toLowerCase()}” that the period's learners mastered at its end: their latest answers to at least ${MASTERY_REQUIRED[l]} questions of that value and level (or all, when there are fewer) were right. ${learners.en}`,
      },
      source,
      safety,
      unit: 'share',
      direction: 'higher',
      minPeople: DEFAULT_K,
    }),
  ),
];

type Tally = { learners: number; staff: number; completed: number; mastered: Record<LearningLevel, number> };

/** Per unit: learners over staff, and the learners' completed paths and mastered value-levels. */
export async function learningFigures(db: Db, period: IndicatorPeriod): Promise<AdditiveFigure[]> {
  const data = await repo.periodLearning(db, period.start, period.end);
  const paths = new Set(data.paths.map((p) => p.value_key));
  const totals = new Map<string, number>();
  for (const t of await repo.totalsByLevel(db)) totals.set(`${t.value_key}|${t.level}`, t.n);
  const levelValues = Object.fromEntries(
    learningLevels.map((l) => [
      l,
      [...totals.entries()].filter(([key, n]) => key.endsWith(`|${l}`) && n > 0).length,
    ]),
  ) as Record<LearningLevel, number>;

  const unitOf = new Map(data.learners.map((l) => [l.account_id, l.unit_id]));
  const units = new Map<number, Tally>();
  const tally = (unitId: number) => {
    let t = units.get(unitId);
    if (!t) {
      t = { learners: 0, staff: 0, completed: 0, mastered: { knows: 0, explains: 0, applies: 0 } };
      units.set(unitId, t);
    }
    return t;
  };
  for (const s of data.staff) tally(s.unit_id).staff = s.n;
  for (const l of data.learners) tally(l.unit_id).learners++;
  for (const c of data.completions) {
    const unitId = unitOf.get(c.account_id);
    if (unitId !== undefined && paths.has(c.value_key)) tally(unitId).completed++;
  }
  for (const c of data.correct) {
    const unitId = unitOf.get(c.account_id);
    const total = totals.get(`${c.value_key}|${c.level}`) ?? 0;
    if (unitId === undefined || total === 0) continue;
    if (c.correct >= Math.min(total, MASTERY_REQUIRED[c.level])) tally(unitId).mastered[c.level]++;
  }

  const figures: AdditiveFigure[] = [];
  const figure = (
    indicatorKey: string,
    unitId: number,
    numerator: number,
    denominator: number,
    people: number,
  ) => figures.push({ kind: 'additive', indicatorKey, unitId, numerator, denominator, people });
  for (const [unitId, t] of units) {
    figure('learning.reach', unitId, t.learners, t.staff, t.learners);
    if (t.learners === 0) continue;
    if (paths.size > 0)
      figure('learning.completion', unitId, t.completed, t.learners * paths.size, t.learners);
    for (const l of learningLevels)
      if (levelValues[l] > 0)
        figure(masteryKey(l), unitId, t.mastered[l], t.learners * levelValues[l], t.learners);
  }
  return figures;
}

export const learningIndicators: IndicatorProvider = {
  definitions: async () => learningDefinitions,
  figures: learningFigures,
};
