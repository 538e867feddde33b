import { crc32 } from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { type MultipartPart, multipart } from '../../../../test/support/multipart';
import { insertPerson, insertSmallTree } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { auditLog, jobs, storyImages } from '../../db/schema';
import { MAIL_QUEUE, type MailMessage } from '../../mail/mailer';

/** A photo as a phone makes it: JPEG with EXIF, including a GPS position. */
async function photoWithGps() {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 255, g: 230, b: 21 } } })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'X1', Copyright: 'Test' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '50/1 50/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 21/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();
}

const smallPng = () =>
  sharp({ create: { width: 32, height: 32, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();

/** A tiny PNG whose header claims 100,000 × 100,000 pixels (a decompression bomb's shape), with a valid CRC. */
async function hugeDimensionPng() {
  const png = Buffer.from(await smallPng());
  // IHDR data starts at byte 16: width (4), height (4); its CRC follows the 13 data bytes.
  png.writeUInt32BE(100_000, 16);
  png.writeUInt32BE(100_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

const data = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    title: 'Samen de wachtrij weggewerkt',
    body: 'Toen de wachtrij aan het loket te lang werd, sprong het hele team bij. Daadkracht in de praktijk.',
    values: ['daadkracht', 'openheid'],
    publicConsent: false,
    alts: [],
    ...overrides,
  });

describeEachEngine('stories and art', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<'author' | 'colleague' | 'coordinator' | 'otherCoordinator' | 'admin', Session>;
  let entityId = 0;
  let storyId = 0;
  let photoId = 0;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'STO', 'OVO200001');
    const other = await insertSmallTree(db, 'STO2', 'OVO200002');
    entityId = tree.entity.id;
    const author = await insertPerson(db, {
      employeeNumber: 'STO-1',
      email: 'author@sto.test',
      unitId: tree.team.id,
    });
    const colleague = await insertPerson(db, {
      employeeNumber: 'STO-2',
      email: 'colleague@sto.test',
      unitId: other.team.id,
    });
    await buildAccount(ctx.current, { email: 'author@sto.test', personId: author.id });
    await buildAccount(ctx.current, { email: 'colleague@sto.test', personId: colleague.id });
    await buildAccount(ctx.current, {
      email: 'coordinator@sto.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, {
      email: 'other@sto.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: other.entity.id }],
    });
    await buildAccount(ctx.current, { email: 'admin@sto.test', roles: [{ role: 'programme_admin' }] });
    s.author = await signIn(ctx.current, 'author@sto.test');
    s.colleague = await signIn(ctx.current, 'colleague@sto.test');
    s.coordinator = await signIn(ctx.current, 'coordinator@sto.test');
    s.otherCoordinator = await signIn(ctx.current, 'other@sto.test');
    s.admin = await signIn(ctx.current, 'admin@sto.test');
  });

  const submit = async (parts: MultipartPart[], who: Session = s.author) => {
    const body = await multipart(parts, 'image/jpeg');
    return who.inject({ method: 'POST', url: '/api/stories', ...body });
  };
  const messages = (response: { json(): { error: { issues?: { path: string; message: string }[] } } }) =>
    Object.fromEntries((response.json().error.issues ?? []).map((i) => [i.path, i.message]));

  it('refuses bad input with a clear 4xx: empty, markup, oversized, not an image, a renamed PNG, huge dimensions', async () => {
    const json = await s.author.inject({ method: 'POST', url: '/api/stories', payload: { title: 'x' } });
    expect(json.statusCode).toBe(415);

    const empty = await submit([{ name: 'data', value: data({ title: '', body: '', values: [] }) }]);
    expect(empty.statusCode).toBe(400);
    expect(messages(empty)).toMatchObject({
      'body.title': expect.any(String),
      'body.body': expect.any(String),
      'body.values': 'Kies minstens één waarde.',
    });
    const noData = await submit([]);
    expect(noData.statusCode).toBe(400);

    const script = await submit([
      { name: 'data', value: data({ body: 'Mooi verhaal <script>alert(1)</script> over openheid.' }) },
    ]);
    expect(script.statusCode).toBe(400);
    expect(messages(script)['body.body']).toContain('HTML');

    const photo = await photoWithGps();
    const tooMany = await submit([
      { name: 'data', value: data({ alts: ['een', 'twee', 'drie', 'vier', 'vijf'] }) },
      ...Array.from({ length: 5 }, (_, i) => ({ name: 'images', value: photo, fileName: `p${i}.jpg` })),
    ]);
    expect(tooMany.statusCode).toBe(400);
    expect(messages(tooMany)['body.images']).toContain('4');

    const noAlt = await submit([
      { name: 'data', value: data() },
      { name: 'images', value: photo, fileName: 'foto.jpg' },
    ]);
    expect(noAlt.statusCode).toBe(400);
    expect(messages(noAlt)).toHaveProperty('body.alts');

    const big = Buffer.concat([photo, Buffer.alloc(5 * 1024 * 1024)]);
    const oversized = await submit([
      { name: 'data', value: data({ alts: ['Een foto'] }) },
      { name: 'images', value: big, fileName: 'groot.jpg' },
    ]);
    expect(oversized.statusCode).toBe(413);
    expect(messages(oversized)['body.images']).toContain('5 MB');

    const text = await submit([
      { name: 'data', value: data({ alts: ['Geen foto'] }) },
      { name: 'images', value: '<html><script>alert(1)</script></html>', fileName: 'foto.jpg' },
    ]);
    expect(text.statusCode).toBe(415);
    expect(messages(text)['body.images.0']).toContain('geen afbeelding');

    const renamed = await submit([
      { name: 'data', value: data({ alts: ['Een PNG'] }) },
      { name: 'images', value: await smallPng(), fileName: 'foto.jpg', type: 'image/jpeg' },
    ]);
    expect(renamed.statusCode).toBe(415);
    expect(messages(renamed)['body.images.0']).toContain('JPEG-bestand maar is een PNG-bestand');

    const truncated = await submit([
      { name: 'data', value: data({ alts: ['Afgebroken'] }) },
      { name: 'images', value: photo.subarray(0, 200), fileName: 'kapot.jpg' },
    ]);
    expect(truncated.statusCode).toBe(415);

    const huge = await submit([
      { name: 'data', value: data({ alts: ['Enorm'] }) },
      { name: 'images', value: await hugeDimensionPng(), fileName: 'enorm.png', type: 'image/png' },
    ]);
    expect(huge.statusCode).toBe(400);
    expect(messages(huge)['body.images.0']).toContain('pixels');

    expect(await ctx.current.database.db.select({ id: storyImages.id }).from(storyImages)).toEqual([]);
  });

  it('stores a story with re-encoded images and no metadata (no GPS), pending moderation', async () => {
    const response = await submit([
      { name: 'data', value: data({ alts: ['Het team aan het loket', 'Een tekening'] }) },
      { name: 'images', value: await photoWithGps(), fileName: 'IMG_0001.JPG' },
      { name: 'images', value: await smallPng(), fileName: 'tekening.png', type: 'image/png' },
    ]);
    expect(response.statusCode).toBe(201);
    const story = response.json();
    expect(story).toMatchObject({
      status: 'pending',
      publicConsent: false,
      values: ['daadkracht', 'openheid'],
      mine: true,
      images: [{ alt: 'Het team aan het loket', width: 640, height: 480 }, { alt: 'Een tekening' }],
    });
    storyId = story.id;
    photoId = story.images[0].id;

    const image = await s.author.inject({ method: 'GET', url: story.images[0].url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(image.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(image.rawPayload.includes(Buffer.from('TestPhone'))).toBe(false);
    const png = await s.author.inject({ method: 'GET', url: story.images[1].url });
    expect(png.headers['content-type']).toBe('image/png');

    // Pending: not for colleagues, not for the public, not in the gallery.
    expect((await s.colleague.inject({ method: 'GET', url: story.images[0].url })).statusCode).toBe(404);
    expect((await ctx.current.app.inject({ method: 'GET', url: story.images[0].url })).statusCode).toBe(404);
    expect((await s.colleague.inject({ method: 'GET', url: `/api/stories/${storyId}` })).statusCode).toBe(
      404,
    );
    expect((await s.colleague.inject({ method: 'GET', url: '/api/stories' })).json().items).toEqual([]);
    expect((await s.author.inject({ method: 'GET', url: '/api/stories/mine' })).json().total).toBe(1);
  });

  it('puts it in the moderation queue of the entity; approval publishes it internally and mails the author', async () => {
    const queue = await s.coordinator.inject({ method: 'GET', url: '/api/stories/moderation' });
    expect(queue.json().items.map((i: { id: number }) => i.id)).toEqual([storyId]);
    expect((await s.admin.inject({ method: 'GET', url: '/api/stories/moderation' })).json().total).toBe(1);
    expect(
      (await s.otherCoordinator.inject({ method: 'GET', url: '/api/stories/moderation' })).json().total,
    ).toBe(0);
    // The moderator can look at the pending images.
    expect(
      (await s.coordinator.inject({ method: 'GET', url: `/api/stories/images/${photoId}` })).statusCode,
    ).toBe(200);

    const moderate = (who: Session, payload: Record<string, unknown>) =>
      who.inject({ method: 'POST', url: `/api/stories/${storyId}/moderation`, payload });
    expect((await moderate(s.otherCoordinator, { decision: 'approve' })).statusCode).toBe(403);
    const noReason = await moderate(s.coordinator, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(messages(noReason)['body.reason']).toContain('reden');
    const rejected = await moderate(s.coordinator, {
      decision: 'reject',
      reason: 'Er staat een naam van een burger in.',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Er staat een naam van een burger in.',
    });
    const approved = await moderate(s.coordinator, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved', rejectReason: null });

    const gallery = await s.colleague.inject({ method: 'GET', url: '/api/stories' });
    expect(gallery.json().items).toHaveLength(1);
    expect(gallery.json().items[0]).toMatchObject({ id: storyId, authorName: 'Test STO-1', mine: false });
    expect(gallery.json().entities).toEqual([{ id: entityId, nameNl: 'STO entiteit', nameEn: null }]);
    expect(
      (await s.colleague.inject({ method: 'GET', url: `/api/stories/images/${photoId}` })).statusCode,
    ).toBe(200);
    const byValue = async (query: string) =>
      (await s.colleague.inject({ method: 'GET', url: `/api/stories?${query}` })).json().total;
    expect(await byValue('value=openheid')).toBe(1);
    expect(await byValue('value=vertrouwen')).toBe(0);
    expect(await byValue(`entityId=${entityId}`)).toBe(1);
    expect(await byValue(`entityId=${entityId + 1}`)).toBe(0);
    expect((await s.colleague.inject({ method: 'GET', url: '/api/stories?value=<script>' })).statusCode).toBe(
      400,
    );

    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetType, 'story'));
    expect(audits.map((a) => a.action).sort()).toEqual(['stories.story.approve', 'stories.story.reject']);
    const mails = (await ctx.current.database.db.select().from(jobs).where(eq(jobs.queue, MAIL_QUEUE))).map(
      (j) => j.payload as MailMessage,
    );
    expect(mails.map((m) => m.to[0])).toEqual(['author@sto.test', 'author@sto.test']);
    expect(mails[0]!.text).toContain('Er staat een naam van een burger in.');
  });

  it('shows it on the public site only while the author consents, without the author name', async () => {
    const publicList = async () =>
      (await ctx.current.app.inject({ method: 'GET', url: '/api/public/stories' })).json();
    expect((await publicList()).items).toEqual([]);
    expect(
      (await ctx.current.app.inject({ method: 'GET', url: `/api/stories/images/${photoId}` })).statusCode,
    ).toBe(404);
    const consent = (who: Session, publicConsent: boolean) =>
      who.inject({ method: 'PATCH', url: `/api/stories/${storyId}/consent`, payload: { publicConsent } });
    expect((await consent(s.colleague, true)).statusCode).toBe(404);
    expect((await consent(s.author, true)).json().publicConsent).toBe(true);
    const list = await publicList();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: storyId, entity: { nameNl: 'STO entiteit' } });
    expect(JSON.stringify(list)).not.toContain('STO-1');
    const image = await ctx.current.app.inject({ method: 'GET', url: `/api/stories/images/${photoId}` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['cache-control']).toContain('public');
    await consent(s.author, false);
    expect((await publicList()).items).toEqual([]);
    expect(
      (await ctx.current.app.inject({ method: 'GET', url: `/api/stories/images/${photoId}` })).statusCode,
    ).toBe(404);
  });

  it('takes one reaction per person from a fixed set', async () => {
    const react = (who: Session, reaction: string) =>
      who.inject({ method: 'PUT', url: `/api/stories/${storyId}/reaction`, payload: { reaction } });
    expect((await react(s.colleague, 'heart')).json()).toMatchObject({
      reactions: { heart: 1 },
      myReaction: 'heart',
    });
    expect((await react(s.colleague, 'applause')).json()).toMatchObject({
      reactions: { applause: 1 },
      myReaction: 'applause',
    });
    expect((await react(s.coordinator, 'applause')).json().reactions).toEqual({ applause: 2 });
    expect((await react(s.colleague, 'points')).statusCode).toBe(400);
    const removed = await s.colleague.inject({ method: 'DELETE', url: `/api/stories/${storyId}/reaction` });
    expect(removed.json()).toMatchObject({ reactions: { applause: 1 }, myReaction: null });
  });

  it('lets the author withdraw a story, and no one else but a moderator', async () => {
    expect((await s.colleague.inject({ method: 'DELETE', url: `/api/stories/${storyId}` })).statusCode).toBe(
      404,
    );
    expect((await s.author.inject({ method: 'DELETE', url: `/api/stories/${storyId}` })).statusCode).toBe(
      200,
    );
    expect((await s.author.inject({ method: 'GET', url: `/api/stories/images/${photoId}` })).statusCode).toBe(
      404,
    );
    expect(await ctx.current.database.db.select({ id: storyImages.id }).from(storyImages)).toEqual([]);
  });
});
