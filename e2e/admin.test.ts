import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accounts } from '../src/server/db/schema';
import { upsertOidcLinkRequest } from '../src/server/modules/auth/auth.repo';
import type { OrgUnit } from '../src/web/app/types';
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

const adminPages = [
  '/beheer',
  '/beheer/organisatie',
  '/beheer/personeelsbestand',
  '/beheer/waarden',
  '/beheer/inhoud',
  '/beheer/inhoud?pagina=waarden',
  '/beheer/feedback',
  '/beheer/accounts',
  '/beheer/audit',
  '/beheer/mailbox',
  '/beheer/backups',
];

describeWithBrowser('programme admin in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('has no axe violations on any admin page', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    for (const path of adminPages) {
      await goto(page, path);
      await expectAccessible(page, path);
    }
  });

  it('opens the organisation tree and creates a unit through its dialog, keyboard only', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/organisatie');
    await page.locator('[role="treegrid"] [role="row"]').first().waitFor();
    // Into the tree: the first policy domain gets focus and is selected (selection follows focus).
    const domainName = (await tabTo(page, /^row:/)).replace(/^row:/, '');
    await expect.poll(() => page.locator('.unit-panel__title').textContent()).toBe(domainName);
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('[role="row"][aria-expanded="true"]', 'aria-level')).toBe('1');
    await page.keyboard.press('ArrowDown');
    // Down from an expanded domain lands on its first entity, one level deeper.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-level'))).toBe('2');
    const entityName = (await focused(page)).replace(/^row:/, '');
    await expect.poll(() => page.locator('.unit-panel__title').textContent()).toBe(entityName);

    await tabTo(page, /^button:Nieuwe eenheid hieronder$/);
    await page.keyboard.press('Enter');
    const dialog = page.locator('[role="dialog"]');
    await dialog.waitFor();
    // The dialog opens on the name field, with the chosen entity as parent and "division" as kind.
    expect(await focused(page)).toBe('input:nameNl');
    expect(await dialog.locator('input[role="combobox"]').inputValue()).toBe(entityName);
    await expectAccessible(page, 'create unit dialog');
    await page.keyboard.type('Afdeling Waardenwerking');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Values Team');
    await page.keyboard.press('Tab');
    await page.keyboard.type('E2E-WAARDEN-1');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.toasts [role="status"]').textContent())
      .toContain('De eenheid is aangemaakt.');
    // The new unit is in the tree, selected, with its details shown.
    await expect.poll(() => page.locator('.unit-panel__title').textContent()).toBe('Afdeling Waardenwerking');
    expect(await page.locator('[role="row"][aria-selected="true"]').textContent()).toContain(
      'Afdeling Waardenwerking',
    );
    const units = (await (await page.request.get('/api/org/units')).json()) as OrgUnit[];
    const created = units.find((unit) => unit.code === 'E2E-WAARDEN-1');
    expect(created).toMatchObject({
      kind: 'division',
      nameNl: 'Afdeling Waardenwerking',
      nameEn: 'Values Team',
    });
    expect(pageProblems(page)).toEqual([]);
  });

  it('checks a roster file in a dry run and reports the broken rows by line', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    const units = (await (await page.request.get('/api/org/units')).json()) as OrgUnit[];
    const team = units.find((unit) => unit.kind === 'team')!;
    const csv = [
      'employee_number,first_name,last_name,email,language,unit_code',
      `E2E0001,Lotte,Claes,lotte.claes@example.org,nl,${team.code}`,
      `E2E0002,Ruben,Maes,not-an-email,nl,${team.code}`,
      'E2E0003,Sara,Wouters,sara.wouters@example.org,nl,NO-SUCH-UNIT',
    ].join('\n');
    await goto(page, '/beheer/personeelsbestand');
    await page.setInputFiles('input[type="file"]', {
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    expect(await page.isChecked('text=Proefdraaien')).toBe(true);
    // What happens to everyone missing from the file has no default: the admin must choose.
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect
      .poll(() => page.textContent('fieldset .field__error'))
      .toContain('Kies wat er gebeurt met mensen die niet in het bestand staan');
    await page.getByRole('radio', { name: /^Uit dienst zetten/ }).check();
    await page.getByRole('button', { name: 'Controleren' }).click();
    const errors = page.getByRole('table', { name: 'Fouten per regel' });
    await errors.waitFor();
    const rows = await errors.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^3email/);
    expect(rows[1]).toMatch(/^4unit_code/);
    expect(await page.locator('.alert--warning', { hasText: 'regels gelezen' }).textContent()).toContain(
      '3 regels gelezen, 2 met een fout.',
    );
    // Everyone else in the demo organisation would become a leaver: the dry run says so, and asks for
    // a second confirmation before a real import.
    const warning = page.locator('.alert--warning', { hasText: 'uit dienst zetten, meer dan 10%' });
    await warning.waitFor();
    expect(await page.getByRole('checkbox', { name: /Ja, ik bevestig/ }).isChecked()).toBe(false);
    await expectAccessible(page, 'roster report');
    // A dry run changes nothing.
    const people = await (await page.request.get('/api/org/people?query=E2E0001')).json();
    expect(people.total).toBe(0);
    // The real import without the confirmation is refused, and still changes nothing.
    await page.getByRole('checkbox', { name: /Proefdraaien/ }).uncheck({ force: true });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.locator('.alert--warning', { hasText: 'Bevestig dit uitdrukkelijk' }).waitFor();
    const after = await (await page.request.get('/api/org/people?query=E2E0001')).json();
    expect(after.total).toBe(0);
  });

  it('shows the audit log with names and labels, filtered by action, with the detail folded away', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/audit');
    const table = page.locator('main table');
    await table.locator('tbody tr').first().waitFor();
    // People and labels, not account numbers and action codes.
    expect(await table.textContent()).not.toMatch(/auth\.sign_in|account \d/);
    expect(await table.locator('tbody tr td').first().textContent()).toContain('(admin@demo.waarden.test)');
    await page.selectOption('select[name="action"]', { label: 'Aangemeld' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect
      .poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(3)').allTextContents())])
      .toEqual(['Aangemeld']);
    const details = table.locator('details').first();
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('pre').textContent()).toContain('"method"');
    await expectAccessible(page, 'audit log filtered');
    // The filters work from the keyboard: Tab to the action list, choose, and submit with Enter.
    await goto(page, '/beheer/audit');
    await table.locator('tbody tr').first().waitFor();
    await tabTo(page, /^select:/);
    // Two steps down: past "Aangemeld", which most entries of this run are.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.$eval(
      'select[name="action"]',
      (el) => (el as HTMLSelectElement).selectedOptions[0]!.text,
    );
    expect(chosen).not.toBe('Alle acties');
    await tabTo(page, /^button:Filteren$/);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () =>
        (await table.locator('tbody tr td:nth-child(3)').allTextContents()).filter((l) => l !== chosen),
      )
      .toEqual([]);
    // No page wider than its viewport, on a phone or on a desktop.
    for (const width of [320, 390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        `audit page at ${width}px`,
      ).toBe(true);
    }
  });

  it('publishes a new version of the values framework after confirming, keeping the old one', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/waarden');
    await page.getByRole('button', { name: 'Nieuw concept maken' }).click();
    const statement = page.getByRole('textbox', { name: 'Gedragsindicator 1 (Nederlands)' }).first();
    await statement.waitFor();
    await statement.fill('We hebben oog voor wat er leeft in de samenleving, dichtbij en ver weg.');
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    await expectAccessible(page, 'publish confirmation');
    await confirm.getByRole('button', { name: 'Publiceren' }).click();
    await expect
      .poll(() => page.locator('.toasts [role="status"]').textContent())
      .toContain('Versie 2 is gepubliceerd.');
    const versions = page.getByRole('region', { name: 'Alle versies' });
    await expect
      .poll(() => versions.locator('tbody tr').allTextContents())
      .toEqual([expect.stringMatching(/^2.*Gepubliceerd/), expect.stringMatching(/^1.*Vervangen/)]);
    await goto(page, '/waarden');
    await expect.poll(() => page.textContent('.value-card--openheid')).toContain('dichtbij en ver weg');

    // The old version stays readable, and the two compare side by side with the change marked.
    await tabTo(page, /^a:Eerdere versies en wijzigingen/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Versies van het waardenkader' }).waitFor();
    await expectAccessible(page, 'framework versions');
    await tabTo(page, /^button:Vergelijken/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/waarden\/vergelijken\?van=1&naar=2/);
    const changed = page.locator('.values-compare__table ins').first();
    await expect.poll(() => changed.textContent()).toContain('dichtbij en ver weg');
    expect(await page.textContent('main')).toContain('1 regel is gewijzigd.');
    await expectAccessible(page, 'framework comparison');
    await page.getByRole('link', { name: 'Versie 1', exact: true }).click();
    await expect.poll(() => page.textContent('main')).toContain('Deze versie is vervangen');
    await expectAccessible(page, 'superseded framework version');
    expect(pageProblems(page)).toEqual([]);
  });

  it('edits a public page in Markdown, shows the server-rendered preview and publishes it', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/inhoud');
    await page.getByRole('link', { name: 'Pagina privacy bewerken' }).click();
    const body = page.getByRole('textbox', { name: 'Tekst (Markdown)' });
    await body.waitFor();
    await page
      .getByRole('textbox', { name: 'Samenvatting' })
      .fill('Hoe we met je gegevens omgaan, kort en duidelijk.');
    await body.fill(
      `${await body.inputValue()}\n\n## Bewaartermijn\n\nWe bewaren **feedback** zonder tijdstip.`,
    );
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect
      .poll(() => page.locator('.toasts [role="status"]').textContent())
      .toContain('De pagina is opgeslagen.');
    // The preview is the HTML the server rendered and sanitised on save.
    await expect.poll(() => page.locator('.preview__frame h2').last().textContent()).toBe('Bewaartermijn');
    expect(await page.locator('.preview__frame strong').last().textContent()).toBe('feedback');
    await expectAccessible(page, 'content editor after save');
    await goto(page, '/privacy');
    expect(await page.textContent('.lead')).toBe('Hoe we met je gegevens omgaan, kort en duidelijk.');
    expect(await page.textContent('.prose')).toContain('We bewaren feedback zonder tijdstip.');
  });

  it('shows a single sign-on link awaiting confirmation on the accounts page and confirms it', async () => {
    const db = e2e.runtime.db;
    const [employee] = await db
      .select()
      .from(accounts)
      .where(eq(accounts.email, demo('employee')));
    await upsertOidcLinkRequest(db, {
      accountId: employee!.id,
      personId: employee!.personId!,
      issuer: 'https://idp.example',
      subject: 'e2e-subject',
      claims: { email: demo('employee'), name: employee!.displayName },
    });
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/accounts');
    const pending = page.getByRole('region', { name: 'Koppelingen die op bevestiging wachten' });
    await pending.waitFor();
    expect(await pending.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining(demo('employee')),
    ]);
    await expectAccessible(page, 'accounts with a pending link');
    await pending
      .getByRole('button', {
        name: `Aanmelding via de Vlaamse overheid koppelen aan het account van ${employee!.displayName}`,
      })
      .click();
    await expect
      .poll(() => page.locator('.toasts [role="status"]').textContent())
      .toContain(`${employee!.displayName} kan zich nu aanmelden via de Vlaamse overheid.`);
    await expect.poll(() => pending.count()).toBe(0);
    const [linked] = await db.select().from(accounts).where(eq(accounts.id, employee!.id));
    expect(linked).toMatchObject({ oidcIssuer: 'https://idp.example', oidcSubject: 'e2e-subject' });
    expect(pageProblems(page)).toEqual([]);
  });
});
