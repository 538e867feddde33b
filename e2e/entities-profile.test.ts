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

describeWithBrowser('entities: value profile, support offer and political backing in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('lets the coordinator keep and publish the profile with the keyboard, and visitors find it from the values page', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('coordinator'));
    await goto(page, '/mijn/entiteit/profiel');
    await page.getByRole('heading', { name: /Publicatie van het profiel/ }).waitFor();
    await expectAccessible(page, 'profile editor');

    // Keyboard: find a colleague, add them as ambassador, save.
    await page.getByLabel('Zoek een collega op naam').focus();
    await page.keyboard.type('Mertens');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sofie Mertens toevoegen als ambassadeur' }).waitFor();
    await tabTo(page, /^button:Sofie Mertens toevoegen als ambassadeur$/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sofie Mertens verwijderen als ambassadeur' }).waitFor();
    await page
      .getByLabel('Waardenverhaal (Nederlands)')
      .fill('## Ons verhaal\n\nWe delen **open** wat we weten.');
    await page.getByLabel('Waardenverhaal (Nederlands)').focus();
    await tabTo(page, /^button:Opslaan$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.toasts [role="status"]').textContent()).toContain('opgeslagen');

    // Withdraw and publish again.
    await page.getByRole('button', { name: 'Publicatie intrekken' }).click();
    const publishButton = page.getByRole('button', { name: 'Profiel publiceren' });
    // The label follows the saved profile before the withdrawal's request has settled: wait until it may be pressed.
    await expect
      .poll(
        async () => (await publishButton.isEnabled()) && !(await publishButton.getAttribute('data-pending')),
      )
      .toBe(true);
    await publishButton.focus();
    expect(await focused(page)).toBe('button:Profiel publiceren');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Bekijk de publieke pagina' }).waitFor();
    expect(pageProblems(page)).toEqual([]);

    // A visitor: from the public values page to the profile.
    const visitor = await e2e.newPage();
    await goto(visitor, '/waarden');
    const block = visitor.locator('section', {
      has: visitor.getByRole('heading', { name: 'Waardenprofielen van entiteiten' }),
    });
    await block.getByRole('listitem').first().waitFor();
    expect(await block.getByRole('listitem').count()).toBe(3);
    await expectAccessible(visitor, 'values page with the entity profiles');
    await goto(
      visitor,
      (await page.getByRole('link', { name: 'Bekijk de publieke pagina' }).getAttribute('href')) as string,
    );
    await visitor.getByRole('heading', { name: 'Ons verhaal' }).waitFor();
    expect(await visitor.textContent('main')).toContain('Sofie Mertens');
    await expectAccessible(visitor, 'public entity profile');
    const english = await e2e.newPage({ locale: 'en' });
    await goto(english, new URL(visitor.url()).pathname);
    await english.getByRole('heading', { name: 'Value ambassadors' }).waitFor();
    await expectAccessible(english, 'public entity profile (en)');
  });

  it('takes the last place of a support item once, from two browsers at the same moment', async () => {
    const admin = await e2e.newPage();
    await signInAs(admin, demo('admin'));
    await goto(admin, '/beheer/ondersteuning');
    await expectAccessible(admin, 'admin support page');
    await admin.getByRole('button', { name: 'Nieuw aanbod' }).click();
    await admin.getByLabel('Titel (Nederlands)').fill('Spreker over vertrouwen');
    await admin.getByLabel('Titel (Engels)').fill('Speaker on trust');
    await admin.getByLabel('Beschrijving (Nederlands)').fill('Een uur met een spreker over vertrouwen.');
    await admin.getByLabel('Beschrijving (Engels)').fill('An hour with a speaker on trust.');
    await admin.getByLabel('Duur in minuten').fill('60');
    await admin.getByLabel('Plaatsen per kwartaal').fill('1');
    await expectAccessible(admin, 'support item form');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => admin.locator('.toasts [role="status"]').textContent()).toContain('opgeslagen');

    const [one, two] = [await e2e.newPage(), await e2e.newPage()];
    for (const page of [one, two]) {
      await signInAs(page, demo('coordinator'));
      await goto(page, '/mijn/ondersteuning');
      await page.getByRole('heading', { name: 'Spreker over vertrouwen' }).waitFor();
    }
    await expectAccessible(one, 'coordinator support page');
    const card = (page: typeof one) => page.locator('.ent-card', { hasText: 'Spreker over vertrouwen' });
    await Promise.all(
      [one, two].map((page) =>
        card(page)
          .getByRole('button', { name: /^Aanvragen voor/ })
          .click(),
      ),
    );
    await expect
      .poll(async () =>
        [await one.locator('.toasts').textContent(), await two.locator('.toasts').textContent()].join('|'),
      )
      .toContain('verstuurd');
    const errors = async () =>
      [
        await card(one).locator('[role="alert"], .alert').allTextContents(),
        await card(two).locator('[role="alert"], .alert').allTextContents(),
      ]
        .flat()
        .join(' ');
    await expect.poll(errors).toContain('geen plaats meer');

    // The admin accepts it; the coordinator's list follows.
    await goto(admin, '/beheer/ondersteuning');
    const request = admin
      .locator('.ent-card', { hasText: 'Spreker over vertrouwen' })
      .filter({ hasText: 'aangevraagd' });
    await request.getByRole('button', { name: 'Aanvaarden' }).click();
    await expect.poll(() => admin.locator('.toasts [role="status"]').textContent()).toContain('aanvaard');
    await goto(one, '/mijn/ondersteuning');
    await expect
      .poll(() => one.locator('section', { hasText: 'Jullie aanvragen' }).textContent())
      .toContain('aanvaard');
    expect(pageProblems(one)).toEqual([]);
  });

  it('walks support requests through every step: withdrawn, declined, accepted, planned, delivered, evaluated', async () => {
    const title = 'Coaching stap voor stap';
    const admin = await e2e.newPage();
    await signInAs(admin, demo('admin'));
    await goto(admin, '/beheer/ondersteuning');
    await admin.getByRole('button', { name: 'Nieuw aanbod' }).click();
    await admin.getByLabel('Titel (Nederlands)').fill(title);
    await admin.getByLabel('Titel (Engels)').fill('Coaching step by step');
    await admin.getByLabel('Beschrijving (Nederlands)').fill('Coaching voor het managementteam.');
    await admin.getByLabel('Beschrijving (Engels)').fill('Coaching for the management team.');
    await admin.getByLabel('Duur in minuten').fill('90');
    await admin.getByLabel('Plaatsen per kwartaal').fill('3');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => admin.locator('.toasts [role="status"]').textContent()).toContain('opgeslagen');

    const coordinator = await e2e.newPage();
    await signInAs(coordinator, demo('coordinator'));
    await goto(coordinator, '/mijn/ondersteuning');
    const offer = coordinator.locator('.ent-card', {
      has: coordinator.getByRole('heading', { name: title }),
    });
    const mine = (page: typeof admin, status: string) =>
      page
        .locator('article.ent-card', { hasText: title })
        .filter({ has: page.locator('strong', { hasText: new RegExp(`^${status}$`) }) });
    for (let i = 1; i <= 3; i++) {
      await offer.getByRole('button', { name: /^Aanvragen voor/ }).click();
      await expect.poll(() => mine(coordinator, 'aangevraagd').count()).toBe(i);
    }
    // The coordinator withdraws one with the keyboard: its place is free again.
    await mine(coordinator, 'aangevraagd')
      .first()
      .getByRole('button', { name: 'Aanvraag intrekken' })
      .focus();
    await coordinator.keyboard.press('Enter');
    await expect.poll(() => mine(coordinator, 'ingetrokken').count()).toBe(1);

    // The admin declines one (a reason is required) and accepts the other.
    await goto(admin, '/beheer/ondersteuning');
    await expect.poll(() => mine(admin, 'aangevraagd').count()).toBe(2);
    const first = mine(admin, 'aangevraagd').first();
    await first.getByLabel('Reden van weigering').fill('Geen coach vrij in dit kwartaal.');
    await first.getByRole('button', { name: 'Weigeren' }).click();
    await expect.poll(() => mine(admin, 'aangevraagd').count()).toBe(1);
    await mine(admin, 'aangevraagd').getByRole('button', { name: 'Aanvaarden' }).click();
    await expect.poll(() => admin.locator('.toasts [role="status"]').textContent()).toContain('aanvaard');
    const filter = admin.getByRole('button', { name: /Toon aanvragen met status/ });
    await filter.click();
    await admin.getByRole('option', { name: 'Alle', exact: true }).click();
    await expect.poll(() => mine(admin, 'aanvaard').count()).toBe(1);
    await expectAccessible(admin, 'support requests with their steps');
    await mine(admin, 'aanvaard').getByLabel('Datum').fill('2027-03-15');
    await mine(admin, 'aanvaard').getByRole('button', { name: 'Inplannen' }).click();
    await expect.poll(() => mine(admin, 'ingepland').count()).toBe(1);
    await mine(admin, 'ingepland').getByRole('button', { name: 'Markeren als uitgevoerd' }).click();
    await expect.poll(() => mine(admin, 'uitgevoerd').count()).toBe(1);

    // The coordinator evaluates what was delivered.
    await goto(coordinator, '/mijn/ondersteuning');
    const delivered = mine(coordinator, 'uitgevoerd');
    await delivered.getByRole('button', { name: /Beoordeling/ }).click();
    await coordinator.getByRole('option', { name: '4 op 5', exact: true }).click();
    await delivered.getByLabel('Toelichting').fill('Sterke sessie.');
    await delivered.getByRole('button', { name: 'Evaluatie versturen' }).click();
    await expect.poll(() => mine(coordinator, 'geëvalueerd').count()).toBe(1);
    await expect.poll(() => mine(coordinator, 'geweigerd').count()).toBe(1);
    expect(pageProblems(coordinator)).toEqual([]);
    expect(pageProblems(admin)).toEqual([]);
  });

  it('records an endorsement and shows it on the public page', async () => {
    const admin = await e2e.newPage();
    await signInAs(admin, demo('admin'));
    await goto(admin, '/beheer/engagementen');
    await expectAccessible(admin, 'admin endorsements');
    await admin.getByRole('button', { name: 'Nieuw engagement' }).click();
    await admin.getByLabel('Naam').fill('Minister Proef');
    await admin.getByLabel('Functie (Nederlands)').fill('Vlaams minister (test)');
    await admin.getByLabel('Functie (Engels)').fill('Flemish minister (test)');
    await admin.getByLabel('Engagement (Nederlands)').fill('Ik steun de waarden in mijn beleid.');
    await admin.getByLabel('Engagement (Engels)').fill('I back the values in my policy.');
    await admin.getByLabel('Link naar de bron').fill('javascript:alert(1)');
    await admin.getByRole('checkbox', { name: 'Publiek tonen op de site' }).check({ force: true });
    await expectAccessible(admin, 'endorsement form');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => admin.locator('.field__error').allTextContents())
      .toContainEqual(expect.stringContaining('https://'));
    await admin.getByLabel('Link naar de bron').fill('https://example.org/engagement');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => admin.locator('.toasts [role="status"]').textContent()).toContain('opgeslagen');

    const visitor = await e2e.newPage();
    await goto(visitor, '/engagementen');
    await visitor.getByRole('heading', { name: 'Minister Proef' }).waitFor();
    expect(await visitor.textContent('main')).not.toContain('Jan Proef');
    await expectAccessible(visitor, 'public endorsements');
    expect(pageProblems(visitor)).toEqual([]);
  });
});
