/**
 * The chat service level for the monitor (objective 5): the share of chats answered within their queue's
 * target wait, computed as on the supervisor's history (answered within target over answered plus abandoned
 * after the target), for the chats that arrived in the period. It is a figure of the whole 1700 service,
 * not of a unit: chats carry no citizen identity and the measure is not split by agent or team.
 */
import { brusselsDay } from '../../../../shared/brussels-day';
import type { Db } from '../../../db/client';
import type {
  AdditiveFigure,
  IndicatorDefinition,
  IndicatorPeriod,
  IndicatorProvider,
} from '../../../platform/indicators';
import * as repo from './supervisor.repo';

export const serviceLevelDefinition: IndicatorDefinition = {
  key: 'contact.chat-service-level',
  objective: 5,
  strategy: null,
  label: { nl: 'Servicelevel van de chat van 1700', en: '1700 chat service level' },
  definition: {
    nl: 'Aandeel van de chats die in de periode binnenkwamen en binnen de streeftijd van hun wachtrij werden beantwoord, op de beantwoorde chats plus de chats die pas na de streeftijd werden opgegeven (wie binnen de streeftijd afhaakt, telt niet mee).',
    en: 'Share of the chats that arrived in the period and were answered within their queue’s target wait, out of the answered chats plus those abandoned only after the target (who leaves within the target does not count).',
  },
  source: {
    nl: 'De chatwachtrijen van 1700 (aankomst, eerste antwoord, afsluiting).',
    en: 'The 1700 chat queues (arrival, first answer, closing).',
  },
  safety: {
    nl: 'Alleen voor heel 1700, niet per team of medewerker; een chat bevat geen identiteit van de burger, dus er is geen minimale groep nodig.',
    en: 'Only for the whole of 1700, not per team or agent; a chat carries no identity of the citizen, so no minimum group is needed.',
  },
  unit: 'share',
  direction: 'higher',
  minPeople: 0,
};

/** One government-wide contribution: chats answered within target over handled chats. */
export async function serviceLevelFigures(db: Db, period: IndicatorPeriod): Promise<AdditiveFigure[]> {
  const buckets = await repo.history(db, {
    from: brusselsDay(period.start),
    to: brusselsDay(period.end),
    by: 'day',
    queueId: null,
  });
  let within = 0;
  let handled = 0;
  for (const b of buckets) {
    within += b.answered_within;
    handled += b.answered + b.abandoned - b.abandoned_within;
  }
  if (handled === 0) return [];
  return [
    {
      kind: 'additive',
      indicatorKey: serviceLevelDefinition.key,
      unitId: null,
      numerator: within,
      denominator: handled,
      people: handled,
    },
  ];
}

export const serviceLevelIndicators: IndicatorProvider = {
  definitions: async () => [serviceLevelDefinition],
  figures: serviceLevelFigures,
};
