/**
 * The stories module's indicators for the monitor (strategy 2): stories and art submitted and published in a
 * period, counted in the author's entity at submission. A count of stories describes no person: no author,
 * value or content is part of it, and a published story is in the gallery anyway, so neither needs a
 * minimum group.
 */
import type { Db } from '../../db/client';
import type {
  AdditiveFigure,
  IndicatorDefinition,
  IndicatorPeriod,
  IndicatorProvider,
  Localised,
} from '../../platform/indicators';
import * as repo from './stories.repo';

const source: Localised = {
  nl: 'Verhalen en kunst die personeelsleden indienen in Waarden in Actie, en de beslissingen van de moderatoren.',
  en: 'Stories and art staff submit in Waarden in Actie, and the moderators’ decisions.',
};

const safety: Localised = {
  nl: 'Een aantal verhalen zegt niets over een persoon (geen auteur, inhoud of waarde); er is geen minimale groep nodig.',
  en: 'A number of stories says nothing about a person (no author, content or value); no minimum group is needed.',
};

export const storiesDefinitions: IndicatorDefinition[] = [
  {
    key: 'stories.submitted',
    objective: null,
    strategy: 2,
    label: { nl: 'Ingediende verhalen en kunst', en: 'Stories and art submitted' },
    definition: {
      nl: 'Aantal verhalen, foto’s en kunstwerken over de waarden dat personeelsleden in de periode indienden, geteld in de entiteit van de auteur bij het indienen (ook wat nog wacht of werd geweigerd).',
      en: 'Number of stories, photos and artworks about the values that staff submitted in the period, counted in the author’s entity at submission (including those still waiting or refused).',
    },
    source,
    safety,
    unit: 'count',
    direction: 'higher',
    minPeople: 0,
  },
  {
    key: 'stories.published',
    objective: null,
    strategy: 2,
    label: { nl: 'Gepubliceerde verhalen en kunst', en: 'Stories and art published' },
    definition: {
      nl: 'Aantal verhalen, foto’s en kunstwerken dat een moderator in de periode goedkeurde voor de galerij en dat nog steeds gepubliceerd is, geteld in de entiteit van de auteur bij het indienen.',
      en: 'Number of stories, photos and artworks a moderator approved for the gallery in the period and that are still published, counted in the author’s entity at submission.',
    },
    source,
    safety,
    unit: 'count',
    direction: 'higher',
    minPeople: 0,
  },
];

/** Per entity (or none, for an author outside every entity): the period's submitted and published stories. */
export async function storiesFigures(db: Db, period: IndicatorPeriod): Promise<AdditiveFigure[]> {
  const rows = await repo.periodStories(db, period.start, period.end);
  return rows.map((r) => ({
    kind: 'additive',
    indicatorKey: `stories.${r.status}`,
    unitId: r.entity_id,
    numerator: r.stories,
    denominator: 1,
    people: r.authors,
  }));
}

export const storiesIndicators: IndicatorProvider = {
  definitions: async () => storiesDefinitions,
  figures: storiesFigures,
};
