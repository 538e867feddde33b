import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demo,
  describeWithBrowser,
  type E2E,
  expectAccessible,
  focused,
  goto,
  signInAs,
  startE2E,
  tabTo,
} from './support/browser';

describeWithBrowser('learning path, dilemmas and progress in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('nl: follows the openness path with the keyboard, completes it, solves a dilemma and sees the progress', async () => {
    const page = await e2e.newPage({ locale: 'nl' });
    await signInAs(page, demo('employee'));
    await goto(page, '/leren');
    expect(await page.textContent('h1')).toBe('Leren over de waarden');
    expect(await page.textContent('nav[aria-label="Hoofdmenu"]')).toContain('Leren');
    await page.locator('.learning-module-card').first().waitFor();
    expect(await page.locator('.learning-module-card').count()).toBe(4);
    await expectAccessible(page, '/leren (nl)');

    await page.getByRole('link', { name: 'Openheid in de praktijk' }).click();
    await page.waitForURL('**/leren/openheid');
    await page.locator('#learning-step-heading').waitFor();
    // The entity's own words stand next to the central text.
    await expect.poll(() => page.textContent('.learning-aside')).toMatch(/In de woorden van/);
    expect(await page.locator('.learning-step__image').getAttribute('alt')).toMatch(/open deur/);
    await expectAccessible(page, 'module step 1 (nl)');

    // Keyboard: next step twice; focus moves to the new step's heading.
    await tabTo(page, /^button:Volgende stap$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('h2:Openheid in je werk');
    await tabTo(page, /^button:Volgende stap$/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.textContent('#learning-step-heading'))
      .toBe('Valkuilen en vragen voor jezelf');
    await tabTo(page, /^button:Ik heb dit leerpad doorlopen$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.alert--success').textContent()).toContain('Leerpad doorlopen');
    await expectAccessible(page, 'module completed (nl)');

    await page.getByRole('link', { name: 'Oefen met de dilemma’s bij deze waarde' }).click();
    await page.waitForURL('**/leren/oefenen?waarde=openheid');
    await page.locator('.learning-question').waitFor();
    expect(await page.textContent('h1')).toBe('Dilemma’s: Openheid');
    await expectAccessible(page, 'dilemma (nl)');

    // Checking without a choice asks for one; a choice without a justification gets the server's message.
    await page.getByRole('button', { name: 'Antwoord controleren' }).click();
    await expect
      .poll(() => page.locator('.learning-radio-group .field__error').textContent())
      .toBe('Kies eerst een antwoord.');
    // Keyboard: back from the button into the radio group, then an arrow key chooses the next option.
    await tabTo(page, /^input:/, { shift: true });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.learning-radio[data-selected]').count()).toBe(1);
    expect(await page.textContent('h1')).toBe('Dilemma’s: Openheid');
    await page.getByRole('button', { name: 'Antwoord controleren' }).click();
    await expect
      .poll(() => page.locator('.field__error').allTextContents())
      .toContain('Licht je keuze toe in minstens 15 tekens.');
    await page
      .getByLabel('Waarom kies je dit?')
      .fill('Zo begrijpt de burger de beslissing en kan hij verder.');
    await page.getByRole('button', { name: 'Antwoord controleren' }).click();
    await page.locator('.learning-feedback').waitFor();
    expect(await focused(page)).toMatch(/^h3:(Juist!|Niet helemaal\.)$/);
    expect(await page.locator('.learning-feedback__options li').count()).toBe(3);
    expect(await page.textContent('.learning-feedback')).toContain('Waarden die hier spelen:');
    await expectAccessible(page, 'dilemma feedback (nl)');
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await expect.poll(() => page.textContent('.learning-question h2')).toBeTruthy();

    await goto(page, '/leren/voortgang');
    await page.locator('table').waitFor();
    const openheidRow = page.locator('tbody tr').first();
    expect(await openheidRow.locator('th').textContent()).toBe('Openheid');
    expect(await openheidRow.locator('td').first().textContent()).toMatch(/^✓ /);
    expect(await page.textContent('main')).toContain('Je resultaten zijn van jou alleen');
    // The own history shows the justification back; erasing wipes everything after a confirmation.
    await expect
      .poll(() => page.textContent('.learning-history'))
      .toContain('Zo begrijpt de burger de beslissing en kan hij verder.');
    await expectAccessible(page, '/leren/voortgang (nl)');
    await page.getByRole('button', { name: 'Mijn resultaten wissen' }).click();
    await page.getByRole('alertdialog').waitFor();
    await expectAccessible(page, 'erase confirmation (nl)');
    await page.getByRole('button', { name: 'Definitief wissen' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Je hebt nog geen vragen beantwoord.');
    await expect
      .poll(() => page.locator('tbody tr').first().locator('td').first().textContent())
      .toBe('Start het leerpad');
  });

  it('en: answers knowledge checks, a wrong answer is scheduled to come back, and progress shows in English', async () => {
    const page = await e2e.newPage({ locale: 'en' });
    await signInAs(page, demo('manager'));
    await goto(page, '/leren/oefenen?niveau=kennen');
    expect(await page.textContent('h1')).toBe('Practise');
    await page.locator('.learning-question').waitFor();
    await expectAccessible(page, 'knows question (en)');
    const names = ['Openness', 'Decisiveness', 'Trust', 'Agility'];
    for (const name of names) expect(await page.getByRole('radio', { name }).count()).toBe(1);

    let wrongSeen = false;
    for (let i = 0; i < 4; i++) {
      await page.locator('.learning-radio', { hasText: names[i % 4] }).click();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.learning-feedback').waitFor();
      const text = (await page.textContent('.learning-feedback')) ?? '';
      expect(text).toMatch(/The answer is: (Openness|Decisiveness|Trust|Agility)\./);
      if (text.includes('Not quite.')) {
        wrongSeen = true;
        expect(text).toMatch(/This question comes back on .+, so you can try it again\./);
      }
      if (i === 0) await expectAccessible(page, 'knows feedback (en)');
      await page.getByRole('button', { name: /^(Next question|Finish the set)$/ }).click();
    }
    // Four answers, one per value: at most one is right, so at least three come back.
    expect(wrongSeen).toBe(true);

    await goto(page, '/leren/voortgang');
    await page.locator('table').waitFor();
    expect(await page.textContent('caption')).toBe('My progress per value and level');
    expect(await page.textContent('thead')).toContain('Know');
    expect(await page.textContent('main')).toMatch(
      /question(s are| is) ready for review|Your next review is ready on/,
    );
    await expectAccessible(page, '/leren/voortgang (en)');
  });

  it('shows managers aggregates only above the threshold, and lets the admin edit a module', async () => {
    const page = await e2e.newPage({ locale: 'nl' });
    await signInAs(page, demo('manager'));
    await goto(page, '/leren/overzicht');
    await page.locator('table').waitFor();
    expect(await page.textContent('main')).toContain(
      'Cijfers verschijnen alleen voor groepen van minstens 5 deelnemers.',
    );
    // The figures are a release, and the page says of when.
    expect(await page.textContent('main')).toMatch(/Cijfers van \d{1,2} \S+ \d{4}: een momentopname/);
    // The demo seeds learning activity for part of the entity's staff (with 200 staff in this test the
    // manager's units are small): a cell shows a figure of at least 5 participants, or nothing at all.
    const cells = await page.locator('tbody tr > :nth-child(2)').allTextContents();
    expect(cells.length).toBeGreaterThan(1);
    for (const cell of cells) {
      if (cell !== 'verborgen') expect(Number(cell)).toBeGreaterThanOrEqual(5);
    }
    await expectAccessible(page, '/leren/overzicht');

    const staff = await e2e.newPage({ locale: 'nl' });
    await signInAs(staff, demo('employee'));
    await goto(staff, '/leren/overzicht');
    await expect.poll(() => staff.textContent('main')).toContain('Je leidt geen eenheid');
    await expectAccessible(staff, '/leren/overzicht without a unit');

    const admin = await e2e.newPage({ locale: 'nl' });
    await signInAs(admin, demo('admin'));
    await goto(admin, '/beheer/leren?waarde=daadkracht');
    await admin.locator('fieldset').first().waitFor();
    await expectAccessible(admin, '/beheer/leren');
    await admin.getByRole('textbox', { name: 'Titel (Nederlands)' }).first().fill('Daadkracht, <b>vet</b>');
    await admin.getByRole('button', { name: 'Bewaren' }).click();
    await expect
      .poll(() => admin.locator('.field__error').first().textContent())
      .toBe('Schrijf gewone tekst, zonder HTML-tags.');
    await admin
      .getByRole('textbox', { name: 'Titel (Nederlands)' })
      .first()
      .fill('Daadkracht: doen wat je zegt');
    // The first step's image: uploaded from the picker, then chosen in it.
    const png = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#FFE615' } })
      .png()
      .toBuffer();
    await admin
      .getByLabel('Nieuwe afbeelding opladen')
      .first()
      .setInputFiles({ name: 'loket.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => admin.getByRole('radio', { name: 'loket.png' }).first().isChecked()).toBe(true);
    await expectAccessible(admin, '/beheer/leren with the image picker');
    await admin.getByRole('button', { name: 'Bewaren' }).click();
    await expect.poll(() => admin.locator('.toasts [role="status"]').textContent()).toContain('bewaard');
    await goto(admin, '/leren');
    await expect.poll(() => admin.textContent('main')).toContain('Daadkracht: doen wat je zegt');
    await goto(admin, '/leren/daadkracht');
    await expect
      .poll(() => admin.locator('main img[src^="/api/learning/images/"]').count())
      .toBeGreaterThan(0);
  });
});
