/**
 * The content module's indicator for the monitor (objective 5): the share of public pages that visitors found
 * useful in a period, from the anonymous "was this page useful?" answers (only their day is kept). A page is
 * one slug in one language, as on the page-feedback overview; it counts as found useful when more than half
 * of its answers in the period say so.
 */
import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import type {
  AdditiveFigure,
  IndicatorDefinition,
  IndicatorPeriod,
  IndicatorProvider,
} from '../../platform/indicators';
import * as repo from './content.repo';

export const pagesUsefulDefinition: IndicatorDefinition = {
  key: 'content.pages-useful',
  objective: 5,
  strategy: null,
  label: { nl: 'Publieke pagina’s die nuttig bevonden worden', en: 'Public pages found useful' },
  definition: {
    nl: 'Aandeel van de publieke pagina’s (per taal) met antwoorden op “Was deze pagina nuttig?” in de periode, waarvoor meer dan de helft van die antwoorden “ja” was.',
    en: 'Share of the public pages (per language) with answers to “Was this page useful?” in the period for which more than half of those answers were “yes”.',
  },
  source: {
    nl: 'De anonieme vraag “Was deze pagina nuttig?” onderaan elke publieke pagina.',
    en: 'The anonymous question “Was this page useful?” at the bottom of every public page.',
  },
  safety: {
    nl: 'Alleen voor de hele website; een antwoord bewaart alleen de dag, nooit de bezoeker, dus er is geen minimale groep nodig.',
    en: 'Only for the whole website; an answer keeps only its day, never the visitor, so no minimum group is needed.',
  },
  unit: 'share',
  direction: 'higher',
  minPeople: 0,
};

/** One government-wide contribution: pages found useful over pages with answers. */
export async function pagesUsefulFigures(db: Db, period: IndicatorPeriod): Promise<AdditiveFigure[]> {
  const pages = await repo.feedbackPerPage(db, brusselsDay(period.start), brusselsDay(period.end));
  if (pages.length === 0) return [];
  return [
    {
      kind: 'additive',
      indicatorKey: pagesUsefulDefinition.key,
      unitId: null,
      numerator: pages.filter((p) => p.useful > p.not_useful).length,
      denominator: pages.length,
      people: pages.reduce((sum, p) => sum + p.useful + p.not_useful, 0),
    },
  ];
}

export const contentIndicators: IndicatorProvider = {
  definitions: async () => [pagesUsefulDefinition],
  figures: pagesUsefulFigures,
};
