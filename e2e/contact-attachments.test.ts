import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/server/db/client';
import { clamdAvailable, EICAR, startClamd, type TestClamd } from '../test/support/clamd';
import {
  describeWithBrowser,
  type E2E,
  expectAccessible,
  focused,
  goto,
  pageProblems,
  startE2E,
  tabTo,
} from './support/browser';

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const suite = clamdAvailable() ? describeWithBrowser : describe.skip;

suite('contact 1700 by e-mail with an attachment in the browser', () => {
  let clamd: TestClamd;
  let e2e: E2E;
  beforeAll(async () => {
    clamd = await startClamd();
    e2e = await startE2E({ CLAMD_SOCKET: clamd.socket });
  });
  afterAll(async () => {
    await e2e?.close();
    await clamd?.stop();
  });

  it('attaches a file by keyboard, shows a refused file’s reason beside the picker, and sends the question with its file', async () => {
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

    const stored = await queryRows<{ file_name: string; mime_type: string }>(
      e2e.runtime.db,
      sql`select a.file_name, a.mime_type from contact_attachments a
          join contact_tickets t on t.id = a.ticket_id where t.citizen_email = 'bijlage@burger.test'`,
    );
    expect(stored).toEqual([{ file_name: 'aanvraag.pdf', mime_type: 'application/pdf' }]);
    expect(pageProblems(page)).toEqual([]);
  });
});
