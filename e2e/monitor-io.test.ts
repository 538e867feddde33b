import { afterAll, beforeAll, expect, it } from 'vitest';
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

describeWithBrowser('monitor: other instruments and open data in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('lets the admin describe an instrument and check a results file with the keyboard', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/monitor/instrumenten');
    await page.getByRole('heading', { name: 'Een instrument beschrijven' }).waitFor();

    await page.getByLabel('Korte naam').fill('bue');
    await page.getByLabel('Naam (Nederlands)').fill('Bevraging ultieme eindgebruiker');
    await page.getByLabel('Naam (Engels)').fill('End-user survey');
    await page.getByLabel('Eigenaar').fill('AgO');
    await page.getByLabel('Methode (Nederlands)').fill('Online bevraging');
    await page.getByLabel('Methode (Engels)').fill('Online survey');
    await page.getByLabel('Methode (Engels)').focus();
    await tabTo(page, /^button:Instrument bewaren$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Indicatoren van Bevraging ultieme eindgebruiker' }).waitFor();

    await page.getByLabel('Naam in de sleutel').fill('tevredenheid');
    await page.getByLabel('Label (Nederlands)').fill('Tevredenheid');
    await page.getByLabel('Label (Engels)').fill('Satisfaction');
    await page.getByRole('button', { name: 'Indicator toevoegen' }).click();
    await page.getByText('instrument.bue.tevredenheid').first().waitFor();

    await page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'bue.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'unit_code;indicator;period;value;n\n*;tevredenheid;2026-Q1;0,8;120\nNOPE;tevredenheid;2026-Q1;0,5;40\n',
      ),
    });
    await page.getByLabel('Bestand', { exact: true }).focus();
    await tabTo(page, /^button:Bestand nakijken$/);
    expect(await focused(page)).toBe('button:Bestand nakijken');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Resultaat van de controle' }).waitFor();
    await page
      .getByRole('table', { name: 'Rijen met een probleem' })
      .getByText('NOPE', { exact: false })
      .waitFor();
    await expectAccessible(page, 'instruments page with a dry-run report');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the open data page to visitors in Dutch and English, with working downloads', async () => {
    const page = await e2e.newPage();
    await goto(page, '/open-data');
    await page.getByRole('heading', { name: 'Open data: de waardenmonitor' }).waitFor();
    await page.getByRole('link', { name: 'Modellicentie Gratis Hergebruik' }).waitFor();
    await expectAccessible(page, 'open data page');
    await page.getByRole('link', { name: 'Alle cijfers als CSV' }).focus();
    await tabTo(page, /^a:De catalogus als Turtle$/);
    const href = await page.getByRole('link', { name: 'De catalogus als Turtle' }).getAttribute('href');
    const turtle = await page.request.get(href as string);
    expect(turtle.status()).toBe(200);
    expect(await turtle.text()).toContain('dcat:Catalog');

    const english = await e2e.newPage({ locale: 'en' });
    await goto(english, '/open-data');
    await english.getByRole('heading', { name: 'Open data: the values monitor' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
