import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../src/server/db/client';
import {
  createFixtureWave,
  type FixtureUnit,
  standardLikeItems,
} from '../src/server/modules/survey/results/results.fixture';
import {
  demo,
  describeWithBrowser,
  type E2E,
  expectAccessible,
  focused,
  goto,
  settle,
  signInAs,
  startE2E,
  tabTo,
} from './support/browser';

describeWithBrowser('survey results in the browser', () => {
  let e2e: E2E;
  let waveId: number;
  let divisionId: number;
  let smallTeamId: number;

  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.runtime.db;
    // The demo's closed waves over 200 synthetic staff hide almost every group (as they should);
    // these pages need groups large enough to show, so they get two waves of their own over the
    // demo manager's entity instead.
    await db.execute(sql`delete from survey_waves where status = 'closed'`);
    const [manager] = await queryRows<{ unitId: number }>(
      db,
      sql`select um.unit_id as "unitId" from accounts a join unit_managers um on um.person_id = a.person_id
        where a.email = ${demo('manager')} limit 1`,
    );
    divisionId = manager!.unitId;
    const [division] = await queryRows<{ path: string }>(
      db,
      sql`select path from org_units where id = ${divisionId}`,
    );
    const entityId = Number(division!.path.split('/').filter(Boolean).at(-2));
    const rows = await queryRows<{ id: number; parentId: number | null; nameNl: string; kind: string }>(
      db,
      sql`select id, parent_id as "parentId", name_nl as "nameNl", kind from org_units
        where path like ${`%/${entityId}/%`} order by depth, id`,
    );
    const units = (seed: number): FixtureUnit[] =>
      rows.map((u, i) => ({
        id: u.id,
        parentId: u.id === entityId ? null : u.parentId,
        nameNl: u.nameNl,
        kind: u.kind,
        entityId,
        respondents:
          u.id === divisionId ? 12 : u.kind === 'team' ? (i % 7 === 3 ? 2 : 8 + ((i * seed) % 17)) : 6,
      }));
    // A team of 2 respondents (see `units` below): hidden in every wave.
    smallTeamId = rows.find((u, i) => u.kind === 'team' && i % 7 === 3)!.id;
    const items = standardLikeItems(3, [{ key: 'remarks', kind: 'text' }]);
    const demographics = [
      {
        key: 'age',
        options: [
          { nl: 'jonger dan 35', en: 'under 35' },
          { nl: '35 tot 50', en: '35 to 50' },
          { nl: '50 of ouder', en: '50 or older' },
        ],
        k: 5,
      },
    ];
    const previous = await createFixtureWave(db, {
      title: 'Personeelspeiling 2024',
      closesOn: '2024-03-31',
      units: units(3),
      items,
      demographics,
      seed: 2,
    });
    const current = await createFixtureWave(db, {
      title: 'Personeelspeiling 2026',
      closesOn: '2026-03-31',
      units: units(5),
      items,
      demographics,
      seed: 3,
      commentRate: 0.3,
      previousWaveId: previous.waveId,
    });
    waveId = current.waveId;
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('a manager whose own team is too small to show lands on the nearest level with results, and is told why', async () => {
    const db = e2e.runtime.db;
    const [manager] = await queryRows<{ personId: number }>(
      db,
      sql`select person_id as "personId" from accounts where email = ${demo('manager')}`,
    );
    const moveTo = (from: number, to: number) =>
      db.execute(
        sql`update unit_managers set unit_id = ${to} where person_id = ${manager!.personId} and unit_id = ${from}`,
      );
    await moveTo(divisionId, smallTeamId);
    try {
      const page = await e2e.newPage();
      await signInAs(page, demo('manager'));
      await goto(page, `/peilingen/resultaten/${waveId}`);
      await expect.poll(() => page.textContent('main')).toContain('is te klein om resultaten te tonen');
      await page.getByRole('table', { name: 'Waarden-index (0–100)' }).waitFor();
      expect(await page.textContent('.survey-results__n')).toMatch(/Respondenten: \d+/);
      await expectAccessible(page, 'results landing above a hidden team');
    } finally {
      await moveTo(smallTeamId, divisionId);
    }
  });

  it('a manager reads the overview, the heatmap (colour and numbers), drivers and comments, with the keyboard', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('manager'));
    await goto(page, '/peilingen/resultaten');
    expect(await page.textContent('h1')).toBe('Resultaten van de personeelspeiling');
    await expectAccessible(page, 'results home');
    await page.getByRole('link', { name: 'Resultaten bekijken' }).first().click();
    await page.waitForURL(`**/peilingen/resultaten/${waveId}`);
    await settle(page);
    expect(await page.textContent('h1')).toBe('Personeelspeiling 2026');
    await page.getByRole('table', { name: 'Waarden-index (0–100)' }).waitFor();
    expect(await page.textContent('.survey-results__n')).toContain('Respondenten');
    // Trend against the previous wave with its interval and significance, in words.
    expect(await page.textContent('body')).toMatch(/Vergeleken met Personeelspeiling 2024/);
    expect(await page.textContent('body')).toMatch(
      /\((?:[+−-]?[\d,]+) tot (?:[+−-]?[\d,]+)\), (niet )?(significant|getoetst)/,
    );
    // How to read the marks: the correction and the waves' overlap, said on the page.
    expect(await page.textContent('body')).toMatch(/Benjamini–Hochberg/);
    expect(await page.textContent('body')).toMatch(/geen onafhankelijke steekproeven/);
    await expectAccessible(page, 'unit overview');

    // Tabs: Tab into the tab list, arrow keys move between views.
    await tabTo(page, /^tab:Overzicht/);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('tab:Heatmap');
    await page.keyboard.press('Enter');
    const heat = page.getByRole('table', { name: /Heatmap: eenheden × waarden/ });
    await heat.waitFor();
    // Every coloured cell also carries its number; hidden cells say so in words.
    const cells = await heat.locator('td.heatmap__cell').allTextContents();
    expect(cells.length).toBeGreaterThan(4);
    expect(cells.some((c) => /^\d+$/.test(c.trim()))).toBe(true);
    expect(cells.every((c) => /^\d+$/.test(c.trim()) || c.includes('verborgen'))).toBe(true);
    await expectAccessible(page, 'heatmap');

    await page.keyboard.press('Shift+Tab');
    await tabTo(page, /^tab:Heatmap/, { shift: true, max: 20 }).catch(() => undefined);
    await page.getByRole('tab', { name: 'Drijfveren' }).click();
    await page.getByRole('tab', { name: 'Drijfveren', selected: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await expectAccessible(page, 'drivers');

    await page.getByRole('tab', { name: 'Opmerkingen' }).click();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const text = await page.textContent('[role="tabpanel"]');
    expect(text).toMatch(/\[e-mail\]|minstens 10 respondenten/);
    expect(text).not.toMatch(/@voorbeeld\.be/);
    await expectAccessible(page, 'comments');
  });

  it('a manager plans an action from the results with the keyboard', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('manager'));
    await goto(page, `/peilingen/resultaten/${waveId}?eenheid=${divisionId}`);
    await page.getByRole('tab', { name: 'Acties' }).click();
    await page.getByRole('table', { name: 'Acties van deze eenheid' }).waitFor();
    await expectAccessible(page, 'actions, empty');
    await page.getByLabel('Titel').focus();
    await page.keyboard.type('Teamoverleg over openheid');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^input:/);
    await page.keyboard.type('An Peeters');
    await page.getByRole('button', { name: 'Actie bewaren' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('table')).toContain('Teamoverleg over openheid');
    await expectAccessible(page, 'actions with one action');
  });

  it('an employee sees the summaries only; a CSV export is offered', async () => {
    const page = await e2e.newPage({ width: 390, height: 844 });
    await signInAs(page, demo('employee'));
    await goto(page, '/peilingen/resultaten');
    await expectAccessible(page, 'results home of an employee (phone width)');
    const link = page.getByRole('link', { name: 'Resultaten bekijken' }).first();
    if ((await link.count()) === 0) return; // The employee works outside the surveyed entity.
    await link.click();
    // The results home has an h1 too: wait for the wave page itself before settling.
    await page.waitForURL(/\/peilingen\/resultaten\/[^/?]+/);
    await page.getByRole('tab').first().waitFor();
    await settle(page);
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Overzicht']);
    expect(await page.getByRole('link', { name: 'CSV downloaden' }).getAttribute('href')).toMatch(
      /export\.csv$/,
    );
    await expectAccessible(page, 'employee summary');
  });
});
