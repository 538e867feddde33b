import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
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

const roles = ['employee', 'manager', 'executive', 'coordinator', 'agent', 'supervisor', 'admin'] as const;

describeWithBrowser('signed-in staff in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    // Single sign-on configured (its provider is only contacted when someone starts it), so the button shows.
    e2e = await startE2E({
      OIDC_ISSUER: 'http://127.0.0.1:9/',
      OIDC_CLIENT_ID: 'waarden-e2e',
      OIDC_CLIENT_SECRET: 'not-used',
      OIDC_NAME: 'Vlaamse overheid (ACM/IDM)',
    });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('signs in with the keyboard alone, showing field errors first', async () => {
    const page = await e2e.newPage();
    await goto(page, '/mijn');
    // Signed-in pages send visitors to sign-in and back.
    await page.waitForURL('**/aanmelden?returnTo=%2Fmijn');
    await tabTo(page, /^input:email$/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.field__error').allTextContents())
      .toEqual(['Vul je e-mailadres in.', 'Vul je wachtwoord in.']);
    expect(await page.getAttribute('input[name="email"]', 'aria-invalid')).toBe('true');
    await page.keyboard.type(demo('employee'));
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input:password');
    await page.keyboard.type('wrong password');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[role="alert"] .alert__content').textContent())
      .toBe('Het e-mailadres of het wachtwoord klopt niet.');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/mijn');
    await expect.poll(() => page.textContent('h1')).toMatch(/^Welkom, /);
    expect(await page.textContent('nav[aria-label="Hoofdmenu"]')).toContain('Mijn overzicht');
    expect(pageProblems(page)).toEqual([]);
  });

  it('offers single sign-on and explains why a single sign-on attempt was refused', async () => {
    const page = await e2e.newPage();
    await goto(page, '/aanmelden?returnTo=%2Fmijn%2Fentiteit');
    const sso = page.getByRole('link', { name: 'Aanmelden via Vlaamse overheid (ACM/IDM)' });
    expect(await sso.getAttribute('href')).toBe('/api/auth/oidc/start?returnTo=%2Fmijn%2Fentiteit');
    await expectAccessible(page, 'sign-in with single sign-on');
    await goto(page, '/aanmelden?error=oidc&reason=org_mismatch');
    expect(await page.textContent('[role="alert"] .alert__content')).toBe(
      'De entiteit die de aanmelding doorgeeft, komt niet overeen met je entiteit in het personeelsbestand.',
    );
    // A link awaiting an admin is news, not a failure: a status, not an alert.
    await goto(page, '/aanmelden?error=oidc&reason=link_pending');
    expect(await page.textContent('.alert--info[role="status"] .alert__content')).toContain(
      'Een programmabeheerder moet eerst bevestigen',
    );
    await expectAccessible(page, 'sign-in with a pending link');
    await goto(page, '/aanmelden?error=oidc&reason=<script>');
    expect(await page.textContent('[role="alert"] .alert__content')).toBe(
      'Aanmelden via de Vlaamse overheid is niet gelukt. Probeer het opnieuw of meld je aan met je e-mailadres.',
    );
  });

  it("shows each role's home without axe violations, with navigation fitting the role", async () => {
    for (const role of roles) {
      const page = await e2e.newPage();
      await signInAs(page, demo(role));
      await goto(page, '/mijn');
      await page.locator('.my-value').first().waitFor();
      const nav = (await page.textContent('nav[aria-label="Hoofdmenu"]')) ?? '';
      expect(nav.includes('Beheer'), `admin link for ${role}`).toBe(role === 'admin');
      expect(nav.includes('Mijn entiteit'), `entity link for ${role}`).toBe(role === 'coordinator');
      await expectAccessible(page, `home of ${role}`);
      await page.context().close();
    }
  });

  it('refuses admin pages to a non-admin with a clear message', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('employee'));
    await goto(page, '/beheer/organisatie');
    expect(await page.textContent('h1')).toBe('Geen toegang');
    await expectAccessible(page, 'forbidden page');
  });

  it('lets the entity coordinator write an own-words translation with the keyboard and shows it next to the central text', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('coordinator'));
    await goto(page, '/mijn/entiteit');
    await page.locator('fieldset').first().waitFor();
    await expectAccessible(page, 'entity values editor');
    await tabTo(page, /^textarea/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'translations.0.textNl',
    );
    // The demo seed already holds an example text: replace it.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Wij luisteren eerst en delen wat we weten.');
    await tabTo(page, /^input/);
    // The focus checkbox for the first value (openheid); the demo seed may have ticked it already.
    if (!(await page.isChecked('input[type="checkbox"] >> nth=0'))) await page.keyboard.press('Space');
    expect(await page.isChecked('input[type="checkbox"] >> nth=0')).toBe(true);
    await tabTo(page, /^button:Opslaan$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.toasts [role="status"]').textContent()).toContain('opgeslagen');

    await goto(page, '/mijn');
    const openheid = page.locator('.my-value').first();
    await expect
      .poll(() => openheid.locator('.my-value__own').textContent())
      .toContain('Wij luisteren eerst en delen wat we weten.');
    expect(await openheid.locator('.badge--focus').textContent()).toBe('Focuswaarde');
    await expectAccessible(page, 'coordinator home with own words');
  });
});
