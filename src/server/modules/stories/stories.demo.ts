import type { Db } from '../../db/client';
import { processImage } from './stories.images';
import * as repo from './stories.repo';

/**
 * Demo stories by synthetic colleagues of the demo entity: two approved (one also public, with a generated
 * picture), one waiting for moderation. Idempotent: does nothing when any story exists.
 */
export async function seedStoriesDemo(db: Db, entityCode: string): Promise<void> {
  if ((await repo.countStories(db)) > 0) return;
  const authors = await repo.findDemoAuthors(db, entityCode, 3);
  if (authors.length < 3) return;
  const { default: sharp } = await import('sharp');
  const picture = await sharp({
    create: { width: 960, height: 540, channels: 3, background: { r: 255, g: 230, b: 21 } },
  })
    .composite([
      {
        input: Buffer.from(
          '<svg width="960" height="540" xmlns="http://www.w3.org/2000/svg"><circle cx="480" cy="270" r="180" fill="#333332"/><circle cx="480" cy="270" r="90" fill="#ffe615"/></svg>',
        ),
      },
    ])
    .png()
    .toBuffer();
  const image = await processImage(0, { fileName: 'kunstwerk.png', mimeType: 'image/png', bytes: picture });
  const stories = [
    {
      title: 'Een kunstwerk over vertrouwen',
      body: 'Op onze teamdag maakten we samen een schilderij: een cirkel in een cirkel. Wie in het midden staat, wordt gedragen door wie errond staat. Zo willen we met elkaar en met burgers omgaan.',
      values: ['vertrouwen' as const],
      publicConsent: true,
      images: [{ ...image, alt: 'Een zwarte cirkel met een gele kern op een gele achtergrond' }],
      approve: true,
    },
    {
      title: 'Samen de achterstand weggewerkt',
      body: 'Toen de aanvragen zich opstapelden, sprongen collega’s van drie teams bij. We spraken af wie wat deed en hielden elkaar elke ochtend op de hoogte. Na twee weken was de achterstand weg.',
      values: ['daadkracht' as const, 'openheid' as const],
      publicConsent: false,
      images: [],
      approve: true,
    },
    {
      title: 'Nieuwe werkwijze aan het loket',
      body: 'We probeerden een maand lang een andere volgorde aan het loket, op vraag van burgers. Sommige dingen werkten, andere niet: dat vertellen we hier eerlijk.',
      values: ['wendbaarheid' as const],
      publicConsent: true,
      images: [],
      approve: false,
    },
  ];
  for (const [i, story] of stories.entries()) {
    const author = authors[i]!;
    const id = await repo.insertStory(db, {
      authorPersonId: author.id,
      entityId: author.entity_id,
      title: story.title,
      body: story.body,
      publicConsent: story.publicConsent,
      values: story.values,
      images: story.images.map((img) => ({
        mimeType: img.mimeType,
        width: img.width,
        height: img.height,
        alt: img.alt,
        data: img.data,
      })),
    });
    if (story.approve)
      await repo.setModeration(db, id, { status: 'approved', accountId: null, reason: null });
  }
}
