/**
 * The staff survey's indicators for the monitor: leaders setting the example (objective 1), the value indexes
 * (objective 3) and participation (strategy 4). A survey is per wave, not per quarter: a closed wave's figures
 * belong to the period in which it closed (the last wave to close in it, if several did). Figures are what the
 * results show, with no filter: the same aggregates over the snapshot units (the respondents' units as
 * recorded) and the same disclosure plans, so they are given per unit as they are, never summed again, and a
 * unit the results hide has no figure here either. Answers carry no identity; nothing here reads them apart
 * from the results' aggregates.
 */
import { valueKeys } from '../../../shared/domain';
import { catalogues } from '../../../shared/i18n';
import type { Db } from '../../db/client';
import { DEFAULT_K } from '../../platform/disclosure/planner';
import type {
  GivenFigure,
  IndicatorDefinition,
  IndicatorPeriod,
  IndicatorProvider,
  Localised,
} from '../../platform/indicators';
import { largestClosedK, shownWaveFigures } from './results/results.service';

/** The standard questionnaire's items on managers who set the example end in `.leader` (survey.standard.ts). */
const isLeaderItem = (itemKey: string) => itemKey.endsWith('.leader');

export const surveyValueKey = (value: string) => `survey.value-index-${value}`;

const source: Localised = {
  nl: 'De personeelspeiling van Waarden in Actie: de resultaten van de laatste golf die in de periode werd afgesloten.',
  en: 'The Waarden in Actie staff survey: the results of the last wave closed in the period.',
};

const safety = (k: number): Localised => ({
  nl: `Precies wat de resultaten van de peiling tonen: alleen groepen met minstens k respondenten (de k van de peiling, hier ${k}), en geen groep die uit andere af te leiden is. Antwoorden dragen geen identiteit.`,
  en: `Exactly what the survey results show: only groups of at least k respondents (the survey's k, here ${k}), and no group that can be derived from others. Answers carry no identity.`,
});

async function definitions(db: Db): Promise<IndicatorDefinition[]> {
  // A wave's k may be raised above the default; the monitor's rule is the strictest of them.
  const k = Math.max(DEFAULT_K, (await largestClosedK(db)) ?? DEFAULT_K);
  const common = { source, safety: safety(k), minPeople: k };
  return [
    {
      key: 'survey.leaders-example',
      objective: 1,
      strategy: null,
      label: { nl: 'Leidinggevenden geven het voorbeeld', en: 'Managers set the example' },
      definition: {
        nl: 'Aandeel instemmende antwoorden (eens of helemaal eens) op de stellingen “Mijn leidinggevende geeft zelf het voorbeeld als het over … gaat”, over de vier waarden samen, in de eenheid van de respondent zoals vastgelegd bij de peiling.',
        en: 'Share of agreeing answers (agree or strongly agree) to the statements “My manager sets the example when it comes to …”, over the four values together, in the respondent’s unit as recorded by the survey.',
      },
      unit: 'share',
      direction: 'higher',
      ...common,
    },
    ...valueKeys.map(
      (value): IndicatorDefinition => ({
        key: surveyValueKey(value),
        objective: 3,
        strategy: null,
        label: {
          nl: `Waarden-index ${catalogues.nl.learning.values[value].toLowerCase()}`,
          en: `Value index ${catalogues.en.learning.values[value].toLowerCase()}`,
        },
        definition: {
          nl: `Gemiddelde van de waarden-index (0–100) van ${catalogues.nl.learning.values[value].toLowerCase()}: per respondent het gemiddelde van de stellingen over die waarde (kennen, uitleggen, toepassen, voorbeeld, aanspreken), herschaald naar 0–100, als de respondent er minstens de helft van beantwoordde.`,
          en: `Mean of the value index (0–100) of ${catalogues.en.learning.values[value].toLowerCase()}: per respondent the mean of the statements on that value (knowing, explaining, applying, example, addressing), rescaled to 0–100, when the respondent answered at least half of them.`,
        },
        unit: 'mean',
        scale: { min: 0, max: 100 },
        direction: 'higher',
        ...common,
      }),
    ),
    {
      key: 'survey.participation',
      objective: null,
      strategy: 4,
      label: { nl: 'Deelname aan de personeelspeiling', en: 'Staff survey participation' },
      definition: {
        nl: 'Aandeel van de uitgenodigde personeelsleden dat de peiling invulde, per eenheid zoals bij de uitnodiging vastgelegd.',
        en: 'Share of the invited staff who completed the survey, per unit as recorded at the invitation.',
      },
      unit: 'share',
      direction: 'higher',
      ...common,
    },
  ];
}

/** Per unit shown by the results of the period's last closed wave: the figures as the results show them. */
async function figures(db: Db, period: IndicatorPeriod): Promise<GivenFigure[]> {
  const out: GivenFigure[] = [];
  const given = new Set<string>();
  const give = (indicatorKey: string, unitId: number | null, value: number, people: number) => {
    const key = `${indicatorKey}|${unitId ?? ''}`;
    if (given.has(key)) return;
    given.add(key);
    out.push({ kind: 'given', indicatorKey, unitId, value, people });
  };
  for (const { units } of await shownWaveFigures(db, period.start, period.end)) {
    for (const u of units) {
      if (u.respondents !== null && u.invited > 0)
        give('survey.participation', u.unitId, u.respondents / u.invited, u.respondents);
      for (const [value, figure] of u.values)
        if (figure && (valueKeys as readonly string[]).includes(value))
          give(surveyValueKey(value), u.unitId, figure.index, figure.n);
      const leaders = [...u.items].filter(([key]) => isLeaderItem(key)).map(([, figure]) => figure);
      if (leaders.length > 0 && leaders.every((f) => f !== null)) {
        const n = leaders.reduce((sum, f) => sum + f!.n, 0);
        const favourable = leaders.reduce((sum, f) => sum + f!.favourable, 0);
        if (n > 0)
          give('survey.leaders-example', u.unitId, favourable / n, Math.max(...leaders.map((f) => f!.n)));
      }
    }
  }
  return out;
}

export const surveyIndicators: IndicatorProvider = { definitions, figures };
