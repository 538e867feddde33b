import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { devMailbox, surveyResponses } from '../src/server/db/schema';
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

describeWithBrowser('staff survey: answering by the link from the invitation', () => {
  let e2e: E2E;
  let link = '';

  beforeAll(async () => {
    e2e = await startE2E();
    // The demo's open wave has queued its invitations: the fan-out job, then one mail per invitee.
    await e2e.runtime.jobs.runDue();
    await e2e.runtime.jobs.runDue();
    const mails = await e2e.runtime.db
      .select()
      .from(devMailbox)
      .where(eq(devMailbox.toAddresses, demo('employee')));
    const invitation = mails.find((mail) => mail.subject.startsWith('Uitnodiging'));
    const match = invitation && /\/peiling\/[A-Za-z0-9_-]{43}/.exec(invitation.textBody);
    if (!match) throw new Error('no invitation for the demo employee in the dev mailbox');
    link = match[0];
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('refuses a wrong link with a clear message', async () => {
    const page = await e2e.newPage();
    await goto(page, `/peiling/${'x'.repeat(43)}`);
    expect(await page.textContent('.alert')).toContain('Deze link naar de peiling klopt niet');
    await expectAccessible(page, 'survey with an unknown link');
  });

  it('lets the signed-in invitee find the same link under Mijn peilingen', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('employee'));
    await goto(page, '/mijn/peilingen');
    await expectAccessible(page, 'my surveys');
    await page.getByRole('link', { name: 'Pulspeiling waarden' }).click();
    await page.waitForURL(`**${link}`);
    await page.locator('fieldset').first().waitFor();
  });

  it('answers on a narrow phone with the keyboard, saves, resumes, and submits once', async () => {
    const page = await e2e.newPage({ width: 360, height: 740 });
    await goto(page, link);
    expect(await page.textContent('h1')).toBe('Pulspeiling waarden');
    expect(await page.locator('fieldset legend').first().textContent()).toContain(
      'Ik weet wat de waarde openheid bij de Vlaamse overheid inhoudt.',
    );
    await expectAccessible(page, 'survey form (phone)');
    // No horizontal scrolling on a narrow screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );

    // Keyboard: Tab into the first radio group, arrows choose within it.
    const first = await tabTo(page, /^input:/);
    expect(first).toMatch(/^input:/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name^="item-"]:checked').count()).toBe(1);
    await expect
      .poll(() => page.textContent('label[for="survey-progress"]'))
      .toMatch(/^1 van \d+ vragen beantwoord$/);
    // A second answer by clicking a label, then the draft is saved on its own.
    await page.locator('fieldset').nth(1).getByText('Helemaal akkoord').click();
    await expect
      .poll(() => page.textContent('.survey-answer__saved'), { timeout: 8000 })
      .toContain('bewaard');

    // Resume: the same link shows the answers given so far.
    await page.reload();
    await page.locator('fieldset').first().waitFor();
    await expect.poll(() => page.locator('input[name^="item-"]:checked').count()).toBe(2);
    await expectAccessible(page, 'survey form resumed');

    // An open answer, then send.
    await page.locator('textarea').fill('Meer tijd voor de waarden in het teamoverleg.');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await expect.poll(() => page.textContent('h1')).toBe('Bedankt!');
    await expectAccessible(page, 'survey thanks');
    const responses = await e2e.runtime.db.select().from(surveyResponses);
    const before = responses.length;

    // The same link again: a clear message, no second response.
    const again = await e2e.newPage();
    await goto(again, link);
    expect(await again.textContent('.alert')).toContain('Je hebt deze peiling al ingevuld');
    expect((await e2e.runtime.db.select().from(surveyResponses)).length).toBe(before);
  });

  it('shows the form in English and lets the programme admin follow participation', async () => {
    const page = await e2e.newPage({ locale: 'en' });
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/peilingen');
    expect(await page.textContent('h1')).toBe('Staff surveys');
    await expectAccessible(page, 'survey admin overview');
    await page.getByRole('link', { name: 'Pulspeiling waarden' }).click();
    await page.locator('table').waitFor();
    expect(await page.textContent('h1')).toBe('Pulspeiling waarden');
    expect(await page.textContent('table')).toContain('Invited');
    await expectAccessible(page, 'survey wave admin');
    await page.getByRole('link', { name: 'Standaardmodule waarden' }).click();
    await page.locator('.survey-section').first().waitFor();
    expect(await page.textContent('.alert')).toContain('standard module');
    await expectAccessible(page, 'standard module');
    expect(await focused(page)).toBeTruthy();
  });
});
