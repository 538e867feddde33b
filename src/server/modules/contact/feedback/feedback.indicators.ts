/**
 * The contact-feedback indicators for the monitor (objective 5): citizens' ratings of their 1700 contact
 * (chat or e-mail) on the four values, a mean on the 1–5 scale per value. A rating belongs to the Brussels day
 * it was given and to the answering agent's team, as in the feedback release; each rating is one of the people
 * a figure is about, with the release's k.
 */
import { brusselsDay } from '../../../../shared/brussels-day';
import { catalogues } from '../../../../shared/i18n';
import type { Db } from '../../../db/client';
import { DEFAULT_K } from '../../../platform/disclosure/planner';
import type {
  AdditiveFigure,
  IndicatorDefinition,
  IndicatorPeriod,
  IndicatorProvider,
} from '../../../platform/indicators';
import * as repo from './feedback.repo';

const scores = ['openness', 'decisiveness', 'reliability', 'agility'] as const;
type Score = (typeof scores)[number];

export const feedbackIndicatorKey = (score: Score) => `contact.feedback-${score}`;

export const feedbackDefinitions: IndicatorDefinition[] = scores.map((score) => {
  const nl = catalogues.nl.contactFeedback;
  const en = catalogues.en.contactFeedback;
  return {
    key: feedbackIndicatorKey(score),
    objective: 5,
    strategy: null,
    label: {
      nl: `Contact met 1700: ${nl.values[score].toLowerCase()}`,
      en: `Contact with 1700: ${en.values[score].toLowerCase()}`,
    },
    definition: {
      nl: `Gemiddelde score (1 = helemaal oneens, 5 = helemaal eens) die burgers in de periode gaven op de stelling “${nl.statements[score]}” na een chat of beantwoorde e-mail van 1700, in het team van de medewerker die antwoordde.`,
      en: `Mean score (1 = strongly disagree, 5 = strongly agree) citizens gave in the period to the statement “${en.statements[score]}” after a chat or answered e-mail from 1700, in the team of the agent who answered.`,
    },
    source: {
      nl: 'Anonieme beoordelingen door burgers na hun contact met 1700.',
      en: 'Anonymous ratings by citizens after their contact with 1700.',
    },
    safety: {
      nl: `Alleen getoond op minstens ${DEFAULT_K} beoordelingen, dezelfde drempel als het feedbackoverzicht van 1700; kleinere groepen worden verborgen, en zo nodig ook een buur.`,
      en: `Shown only on at least ${DEFAULT_K} ratings, the same threshold as the 1700 feedback overview; smaller groups are hidden, and a neighbour too where needed.`,
    },
    unit: 'mean',
    direction: 'higher',
    minPeople: DEFAULT_K,
  };
});

/** Per answering team: each value's sum over its number of ratings. */
export async function feedbackFigures(db: Db, period: IndicatorPeriod): Promise<AdditiveFigure[]> {
  const rows = await repo.valueSums(db, brusselsDay(period.start), brusselsDay(period.end));
  return rows.flatMap((r) =>
    scores.flatMap((score): AdditiveFigure[] => {
      const n = r[`${score}_n`];
      if (n === 0) return [];
      return [
        {
          kind: 'additive',
          indicatorKey: feedbackIndicatorKey(score),
          unitId: r.unit_id,
          numerator: r[`${score}_sum`],
          denominator: n,
          people: n,
        },
      ];
    }),
  );
}

export const feedbackIndicators: IndicatorProvider = {
  definitions: async () => feedbackDefinitions,
  figures: feedbackFigures,
};
