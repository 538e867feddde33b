import { quarterOf } from '../../../../shared/api/entities-support';
import type { Db } from '../../../db/client';
import * as repo from './support.repo';

const items: repo.ItemValues[] = [
  {
    titleNl: 'Workshop: de waarden in je teamoverleg',
    titleEn: 'Workshop: the values in your team meeting',
    descriptionNl:
      'Een halve dag met je team: welke waarde leeft al, welke nog niet, en één afspraak om mee te starten. (Voorbeeld, synthetische demogegevens.)',
    descriptionEn:
      'Half a day with your team: which value already lives, which does not yet, and one agreement to start with. (Example, synthetic demo data.)',
    format: 'workshop',
    durationMinutes: 210,
    capacityPerQuarter: 6,
    values: ['openheid', 'vertrouwen'],
  },
  {
    titleNl: 'Coaching voor leidinggevenden: leiden op vertrouwen',
    titleEn: 'Coaching for managers: leading on trust',
    descriptionNl:
      'Drie individuele gesprekken met een coach over ruimte geven en verantwoordelijkheid delen. (Voorbeeld, synthetische demogegevens.)',
    descriptionEn:
      'Three one-to-one sessions with a coach on giving room and sharing responsibility. (Example, synthetic demo data.)',
    format: 'coaching',
    durationMinutes: 180,
    capacityPerQuarter: 4,
    values: ['vertrouwen', 'daadkracht'],
  },
  {
    titleNl: 'Toolkit: waardengesprek in tien kaarten',
    titleEn: 'Toolkit: a values conversation in ten cards',
    descriptionNl:
      'Een kaartenset met vragen en situaties om zelf een waardengesprek te leiden. (Voorbeeld, synthetische demogegevens.)',
    descriptionEn:
      'A card set with questions and situations to lead a values conversation yourself. (Example, synthetic demo data.)',
    format: 'toolkit',
    durationMinutes: 60,
    capacityPerQuarter: 20,
    values: ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'],
  },
];

/**
 * The demo support offer and two requests of the demo entity (one accepted, one delivered and evaluated),
 * all marked synthetic. Idempotent: does nothing when any item exists. No e-mails.
 */
export async function seedSupportDemo(db: Db, entityId: number | undefined): Promise<void> {
  if ((await repo.countItems(db)) > 0) return;
  const created = [];
  for (const item of items) created.push(await repo.insertItem(db, { ...item, synthetic: true }));
  if (!entityId) return;
  const quarter = quarterOf(new Date());
  await repo.insertRequest(db, {
    itemId: created[0]!.id,
    entityId,
    quarter,
    note: 'Voor de teams van de afdeling personeel. (Voorbeeld.)',
    requestedBy: null,
    status: 'accepted',
    synthetic: true,
  });
  await repo.insertRequest(db, {
    itemId: created[2]!.id,
    entityId,
    quarter,
    note: 'Twee sets voor de onthaalwerking. (Voorbeeld.)',
    requestedBy: null,
    status: 'evaluated',
    rating: 4,
    evaluationComment: 'Bruikbaar; de kaarten over wendbaarheid werkten het best. (Voorbeeld.)',
    synthetic: true,
  });
}
