import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../src/server/db/client';
import { clamdAvailable, EICAR, startClamd, type TestClamd } from '../test/support/clamd';
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

const withClamd = clamdAvailable();
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

describeWithBrowser('contact 1700 by e-mail in the browser', () => {
  let e2e: E2E;
  let clamd: TestClamd | undefined;
  beforeAll(async () => {
    clamd = withClamd ? await startClamd() : undefined;
    e2e = await startE2E(clamd ? { CLAMD_SOCKET: clamd.socket } : {});
  });
  afterAll(async () => {
    await e2e?.close();
    await clamd?.stop();
  });

  it('sends a question from the contact slot: errors per field, then a confirmation, and the mails go out', async () => {
    const page = await e2e.newPage();
    await goto(page, '/waarden');
    const open = page.getByRole('button', { name: 'Stuur een e-mail naar 1700' });
    await open.focus();
    await page.keyboard.press('Enter');
    expect(await open.getAttribute('aria-expanded')).toBe('true');

    // Submitting without anything: the server's messages appear next to their fields.
    await page.getByRole('button', { name: 'Verstuur' }).click();
    const form = page.getByRole('form', { name: 'E-mail naar 1700' });
    await expect.poll(() => form.textContent()).toContain('Geef een geldig e-mailadres');
    const text = (await form.textContent()) ?? '';
    expect(text).toContain('Kies een onderwerp.');
    expect(text).toContain('Schrijf je vraag.');
    expect(text).toContain('Geef toestemming');
    await expectAccessible(page, 'contact e-mail form with errors');

    await page.getByLabel('Je e-mailadres').fill('an.peeters@burger.test');
    await page.getByRole('button', { name: /Onderwerp/ }).click();
    await page.getByRole('option', { name: 'De waarden van de Vlaamse overheid' }).click();
    await page.getByLabel('Je vraag').fill('<script>alert(1)</script> Hoe werkt dit?');
    await page.getByText('Ik geef 1700 toestemming', { exact: false }).click();
    await page.getByRole('button', { name: 'Verstuur' }).click();

    const status = page.getByRole('status').filter({ hasText: 'we hebben je vraag goed ontvangen' });
    await expect.poll(() => status.textContent()).toMatch(/referentie 1700-\d{6}.*an\.peeters@burger\.test/);
    // The expected reply time, counted in the queue's opening hours, in words and on Brussels' clock.
    expect(await status.textContent()).toMatch(
      /Je krijgt een antwoord tegen (maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} \p{L}+, \d{2}\.\d{2} uur\./u,
    );
    // The form is gone: the focus is on the confirmation, not lost to the page.
    await expect.poll(() => focused(page)).toMatch(/^p:.*we hebben je vraag goed ontvangen/i);
    await expectAccessible(page, 'contact e-mail form sent');

    // The runtime here mails into the dev mailbox: run the queue once and both mails are there (the
    // demo's other modules mail demo staff too, hence the filter on this contact's addresses).
    await e2e.runtime.jobs.runDue();
    const mails = await queryRows<{ to_addresses: string; text_body: string }>(
      e2e.runtime.db,
      sql`select to_addresses, text_body from dev_mailbox
          where to_addresses in ('1700@vlaanderen.example', 'an.peeters@burger.test') order by id`,
    );
    expect(mails.map((m) => m.to_addresses).sort()).toEqual([
      '1700@vlaanderen.example',
      'an.peeters@burger.test',
    ]);
    const byAddress = Object.fromEntries(mails.map((m) => [m.to_addresses, m.text_body]));
    expect(byAddress['1700@vlaanderen.example']).toContain('<script>alert(1)</script> Hoe werkt dit?');
    // The address the citizen typed gets a confirmation without their words.
    expect(byAddress['an.peeters@burger.test']).toMatch(/Referentie: 1700-\d{6}/);
    expect(byAddress['an.peeters@burger.test']).not.toContain('Hoe werkt dit?');
    expect(byAddress['an.peeters@burger.test']).toContain(
      'Je krijgt een antwoord per e-mail op dit adres tegen',
    );
    expect(pageProblems(page)).toEqual([]);
  });

  it('lets an agent read the e-mail as text, answer it and file it', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('agent'));
    await goto(page, '/1700/e-mails');
    expect(await page.textContent('h1')).toBe('E-mails aan 1700');
    await expectAccessible(page, 'agent e-mail list');
    await page
      .getByRole('link', { name: /1700-\d{6}/ })
      .first()
      .click();
    await page.waitForSelector('h1:has-text("E-mail 1700-")');
    // The citizen's markup is shown as typed and never runs.
    expect(await page.textContent('.ticket__body')).toContain('<script>alert(1)</script> Hoe werkt dit?');
    await expectAccessible(page, 'agent e-mail detail');

    // "/referentie" puts the demo's canned answer, with this ticket's reference, in the field; nothing is sent.
    await page.getByLabel('Antwoord', { exact: true }).fill('/referentie');
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expect
      .poll(() => page.getByLabel('Antwoord', { exact: true }).inputValue())
      .toMatch(/^Je vraag heeft referentie 1700-\d{6}\. Vermeld die/);
    expect(await page.locator('.ticket__message').count()).toBe(1);
    await expectAccessible(page, 'agent e-mail detail with a canned answer');
    await page.getByLabel('Antwoord', { exact: true }).fill('Je vindt het op de waardenpagina.');
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Je antwoord is verstuurd.');
    expect(await page.locator('.ticket__message').count()).toBe(2);
    expect(await page.textContent('main')).toContain('Beantwoord');

    await page.getByRole('button', { name: /Categorie/ }).click();
    await page.getByRole('option', { name: 'Informatie gegeven' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Opgeslagen.');
    const [ticket] = await queryRows<{ status: string; category: string }>(
      e2e.runtime.db,
      sql`select status, category from contact_tickets order by id desc limit 1`,
    );
    expect(ticket).toEqual({ status: 'answered', category: 'information' });

    // Replies that reached the ticket's address from another sender wait apart, as text, for the agent.
    await e2e.runtime.db.execute(sql`insert into contact_held_replies (ticket_id, sender_address, envelope_sender, body)
      select id, 'mallory@elders.test', 'mallory@elders.test', '<b>Stuur het naar mij</b>'
      from contact_tickets order by id desc limit 1`);
    await e2e.runtime.db.execute(sql`insert into contact_held_replies (ticket_id, sender_address, envelope_sender, body)
      select id, 'an.peeters@burger.test', '', 'Dank je, nog een vraag.' from contact_tickets order by id desc limit 1`);
    await page.reload();
    await page.waitForSelector('h2:has-text("Reacties van een ander adres")');
    expect(await page.locator('.ticket__held-body').first().textContent()).toBe('<b>Stuur het naar mij</b>');
    expect(await page.locator('.ticket__message').count()).toBe(2);
    await expectAccessible(page, 'agent e-mail detail with held replies');
    await page
      .getByRole('listitem', { name: 'Reactie van mallory@elders.test' })
      .getByRole('button', { name: 'Verwijderen' })
      .click();
    await expect.poll(() => page.textContent('main')).toContain('De reactie is verwijderd.');
    await page
      .getByRole('listitem', { name: 'Reactie van an.peeters@burger.test' })
      .getByRole('button', { name: 'Aanvaarden als bericht van de burger' })
      .click();
    await expect.poll(() => page.textContent('main')).toContain('De reactie staat nu bij de berichten.');
    expect(await page.locator('.ticket__message').count()).toBe(3);
    expect(await page.locator('.ticket__held-item').count()).toBe(0);
    expect(await page.textContent('main')).not.toContain('Stuur het naar mij');
    expect(pageProblems(page)).toEqual([]);
  });

  it("shows each ticket its time left, the overdue first, and the citizen's earlier contacts; supervisors filter the breaches", async () => {
    const db = e2e.runtime.db;
    // Two more e-mails of the same citizen in the demo queue: one two hours past its deadline, one due tomorrow.
    for (const [topic, due] of [
      ['general', "now() - interval '2 hours'"],
      ['website', "now() + interval '1 day'"],
    ] as const)
      await db.execute(sql`insert into contact_tickets (reply_token, citizen_email, topic, locale, status, queue_id, due_at)
        select md5(random()::text), 'an.peeters@burger.test', ${topic}, 'nl', 'new', id, ${sql.raw(due)}
        from chat_queues where key = 'algemeen'`);
    await db.execute(sql`insert into contact_ticket_messages (ticket_id, direction, body)
      select id, 'citizen', 'Nog een vraag over ' || topic from contact_tickets where topic in ('general', 'website')`);

    const page = await e2e.newPage();
    await signInAs(page, demo('agent'));
    await goto(page, '/1700/e-mails');
    const items = page.locator('.tickets__item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(3);
    // The overdue one on top, then by deadline: tomorrow's, then the first e-mail (reopened by the citizen's
    // reply above, so with a new deadline two working days on).
    expect(await items.nth(0).textContent()).toMatch(/Antwoord verwacht: 2 uur( \d+ min)? te laat/);
    expect(await items.nth(1).textContent()).toMatch(/Antwoord verwacht: nog (1 dag|\d+ uur)/);
    expect(await items.nth(2).textContent()).toMatch(/Antwoord verwacht: nog .*Open · /);
    expect(await page.locator('.tickets__due--late').count()).toBe(1);
    // Agents do not get the supervisors' breach filter.
    expect(await page.getByText('Alleen over de termijn').count()).toBe(0);
    await expectAccessible(page, 'agent e-mail list with deadlines');

    // By keyboard: the overdue ticket's link, then its earlier contacts.
    const overdue = items.nth(0).getByRole('link');
    await overdue.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('h2:has-text("Eerdere contacten")');
    const earlier = page.getByRole('table', { name: 'Eerdere contacten' });
    await expect.poll(() => earlier.locator('tbody tr').count()).toBe(2);
    expect(await page.textContent('.facts')).toMatch(/2 uur( \d+ min)? te laat/);
    await expectAccessible(page, 'agent e-mail detail with earlier contacts');
    const link = earlier.getByRole('link').first();
    const target = await link.getAttribute('href');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(target!);
    expect(pageProblems(page)).toEqual([]);

    // The supervisor narrows the list to the breaches and sets a topic's reply target.
    const boss = await e2e.newPage();
    await signInAs(boss, demo('supervisor'));
    await goto(boss, '/1700/e-mails');
    await boss.getByText('Alleen over de termijn').click();
    await expect.poll(() => boss.locator('.tickets__item').count()).toBe(1);
    expect(await boss.locator('.tickets__item').textContent()).toContain('te laat');
    const hours = boss.getByLabel('De waarden van de Vlaamse overheid (werkuren)');
    await hours.fill('8');
    await hours.press('Enter');
    await expect
      .poll(() => boss.textContent('main'))
      .toContain('Termijn voor De waarden van de Vlaamse overheid bewaard: 8 werkuren.');
    await expectAccessible(boss, 'supervisor e-mail list with breaches and reply targets');
    expect(pageProblems(boss)).toEqual([]);
  });

  // Needs clamd; without it (and without REQUIRE_CLAMAV=1) only this test is skipped.
  it.skipIf(!withClamd)(
    'attaches a file by keyboard, shows a refused file’s reason beside the picker, and sends the question with its file',
    async () => {
      const page = await e2e.newPage();
      await goto(page, '/waarden');
      const open = page.getByRole('button', { name: 'Stuur een e-mail naar 1700' });
      await open.focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('Je e-mailadres').fill('bijlage@burger.test');
      await page.getByRole('button', { name: /Onderwerp/ }).click();
      await page.getByRole('option', { name: 'De waarden van de Vlaamse overheid' }).click();
      await page.getByLabel('Je vraag').fill('Mijn aanvraag zit in bijlage.');

      // The picker is a native file input, reached with Tab right after the question; the dialog it opens
      // is the system's, so the test hands it the files as the dialog would.
      await page.getByLabel('Je vraag').focus();
      expect(await tabTo(page, /^input:files$/, { max: 3 })).toBe('input:files');
      const picker = page.getByLabel('Bijlagen (niet verplicht)');
      await picker.setInputFiles([
        { name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from(EICAR) },
      ]);
      await page.getByText('Ik geef 1700 toestemming', { exact: false }).click();
      await page.getByRole('button', { name: 'Verstuur' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'virus' });
      await expect.poll(() => refusal.textContent()).toContain('bevat een virus');
      expect(await picker.getAttribute('aria-describedby')).toContain(await refusal.getAttribute('id'));
      await expectAccessible(page, 'contact e-mail form with a refused attachment');

      // Removing the file by keyboard puts the focus back on the picker.
      await picker.focus();
      expect(await tabTo(page, /^button:virus\.pdf verwijderen$/, { max: 2 })).toBeTruthy();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('input:files');
      expect(await page.getByText('virus.pdf').count()).toBe(0);

      await picker.setInputFiles([{ name: 'aanvraag.pdf', mimeType: 'application/pdf', buffer: pdf }]);
      expect(await page.getByRole('list', { name: 'Bijlagen' }).textContent()).toContain('aanvraag.pdf');
      await expectAccessible(page, 'contact e-mail form with an attachment');
      await page.getByRole('button', { name: 'Verstuur' }).focus();
      await page.keyboard.press('Enter');
      const status = page.getByRole('status').filter({ hasText: 'we hebben je vraag goed ontvangen' });
      await expect.poll(() => status.textContent()).toMatch(/referentie 1700-\d{6}/);
      await expect.poll(() => focused(page)).toMatch(/^p:.*we hebben je vraag goed ontvangen/i);

      const stored = await queryRows<{ ticket_id: number; file_name: string; mime_type: string }>(
        e2e.runtime.db,
        sql`select a.ticket_id, a.file_name, a.mime_type from contact_attachments a
          join contact_tickets t on t.id = a.ticket_id where t.citizen_email = 'bijlage@burger.test'`,
      );
      expect(stored).toEqual([
        { ticket_id: expect.any(Number), file_name: 'aanvraag.pdf', mime_type: 'application/pdf' },
      ]);
      expect(pageProblems(page)).toEqual([]);

      // The agent finds it under the question as a download link.
      const agent = await e2e.newPage();
      await signInAs(agent, demo('agent'));
      await goto(agent, `/1700/e-mails/${stored[0]!.ticket_id}`);
      const link = agent.getByRole('link', { name: /aanvraag\.pdf downloaden/ });
      const download = await agent.request.get((await link.getAttribute('href'))!);
      expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="aanvraag\.pdf"/);
      await expectAccessible(agent, 'agent e-mail detail with an attachment');
    },
  );
});
