/**
 * The recognition module's indicators for the monitor (objective 3): value-tagged appreciations per 100 staff,
 * one indicator per value. As in the appreciation release, an appreciated active person is counted in the
 * unit they are in at the snapshot, feedback messages and hidden messages do not count, and the people a
 * figure is about are the appreciated persons, with the release's k.
 */
import { catalogues } from '../../../shared/i18n';
import type { Db } from '../../db/client';
import { type ValueKey, valueKeys } from '../../db/schema';
import { DEFAULT_K } from '../../platform/disclosure/planner';
import type {
  AdditiveFigure,
  IndicatorDefinition,
  IndicatorPeriod,
  IndicatorProvider,
} from '../../platform/indicators';
import * as repo from './recognition.repo';

export const recognitionIndicatorKey = (value: ValueKey) => `recognition.rate-${value}`;

export const recognitionDefinitions: IndicatorDefinition[] = valueKeys.map((value) => {
  const nl = catalogues.nl.learning.values[value];
  const en = catalogues.en.learning.values[value];
  return {
    key: recognitionIndicatorKey(value),
    objective: 3,
    strategy: null,
    label: {
      nl: `Waarderingen voor ${nl.toLowerCase()} per 100 personeelsleden`,
      en: `Appreciations for ${en.toLowerCase()} per 100 staff`,
    },
    definition: {
      nl: `Aantal waarderingen tussen collega’s dat in de periode werd verstuurd met de waarde ${nl.toLowerCase()}, per 100 actieve personeelsleden. Een waardering telt in de huidige eenheid van wie ze ontving; feedbackberichten en door moderatoren verborgen berichten tellen niet.`,
      en: `Number of appreciations between colleagues sent in the period tagged with the value ${en.toLowerCase()}, per 100 active staff. An appreciation counts in the current unit of whoever received it; feedback messages and messages hidden by moderators do not count.`,
    },
    source: {
      nl: 'Waarderingsberichten in Waarden in Actie.',
      en: 'Appreciation messages in Waarden in Actie.',
    },
    safety: {
      nl: `Alleen getoond als minstens ${DEFAULT_K} verschillende personen een waardering ontvingen, dezelfde drempel als de waarderingsoverzichten; kleinere groepen worden verborgen, en zo nodig ook een buur.`,
      en: `Shown only when at least ${DEFAULT_K} different people received an appreciation, the same threshold as the appreciation overviews; smaller groups are hidden, and a neighbour too where needed.`,
    },
    unit: 'rate',
    direction: 'higher',
    minPeople: DEFAULT_K,
  };
});

/** Per unit with active staff and per value: appreciations over the unit's staff, about their recipients. */
export async function recognitionFigures(db: Db, period: IndicatorPeriod): Promise<AdditiveFigure[]> {
  const { received, staff } = await repo.periodAppreciations(db, period.start, period.end);
  const got = new Map(received.map((r) => [`${r.unit_id}|${r.value_key}`, r]));
  return staff.flatMap((s) =>
    valueKeys.map((value): AdditiveFigure => {
      const r = got.get(`${s.unit_id}|${value}`);
      return {
        kind: 'additive',
        indicatorKey: recognitionIndicatorKey(value),
        unitId: s.unit_id,
        numerator: r?.messages ?? 0,
        denominator: s.n,
        people: r?.recipients ?? 0,
      };
    }),
  );
}

export const recognitionIndicators: IndicatorProvider = {
  definitions: async () => recognitionDefinitions,
  figures: recognitionFigures,
};
