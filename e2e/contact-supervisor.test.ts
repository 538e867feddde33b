import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueFeedbackToken } from '../src/server/modules/contact/feedback/feedback.service';
import {
  demo,
  describeWithBrowser,
  type E2E,
  expectAccessible,
  goto,
  signInAs,
  startE2E,
} from './support/browser';

describeWithBrowser('1700 supervision and contact feedback in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the supervisor board live, the history as charts beside tables, and the feedback figures', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('supervisor'));
    await goto(page, '/1700/toezicht');
    const live = page.locator('table', {
      has: page.locator('caption', { hasText: 'Wachtrijen op dit moment' }),
    });
    await live.locator('tbody th', { hasText: 'Algemene vragen' }).waitFor();
    // The demo's two weeks of history: a chart with a data table, and the Erlang C accuracy.
    await page.locator('svg[role="img"] title', { hasText: 'Volumes' }).waitFor({ state: 'attached' });
    await page.locator('table caption', { hasText: 'Verloop (dag)' }).waitFor();
    await expect.poll(() => page.locator('.supervisor__estimates dd').first().textContent()).not.toBe('0');
    await page.locator('table caption', { hasText: 'Per wachtrij' }).waitFor();
    await expectAccessible(page, 'supervisor board');

    await page.getByLabel('Per', { exact: true }).selectOption('hour');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.locator('table caption', { hasText: 'Verloop (uur van de dag)' }).waitFor();
    expect(await page.locator('tbody th', { hasText: '10:00' }).count()).toBe(1);
    await expectAccessible(page, 'supervisor board by hour');
  });

  it('updates the board without reload or polling when a citizen starts a chat', async () => {
    await e2e.runtime.db.execute(
      sql`update chat_queues set opening_hours = ${JSON.stringify({
        timeZone: 'Europe/Brussels',
        days: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]])),
      })}::jsonb, holidays = '[]'::jsonb`,
    );
    const page = await e2e.newPage();
    const polls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/contact/supervisor/live') polls.push(request.url());
    });
    await signInAs(page, demo('supervisor'));
    await goto(page, '/1700/toezicht');
    const waiting = page
      .locator('table', { has: page.locator('caption', { hasText: 'Wachtrijen op dit moment' }) })
      .locator('tbody tr', { has: page.locator('th', { hasText: 'Algemene vragen' }) })
      .locator('td')
      .nth(1);
    await page.getByText('Live: wijzigingen verschijnen meteen.').waitFor();
    const before = Number(await waiting.textContent());

    const started = Date.now();
    const response = await fetch(`${e2e.baseUrl}/api/contact/chats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ topic: 'algemeen', locale: 'nl' }),
    });
    expect(response.status).toBe(201);
    // Well within the fallback poll interval (10 s): only the push can have brought this.
    await expect.poll(async () => Number(await waiting.textContent()), { timeout: 3_000 }).toBe(before + 1);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(polls).toEqual([]);
    await expectAccessible(page, 'supervisor board after a push');
  });

  it('lets a citizen rate a contact once through the link, by keyboard, without signing in', async () => {
    const token = await issueFeedbackToken(e2e.runtime.db, {
      channel: 'mail',
      queueId: null,
      agentAccountId: null,
    });
    const page = await e2e.newPage();
    await goto(page, `/contact/beoordeling/${token}`);
    await page.locator('form[aria-label="Hoe was je contact met 1700?"]').waitFor();
    await expectAccessible(page, 'feedback page');

    // Every question is optional, but an empty rating is refused, with the focus on the first question.
    await page.getByRole('button', { name: 'Beoordeling versturen' }).click();
    await page
      .getByText('Beantwoord minstens één vraag of schrijf een opmerking.', { exact: false })
      .waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('satisfaction');
    await expectAccessible(page, 'feedback page with errors');
    // Arrow keys move within a radio group, as in every browser.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Two of the four statements only: a subset is a valid rating.
    for (const name of ['Openheid', 'Vertrouwen'])
      await page
        .getByRole('group', { name: new RegExp(`^${name}:`) })
        .getByLabel('Eens', { exact: true })
        .check();
    await page.getByLabel('Wil je nog iets kwijt? (niet verplicht)').fill('<b>Vlot</b> geholpen');
    await page.getByRole('button', { name: 'Beoordeling versturen' }).click();
    await page.getByText('Bedankt voor je beoordeling!').waitFor();

    await goto(page, `/contact/beoordeling/${token}`);
    await page.getByText('Deze link om te beoordelen is al gebruikt of verlopen.').waitFor();
    await expectAccessible(page, 'used feedback link');
  });

  it('lets a supervisor set the opening hours and a closure by keyboard, and the widget follows', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('supervisor'));
    await goto(page, '/1700/toezicht/openingsuren');
    const monday = page.getByLabel('Maandag', { exact: true });
    await monday.waitFor();
    await expectAccessible(page, 'opening hours page');
    // Next year's days off of the Flemish public service in one step, Easter Monday among them.
    const nextYear =
      Number(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()).slice(0, 4),
      ) + 1;
    await page
      .getByRole('button', { name: `Vrije dagen van de Vlaamse overheid in ${nextYear} toevoegen` })
      .focus();
    await page.keyboard.press('Enter');
    await page.locator(`time[datetime="${nextYear}-01-02"]`).waitFor();
    if (nextYear === 2027) await page.locator('time[datetime="2027-03-29"]').waitFor();

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    await monday.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('9:00-12:00, 13:00-17:00');
    await page.getByLabel('Datum', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Sluitingsdag toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Tekst in het Nederlands (niet verplicht)').fill('Vandaag zijn we dicht.');
    await page.getByRole('button', { name: 'Opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('De openingsuren van Algemene vragen zijn opgeslagen.').waitFor();
    expect(await monday.inputValue()).toBe('09:00-12:00, 13:00-17:00');
    await expectAccessible(page, 'opening hours page after saving');

    // A range the wrong way round is refused beside its day.
    await page.getByLabel('Dinsdag', { exact: true }).fill('17:00-09:00');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het beginuur moet vóór het einduur liggen.').waitFor();
    await expectAccessible(page, 'opening hours page with an error');

    const citizen = await e2e.newPage();
    await goto(citizen, '/');
    await citizen.getByRole('button', { name: 'Chat met ons' }).click();
    const chat = citizen.getByRole('region', { name: 'Chat met 1700' });
    await chat.getByText('Vandaag zijn we dicht.').waitFor();
    await chat.getByText(/opnieuw bereikbaar (.* )?om \d{1,2}\.00 uur\./).waitFor();
    const audited = await e2e.runtime.db.execute(
      sql`select 1 from audit_log where action = 'contact.chat.queue.settings'`,
    );
    expect(JSON.stringify(audited)).toContain('1');
  });

  it('lets a supervisor write canned answers by keyboard, accessibly', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('supervisor'));
    await goto(page, '/1700/toezicht/standaardantwoorden');
    // The demo set.
    await page.locator('table code', { hasText: '/hallo' }).waitFor();
    await expectAccessible(page, 'canned answers page');

    await page.getByLabel('Titel', { exact: false }).first().focus();
    await page.keyboard.type('Openingsuren');
    await page.keyboard.press('Tab');
    await page.keyboard.type('uren');
    await page
      .getByLabel('Tekst in het Nederlands', { exact: false })
      .fill('Dag {naam}, we zijn open van 9 tot 17 uur.');
    await page
      .getByLabel('Tekst in het Engels', { exact: false })
      .fill('Hello {name}, we are open from 9 to 5.');
    await page.getByRole('button', { name: 'Toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Het standaardantwoord Openingsuren is opgeslagen.').waitFor();
    await page.locator('table code', { hasText: '/uren' }).waitFor();

    // The same shortcut twice: refused beside the field, translated.
    await page.getByLabel('Titel', { exact: false }).first().fill('Dubbel');
    await page.getByLabel('Sneltoets', { exact: false }).fill('uren');
    await page.getByLabel('Tekst in het Nederlands', { exact: false }).fill('x');
    await page.getByLabel('Tekst in het Engels', { exact: false }).fill('x');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page
      .getByText('De sneltoets /uren hoort al bij een ander standaardantwoord.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'canned answers page with an error');

    // Editing moves the focus to the form.
    await page.getByRole('button', { name: 'Bewerk Openingsuren' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Standaardantwoord bewerken');
  });

  it('shows the programme admin the 1700 feedback figures, accessibly', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/contactfeedback');
    await page.locator('table caption', { hasText: 'Per team' }).waitFor();
    await expectAccessible(page, 'admin contact feedback');
  });
});
