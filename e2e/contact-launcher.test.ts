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

describeWithBrowser('1700 launcher on every page, and the figures per agent', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('opens the contact panel from the skip link and the floating button, by keyboard, and closes it with Escape', async () => {
    const page = await e2e.newPage();
    await goto(page, '/waarden');
    const panel = page.locator('#contact-slot');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^a:Naar de inhoud/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Naar contact (chat of e-mail)');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('h2:Contacteer ons');
    expect(await panel.getAttribute('class')).toContain('contact-slot--floating');
    await expectAccessible(page, 'contact panel open');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Sluiten');
    await page.keyboard.press('Escape');
    expect(await panel.getAttribute('class')).not.toContain('contact-slot--floating');
    expect(await focused(page)).toBe('a:Naar contact (chat of e-mail)');

    // The floating button itself: in the tab order after the page's content, before the footer.
    await tabTo(page, /^button:\?\s*Contact$/, { max: 120 });
    expect(await page.locator('#contact-launcher').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('h2:Contacteer ons');
    expect(await page.locator('#contact-launcher').getAttribute('aria-expanded')).toBe('true');
    // The chat starts inside the panel; the block in the footer is the same one, so there is one chat.
    await page.getByRole('button', { name: 'Chat met ons' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await focused(page)).toMatch(/^button:\?\s*Contact$/);
    await expectAccessible(page, 'page with launcher');
  });

  it('shows supervisors every agent’s figures as a chart beside a table, and an agent only their own', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('supervisor'));
    await goto(page, '/1700/toezicht/medewerkers');
    await page.locator('table caption', { hasText: 'Cijfers per medewerker van' }).waitFor();
    await page.locator('svg[role="img"] title', { hasText: 'Chats en e-mails per medewerker' }).waitFor({
      state: 'attached',
    });
    await page.locator('table caption', { hasText: 'Cijfers per dag van' }).waitFor();
    await expectAccessible(page, 'figures per agent');
    await tabTo(page, /^select:/, { max: 40 });

    const own = await e2e.newPage();
    await signInAs(own, demo('agent'));
    await goto(own, '/1700/mijn-cijfers');
    await own.locator('table caption', { hasText: 'Cijfers per dag van' }).waitFor();
    expect(await own.locator('tbody tr').count()).toBe(7);
    // The demo's working days show hours available beside the chats handled.
    expect(await own.locator('tbody td').allTextContents()).toContain('7,7');
    await expectAccessible(own, 'my figures');
    // Another agent's figures are not theirs to see.
    const other = await own.request.get('/api/contact/supervisor/agents?from=2026-01-01&to=2026-01-07');
    expect(other.status()).toBe(403);
  });
});
