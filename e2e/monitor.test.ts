import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demo,
  describeWithBrowser,
  type E2E,
  expectAccessible,
  goto,
  pageProblems,
  signInAs,
  startE2E,
  tabTo,
} from './support/browser';

describeWithBrowser('the monitor in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows four synthetic quarters with lights and tables, drills down by keyboard, and keeps targets and the catalogue', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('coordinator'));
    await goto(page, '/monitor');
    await page.locator('.mon-tile').first().waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('synthetische');
    // Every chart has its table with the four quarters.
    const rows = await page.locator('.mon-tile').first().locator('table tbody tr').count();
    expect(rows).toBe(4);
    await expectAccessible(page, 'monitor dashboard (nl)');
    // Keyboard: from the entity choice to the first drill-down button, opened with Enter.
    await page.getByLabel('Entiteit', { exact: true }).focus();
    await tabTo(page, /^button:Onderliggende eenheden$/);
    await page.keyboard.press('Enter');
    await page
      .locator('.mon-tile table caption', { hasText: 'Onderliggende eenheden van' })
      .first()
      .waitFor();
    await expectAccessible(page, 'monitor drill-down');
    expect(pageProblems(page)).toEqual([]);

    const admin = await e2e.newPage({ locale: 'en' });
    await signInAs(admin, demo('admin'));
    await goto(admin, '/monitor/streefwaarden');
    await admin.getByRole('heading', { name: 'Targets', level: 1 }).waitFor();
    await expectAccessible(admin, 'monitor targets (en)');
    const before = await admin.locator('table tbody tr').count();
    // The demo sets targets for shares and means; a count has none yet.
    await admin.getByLabel('Indicator').selectOption({ label: 'Support delivered' });
    await admin.getByLabel('Target', { exact: true }).fill('0.5');
    await admin.getByLabel('Margin (amber)').fill('0.1');
    await admin.getByLabel('Margin (amber)').focus();
    await tabTo(admin, /^button:Add target$/);
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.locator('table tbody tr').count()).toBe(before + 1);

    await goto(admin, '/monitor/indicatoren');
    await admin.locator('table caption', { hasText: 'Indicators' }).waitFor();
    await expectAccessible(admin, 'monitor catalogue (en)');
    const box = admin.getByRole('checkbox', { name: 'Publish Staff as open data' });
    await box.focus();
    await admin.keyboard.press('Space');
    await expect.poll(() => box.isChecked()).toBe(true);
    expect(pageProblems(admin)).toEqual([]);
  });
});
