import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demo,
  describeWithBrowser,
  type E2E,
  expectAccessible,
  focused,
  goto,
  pageProblems,
  signInAs,
  startE2E,
  tabTo,
} from './support/browser';

const appreciation =
  'Bart, je legde in het overleg van dinsdag open uit waarom de planning schoof. Zo wist iedereen waar we stonden.';

describeWithBrowser('addressing each other, stories and art in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('appreciates a colleague with limited visibility, checked from the other accounts, with the keyboard', async () => {
    // Sofie (employee) writes to Bart (manager of her division); "with the recipient's manager": Hilde, the executive.
    const page = await e2e.newPage();
    await signInAs(page, demo('employee'));
    await goto(page, '/waardering');
    expect(await page.textContent('.rec-note')).toContain('nooit gebruikt bij evaluaties');
    await expectAccessible(page, 'recognition page (nl)');

    await page.getByLabel('Zoek een collega op naam').fill('Jacobs');
    await page.getByRole('radio', { name: /Bart Jacobs/ }).waitFor();
    // Each colleague shows the units from the entity down, so equal names can be told apart.
    expect(await page.textContent('.rec-options')).toMatch(/Bart Jacobs — .+ › .+/);
    // The search matches the start of a name, not its middle: "acobs" finds nobody.
    await page.getByLabel('Zoek een collega op naam').fill('acobs');
    await expect.poll(() => page.textContent('.rec-options')).not.toContain('Jacobs');
    await page.getByLabel('Zoek een collega op naam').fill('Jacobs');
    await page.getByRole('radio', { name: /Bart Jacobs/ }).waitFor();
    // Keyboard: from the search field to the colleague, chosen with Space.
    await page.getByLabel('Zoek een collega op naam').focus();
    await tabTo(page, /^input:recipient$/);
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: /Bart Jacobs/ }).isChecked()).toBe(true);

    // Too short first: the server's message says what is missing.
    await page.getByRole('checkbox', { name: 'Openheid' }).check({ force: true });
    await page.getByLabel('Je bericht').fill('Bedankt!');
    await page.getByRole('radio', { name: 'Ook de leidinggevende van de ontvanger' }).check();
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await expect
      .poll(() => page.locator('.field__error').allTextContents())
      .toContainEqual(expect.stringContaining('beschrijf concreet'));
    await expectAccessible(page, 'recognition form with errors');

    await page.getByLabel('Je bericht').fill(appreciation);
    await tabTo(page, /^button:Bericht versturen$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.toasts [role="status"]').textContent()).toContain('Bart Jacobs');
    await page.getByRole('tab', { name: 'Verzonden' }).click();
    await expect.poll(() => page.locator('.tabs__panel').textContent()).toContain(appreciation);
    expect(pageProblems(page)).toEqual([]);

    // The recipient (in English) sees it and may narrow, never widen, who sees it.
    const bart = await e2e.newPage({ locale: 'en' });
    await signInAs(bart, demo('manager'));
    await goto(bart, '/waardering');
    expect(await bart.textContent('.rec-note')).toContain('never used in evaluations');
    const received = bart.locator('.rec-card', { hasText: appreciation });
    await received.waitFor();
    expect(await received.textContent()).toContain('Also the recipient');
    const options = await received.locator('select option').allTextContents();
    expect(options).toEqual(['Only the recipient (and me)', "Also the recipient's manager"]);
    await expectAccessible(bart, 'recognition page (en), received');

    // Hilde, the recipient's manager, sees it in her feed; An (another division) does not.
    const hilde = await e2e.newPage();
    await signInAs(hilde, demo('executive'));
    await goto(hilde, '/waardering');
    await hilde.getByRole('tab', { name: 'Mijn team' }).click();
    await expect.poll(() => hilde.locator('.tabs__panel').textContent()).toContain(appreciation);
    const an = await e2e.newPage();
    await signInAs(an, demo('admin'));
    await goto(an, '/waardering');
    await an.getByRole('tab', { name: 'Mijn team' }).click();
    await expect.poll(() => an.locator('.tabs__panel').textContent()).not.toContain('Jacobs');

    // Bart narrows it to himself: Hilde no longer sees it.
    await received.locator('select').selectOption({ label: 'Only the recipient (and me)' });
    await received.getByRole('button', { name: 'Narrow' }).click();
    await expect.poll(() => bart.locator('.toasts [role="status"]').textContent()).toContain('narrowed');
    await goto(hilde, '/waardering');
    await hilde.getByRole('tab', { name: 'Mijn team' }).click();
    await expect.poll(() => hilde.locator('.tabs__panel').textContent()).not.toContain(appreciation);

    // Reporting opens a dialog that the keyboard can close again.
    await received.getByRole('button', { name: 'Report as inappropriate' }).focus();
    await bart.keyboard.press('Enter');
    await bart.getByRole('dialog').waitFor();
    expect(await focused(bart)).toMatch(/^textarea/);
    await expectAccessible(bart, 'report dialog');
    await bart.keyboard.press('Escape');
    await expect.poll(() => bart.getByRole('dialog').count()).toBe(0);
  });

  it('submits a story with a photo, moderates it and publishes it on the public site with consent', async () => {
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 255, g: 230, b: 21 } },
    })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 50/1 0/1' } })
      .jpeg()
      .toBuffer();
    const title = 'Het loket dat openbleef';
    const page = await e2e.newPage();
    await signInAs(page, demo('employee'));
    await goto(page, '/galerij/nieuw');
    await expectAccessible(page, 'story form');
    await page.getByLabel('Titel').fill(title);
    await page
      .getByLabel('Je verhaal')
      .fill('Toen de storing duurde, bleef ons team tot de laatste burger geholpen was. Daadkracht.');
    await page.getByRole('checkbox', { name: 'Daadkracht' }).check({ force: true });
    // A file that is not an image is refused with a clear message.
    await page.setInputFiles('#story-images', {
      name: 'foto.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('<script>alert(1)</script>'),
    });
    await page.getByLabel('Beschrijving van foto.jpg').fill('Geen foto');
    await page.getByRole('button', { name: 'Indienen voor moderatie' }).click();
    await expect.poll(() => page.locator('#story-images-error').textContent()).toContain('geen afbeelding');

    await page.setInputFiles('#story-images', { name: 'loket.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByLabel('Beschrijving van loket.jpg').fill('Het team aan het loket, laat op de avond');
    await page.getByRole('checkbox', { name: /publieke website/ }).check({ force: true });
    await page.getByRole('button', { name: 'Indienen voor moderatie' }).click();
    await page.waitForURL('**/galerij/mijn');
    await settleText(page, 'Wacht op moderatie');
    await expectAccessible(page, 'my stories');

    // Not public before moderation.
    const visitor = await e2e.newPage();
    await goto(visitor, '/verhalen');
    expect(await visitor.textContent('main')).not.toContain(title);

    // The coordinator of the entity approves it.
    const coordinator = await e2e.newPage();
    await signInAs(coordinator, demo('coordinator'));
    await goto(coordinator, '/beheer/moderatie');
    const card = coordinator.locator('li', { hasText: title }).first();
    await card.waitFor();
    await expectAccessible(coordinator, 'moderation');
    await card.getByRole('button', { name: 'Goedkeuren' }).click();
    await expect
      .poll(() => coordinator.locator('.toasts [role="status"]').textContent())
      .toContain('goedgekeurd');

    // The gallery filters by value; the public site shows it, with the re-encoded photo, in Dutch and English.
    await goto(page, '/galerij');
    await page.locator('select').first().selectOption('daadkracht');
    await expect.poll(() => page.locator('main').textContent()).toContain(title);
    await page.locator('select').first().selectOption('vertrouwen');
    await expect.poll(() => page.locator('main').textContent()).not.toContain(title);
    await expectAccessible(page, 'gallery');

    for (const locale of ['nl', 'en'] as const) {
      const reader = await e2e.newPage({ locale });
      await goto(reader, '/verhalen');
      const story = reader.locator('article', { hasText: title });
      await story.waitFor();
      expect(await story.textContent()).not.toContain('Mertens');
      const image = story.getByRole('img', { name: 'Het team aan het loket, laat op de avond' });
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
      expect(await reader.textContent('h1')).toBe(locale === 'nl' ? 'Verhalen' : 'Stories');
      await expectAccessible(reader, `public stories (${locale})`);
    }
    const published = await e2e.app.inject({ method: 'GET', url: '/api/public/stories' });
    const url = published.json().items[0].images[0].url as string;
    const response = await visitor.request.get(url);
    expect(response.headers()['content-type']).toBe('image/jpeg');
    const meta = await sharp(await response.body()).metadata();
    expect(meta.exif).toBeUndefined();
  });

  it('shows the manager the values per team only above the threshold', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('manager'));
    await goto(page, '/waardering/overzicht');
    await page.locator('table').waitFor();
    expect(await page.textContent('main')).toContain('minstens 5 personen');
    // Every row either shows figures about at least 5 people or is hidden; small teams are hidden.
    const rows = await page.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        hidden: !!tr.querySelector('td[colspan]'),
        people: Number(tr.querySelector('td')?.textContent?.replace(/\D/g, '') ?? 0),
      })),
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.some((r) => r.hidden)).toBe(true);
    for (const row of rows) if (!row.hidden) expect(row.people).toBeGreaterThanOrEqual(5);
    await expectAccessible(page, 'recognition overview');
  });
});

async function settleText(page: import('playwright-core').Page, text: string) {
  await expect.poll(() => page.locator('main').textContent()).toContain(text);
}
