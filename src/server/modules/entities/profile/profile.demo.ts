import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { renderMarkdown } from '../../content/content.markdown';
import * as repo from './profile.repo';

const stories: { nl: string; en: string }[] = [
  {
    nl: `_Voorbeeld met synthetische demogegevens._

## Waarom onze waarden ertoe doen

Wij ondersteunen de hele Vlaamse overheid als werkgever. Onze waarden zijn de kapstok voor hoe we dat doen: **open** over keuzes, **daadkrachtig** als het moet, met **vertrouwen** in elkaar en **wendbaar** als de vraag verandert.

## Wat we concreet doen

- Elk teamoverleg opent met één vraag: wat hebben we deze week gedeeld dat anderen verder hielp?
- Nieuwe collega's krijgen een waardenambassadeur als aanspreekpunt.
- We evalueren elk project ook op de waarden, niet alleen op het resultaat.`,
    en: `_Example with synthetic demo data._

## Why our values matter

We support the whole Flemish government as an employer. Our values are the coat rack for how we do it: **open** about choices, **decisive** when needed, **trusting** each other and **agile** when the question changes.

## What we do

- Every team meeting opens with one question: what did we share this week that helped others?
- New colleagues get a value ambassador as their first point of contact.
- We evaluate every project on the values too, not only on its result.`,
  },
  {
    nl: `_Voorbeeld met synthetische demogegevens._

## Onze waarden in het werk met burgers

Wij geven burgers duidelijke antwoorden en leggen onze beslissingen uit. Openheid betekent voor ons: de burger kan elke stap volgen.`,
    en: `_Example with synthetic demo data._

## Our values in our work with citizens

We give citizens clear answers and explain our decisions. Openness means for us: the citizen can follow every step.`,
  },
  {
    nl: `_Voorbeeld met synthetische demogegevens._

## Vertrouwen als vertrekpunt

Teams plannen hun eigen werk. Leidinggevenden coachen en geven ruimte om te experimenteren, ook als iets mislukt.`,
    en: `_Example with synthetic demo data._

## Trust as the starting point

Teams plan their own work. Managers coach and give room to experiment, also when something fails.`,
  },
];

/**
 * Demo value profiles: the demo entity and the two entities after it, with a story, three ambassadors from
 * their own roster, and published. Marked synthetic. Idempotent: an entity with a profile is left alone.
 */
export async function seedProfileDemo(db: Db, entityCode: string): Promise<void> {
  const demoId = await repo.findEntityIdByCode(db, entityCode);
  if (!demoId) return;
  const others = await queryRows<{ id: number }>(
    db,
    sql`select id from org_units where kind = 'entity' and id <> ${demoId} order by id limit 2`,
  );
  for (const [i, entityId] of [demoId, ...others.map((o) => o.id)].entries()) {
    if (await repo.findProfile(db, entityId)) continue;
    const entity = (await repo.findEntity(db, entityId))!;
    const story = stories[i % stories.length]!;
    await repo.upsertStory(
      db,
      entityId,
      {
        storyNl: story.nl,
        storyEn: story.en,
        storyHtmlNl: renderMarkdown(story.nl).html,
        storyHtmlEn: renderMarkdown(story.en).html,
      },
      null,
      true,
    );
    const people = await repo.searchRoster(db, entity, ' ');
    await repo.replaceAmbassadors(
      db,
      entityId,
      people.slice(0, 3).map((p) => p.person_id),
    );
    await repo.setPublished(db, entityId, true, null);
  }
}
