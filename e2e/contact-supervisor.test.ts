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

    // Sending too early names what is missing and puts focus in the first unanswered group.
    await page.getByRole('button', { name: 'Beoordeling versturen' }).click();
    await page.getByText('Kies hoe tevreden je bent.').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('satisfaction');
    await expectAccessible(page, 'feedback page with errors');
    // Arrow keys move within a radio group, as in every browser.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    for (const name of ['Openheid', 'Daadkracht', 'Vertrouwen', 'Wendbaarheid'])
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

  it('shows the programme admin the 1700 feedback figures, accessibly', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/contactfeedback');
    await page.locator('table caption', { hasText: 'Per team' }).waitFor();
    await expectAccessible(page, 'admin contact feedback');
  });
});
