import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accounts } from '../src/server/db/schema';
import { notify } from '../src/server/platform/notifications';
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

describeWithBrowser('the home page per role and the notification bell', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the employee’s sections; the bell counts live, and the list is reached and read by keyboard', {
    timeout: 60_000,
  }, async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('employee'));
    await goto(page, '/mijn');
    await page.getByRole('heading', { level: 2, name: 'Voor jou' }).waitFor();
    const bell = page.getByRole('link', { name: /^Meldingen:/ });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Meldingen: geen ongelezen');
    await expectAccessible(page, '/mijn (employee)');

    // A notification published by a module reaches the open page without a reload.
    const [account] = await e2e.runtime.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.email, demo('employee')));
    await notify(
      e2e.runtime,
      e2e.runtime.db,
      { accountIds: [account!.id] },
      {
        kind: 'appreciation_received',
        params: { sender: 'An Peeters' },
        link: '/waardering',
      },
    );
    await expect
      .poll(() => bell.getAttribute('aria-label'), { timeout: 5_000 })
      .toBe('Meldingen: 1 ongelezen');

    await page.locator('body').focus();
    await tabTo(page, /^a:Meldingen: 1 ongelezen$/);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/mijn/meldingen');
    await page.getByText('An Peeters heeft je een waardering gestuurd.').waitFor();
    await expectAccessible(page, '/mijn/meldingen');
    await tabTo(page, /^button:Alles als gelezen markeren$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Meldingen: geen ongelezen');
    await expect
      .poll(() => page.locator('main p[role="status"]').textContent())
      .toBe('0 ongelezen meldingen');
    expect(await focused(page)).not.toBe('body');
  });

  it('fits a phone: the coordinator’s home and the notifications page at 390 px', {
    timeout: 60_000,
  }, async () => {
    const page = await e2e.newPage({ width: 390, height: 844 });
    await signInAs(page, demo('coordinator'));
    await goto(page, '/mijn');
    await page.getByRole('heading', { level: 2, name: 'Coördinatie van je entiteit' }).waitFor();
    await page.getByRole('link', { name: /wacht(en)? op moderatie/ }).waitFor();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await expectAccessible(page, '/mijn at 390 px (coordinator)');
    await goto(page, '/mijn/meldingen');
    expect(await fits()).toBe(true);
    await expectAccessible(page, '/mijn/meldingen at 390 px');
  });
});
