import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { devMailbox, feedbackRaters, people } from '../src/server/db/schema';
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

describeWithBrowser('leaders’ 360° feedback in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('reads the demo report and sets a development goal with the keyboard', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('manager'));
    await goto(page, '/360');
    await page.getByRole('heading', { name: 'Een ronde starten' }).waitFor();
    await expectAccessible(page, '360 rounds and start form');
    await page
      .getByRole('link', { name: /afgesloten/ })
      .first()
      .click();
    await page.locator('table caption', { hasText: 'Per uitspraak' }).waitFor();
    await expectAccessible(page, '360 report');
    expect(await page.locator('main').textContent()).toMatch(/Collega’s \(\d+\)/);

    await page.getByRole('textbox', { name: /^Doel/ }).fill('Elke maand feedback vragen in het teamoverleg');
    await page.getByRole('checkbox', { name: 'Openheid' }).check();
    await tabTo(page, /^button:Doel toevoegen aan het actieplan$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.toasts [role="status"]').textContent()).toContain('actieplan');
    expect(pageProblems(page)).toEqual([]);
  });

  it('starts a round, and a rater answers by the mailed link with the keyboard alone', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('manager'));
    await goto(page, '/360');
    // The org tree suggests raters, each for a group.
    await page.getByRole('heading', { name: 'Voorgesteld uit het organogram' }).waitFor();
    expect(await page.getByRole('button', { name: /toevoegen als/ }).count()).toBeGreaterThan(0);
    await page.getByLabel('Zoek in het personeelsbestand (minstens 2 letters)').fill('an');
    for (let i = 0; i < 3; i++)
      await page
        .getByRole('button', { name: /toevoegen als Collega’s/ })
        .first()
        .click();
    await expect.poll(() => page.getByRole('button', { name: /verwijderen$/ }).count()).toBe(3);
    for (const group of await page.locator('fieldset.ent-weigh').all())
      await group.getByRole('radio', { name: '4', exact: true }).check();
    await page.getByRole('button', { name: 'Ronde starten en uitnodigingen versturen' }).click();
    await page.getByRole('heading', { name: 'Uitgenodigd per groep' }).waitFor();
    await expectAccessible(page, '360 open round');

    await e2e.runtime.jobs.runDue();
    const [rater] = await e2e.runtime.db
      .select({ email: people.email })
      .from(feedbackRaters)
      .innerJoin(people, eq(people.id, feedbackRaters.personId))
      .where(eq(feedbackRaters.answered, false))
      .orderBy(feedbackRaters.id)
      .limit(1);
    const mails = await e2e.runtime.db
      .select()
      .from(devMailbox)
      .where(eq(devMailbox.toAddresses, rater!.email));
    const match = mails.map((m) => /\/360\/[A-Za-z0-9_-]{43}/.exec(m.textBody)).find(Boolean);
    expect(match).toBeTruthy();

    const rater360 = await e2e.newPage();
    await goto(rater360, match![0]);
    await rater360.getByRole('button', { name: 'Antwoorden versturen' }).waitFor();
    await expectAccessible(rater360, '360 answer page');
    // Keyboard: Tab into each statement's radio group, Space picks "1", arrows move to "4".
    const groups = await rater360.locator('fieldset.ent-weigh').count();
    await rater360.locator('fieldset.ent-weigh input[type="radio"]').first().focus();
    for (let i = 0; i < groups; i++) {
      if (i > 0) await tabTo(rater360, /^input:/, { max: 3 });
      await rater360.keyboard.press('Space');
      for (let j = 0; j < 3; j++) await rater360.keyboard.press('ArrowRight');
    }
    expect(await rater360.locator('fieldset.ent-weigh input:checked').count()).toBe(groups);
    await tabTo(rater360, /^textarea:/);
    await rater360.keyboard.type('Neemt tijd om te luisteren.');
    await tabTo(rater360, /^button:Antwoorden versturen$/);
    expect(await focused(rater360)).toBe('button:Antwoorden versturen');
    await rater360.keyboard.press('Enter');
    await rater360.getByText('Bedankt, je antwoorden zijn ontvangen.').waitFor();
    await expectAccessible(rater360, '360 answer sent');

    // The leader cancels the round with the keyboard: the link then leads nowhere.
    await page.getByRole('button', { name: 'Ronde annuleren' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Ja, ronde annuleren' }).waitFor();
    await expectAccessible(page, '360 cancel confirmation');
    // Focus moved to the safe choice; one step back is the confirmation.
    expect(await focused(page)).toBe('button:Niet annuleren');
    await tabTo(page, /^button:Ja, ronde annuleren$/, { max: 3, shift: true });
    await page.keyboard.press('Enter');
    await page.getByText('Deze ronde is geannuleerd.', { exact: false }).waitFor();
    const dead = await e2e.newPage();
    await goto(dead, match![0]);
    await dead.locator('main [role="alert"], main .alert').first().waitFor();
    expect(await dead.getByRole('button', { name: 'Antwoorden versturen' }).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the coordinator the entity figures over at least five leaders', async () => {
    const page = await e2e.newPage({ locale: 'en' });
    await signInAs(page, demo('coordinator'));
    await goto(page, '/360/entiteit');
    await page.locator('table caption', { hasText: 'Mean over' }).waitFor();
    await expectAccessible(page, '360 entity figures (en)');
  });
});
