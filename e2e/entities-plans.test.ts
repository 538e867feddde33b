import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demo,
  describeWithBrowser,
  type E2E,
  expectAccessible,
  goto,
  pageProblems,
  signInAs,
  startE2E,
  tabTo,
} from './support/browser';

describeWithBrowser('action plans and the decision touchstone in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('builds an action plan with the keyboard, filters it and rolls it up; the admin reads coverage and keeps projects', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('coordinator'));
    await goto(page, '/actieplan');
    // The demo entity's plan: one initiative on the entity level (others below it).
    await page.getByText('Waarden als vast punt in het ondernemingsplan').waitFor();
    await expectAccessible(page, 'action plan (nl)');

    const title = 'Dilemmagesprekken in elk teamoverleg';
    await page.getByLabel('Titel').fill(title);
    await page.getByRole('checkbox', { name: 'Vertrouwen' }).check();
    await page.getByLabel('IAVA-dimensie', { exact: true }).selectOption({ label: 'Mensen' });
    await page.getByLabel('Strategie van het programma').selectOption({ label: 'Experimenteren' });
    await page.getByLabel('Bewijsstukken (één webadres per regel)').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => page.locator('.field__error').allTextContents())
      .toContainEqual(expect.stringContaining('https://'));
    await expectAccessible(page, 'initiative form with errors');

    await page.getByLabel('Bewijsstukken (één webadres per regel)').fill('https://www.vlaanderen.be/waarden');
    // Keyboard: from the evidence field on to the save button, pressed with Enter.
    await page.getByLabel('Bewijsstukken (één webadres per regel)').focus();
    await tabTo(page, /^button:Opslaan$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.toasts [role="status"]').textContent()).toContain('opgeslagen');
    await page.locator('.ent-card', { hasText: title }).first().waitFor();

    // Filter by dimension: only "people" initiatives remain.
    await page.getByLabel('Filter op IAVA-dimensie').selectOption({ label: 'Mensen' });
    await expect
      .poll(() => page.locator('.ent-list').first().textContent())
      .not.toContain('ondernemingsplan');
    expect(await page.locator('.ent-list').first().textContent()).toContain(title);

    // The roll-up shows the divisions' and teams' initiatives too.
    await goto(page, '/actieplan/entiteit');
    await page.locator('table caption').first().waitFor();
    const rollup = await page.locator('main').textContent();
    expect(rollup).toContain('Onthaaldag met waardengesprek');
    expect(rollup).toContain('Overleg zonder vaste vergaderstructuur');
    await expectAccessible(page, 'entity roll-up');
    expect(pageProblems(page)).toEqual([]);

    const admin = await e2e.newPage({ locale: 'en' });
    await signInAs(admin, demo('admin'));
    await goto(admin, '/actieplan/dekking');
    await admin.locator('table caption', { hasText: 'All entities together' }).waitFor();
    await expectAccessible(admin, 'coverage matrix (en)');
    const header = await admin.locator('table').first().locator('thead th').allTextContents();
    expect(header).toEqual([
      'Value',
      'Strategy',
      'Leadership',
      'People',
      'Structures',
      'Means',
      'Steering',
      'Total',
    ]);

    await goto(admin, '/actieplan/projecten');
    await admin.getByText('Values-driven leadership across the Flemish government').waitFor();
    await expectAccessible(admin, 'projects (en)');
    await admin.getByLabel('Title (Dutch)').fill('Open data over de waarden');
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.locator('.toasts [role="status"]').textContent()).toContain('saved');
    await admin.getByText('Open data over de waarden').waitFor();
    expect(pageProblems(admin)).toEqual([]);
  });

  it('records a decision against the values, prints it, shares it, and shows the indicator', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('manager'));
    await goto(page, '/toetssteen');
    await expectAccessible(page, 'touchstone (nl)');

    await page.getByLabel('Titel').fill('Teamoverleg voortaan om de twee weken');
    await page.getByLabel('Context').fill('Het wekelijkse overleg duurt lang en veel punten komen terug.');
    await page
      .getByRole('textbox', { name: 'De beslissing', exact: true })
      .fill('We houden het overleg om de twee weken, met een gedeelde agenda.');
    await page.getByRole('group', { name: 'Daadkracht' }).getByRole('radio', { name: 'In spanning' }).check();
    await page.getByRole('radio', { name: 'Leidinggevenden van de eenheid en de coördinator' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => page.locator('.field__error').allTextContents())
      .toContainEqual(expect.stringContaining('Leg uit waarom'));
    await expectAccessible(page, 'touchstone form with errors');

    await page.getByLabel('Waarom? (Daadkracht)').fill('Sommige beslissingen wachten nu een week langer.');
    await page.getByLabel('Waarom? (Daadkracht)').focus();
    await tabTo(page, /^button:Opslaan$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Teamoverleg voortaan om de twee weken' }).waitFor();
    await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
    await expectAccessible(page, 'printable decision');
    // On paper only the record remains: no site header, navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.ent-no-print').first().isVisible()).toBe(false);
    expect(await page.locator('.ent-printable table').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(pageProblems(page)).toEqual([]);

    // The coordinator reads it among the decisions shared with them, and the indicator.
    const coordinator = await e2e.newPage();
    await signInAs(coordinator, demo('coordinator'));
    await goto(coordinator, '/toetssteen?lijst=gedeeld');
    await coordinator.getByRole('link', { name: 'Teamoverleg voortaan om de twee weken' }).waitFor();
    await expectAccessible(coordinator, 'shared decisions');
    await goto(coordinator, '/toetssteen/indicator');
    await coordinator.locator('table caption').waitFor();
    expect(await coordinator.locator('main').textContent()).toContain('minstens 5 leidinggevenden');
    await expectAccessible(coordinator, 'touchstone indicator');

    // An employee has no touchstone.
    const employee = await e2e.newPage();
    await signInAs(employee, demo('employee'));
    await goto(employee, '/actieplan');
    expect(await employee.locator('main').textContent()).toContain('Je kunt dit plan lezen');
    expect(await employee.getByRole('link', { name: 'Toetssteen' }).count()).toBe(0);
  });
});
