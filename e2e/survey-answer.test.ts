import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { devMailbox, orgUnits, people, surveyResponses } from '../src/server/db/schema';
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

describeWithBrowser('staff survey: answering by the link from the invitation', () => {
  let e2e: E2E;
  let link = '';

  beforeAll(async () => {
    e2e = await startE2E();
    // The demo's open wave has queued its invitations: the fan-out job, then one mail per invitee.
    await e2e.runtime.jobs.runDue();
    await e2e.runtime.jobs.runDue();
    const mails = await e2e.runtime.db
      .select()
      .from(devMailbox)
      .where(eq(devMailbox.toAddresses, demo('employee')));
    const invitation = mails.find((mail) => mail.subject.startsWith('Uitnodiging'));
    const match = invitation && /\/peiling\/[A-Za-z0-9_-]{43}/.exec(invitation.textBody);
    if (!match) throw new Error('no invitation for the demo employee in the dev mailbox');
    link = match[0];
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('refuses a wrong link with a clear message', async () => {
    const page = await e2e.newPage();
    await goto(page, `/peiling/${'x'.repeat(43)}`);
    expect(await page.textContent('.alert')).toContain('Deze link naar de peiling klopt niet');
    await expectAccessible(page, 'survey with an unknown link');
  });

  it('lets the signed-in invitee find the same link under Mijn peilingen', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('employee'));
    await goto(page, '/mijn/peilingen');
    await expectAccessible(page, 'my surveys');
    await page.getByRole('link', { name: 'Pulspeiling waarden' }).click();
    await page.waitForURL(`**${link}`);
    await page.locator('fieldset').first().waitFor();
  });

  it('answers on a narrow phone with the keyboard, saves, resumes, and submits once', async () => {
    const page = await e2e.newPage({ width: 360, height: 740 });
    await goto(page, link);
    expect(await page.textContent('h1')).toBe('Pulspeiling waarden');
    expect(await page.locator('fieldset legend').first().textContent()).toContain(
      'Ik weet wat de waarde openheid bij de Vlaamse overheid inhoudt.',
    );
    // Each section opens with its introduction, as it was when the wave was launched.
    expect(await page.locator('.survey-section__intro').first().textContent()).toMatch(
      /^De volgende uitspraken gaan over de waarde openheid/,
    );
    await expectAccessible(page, 'survey form (phone)');
    // No horizontal scrolling on a narrow screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );

    // Keyboard: Tab into the first radio group, arrows choose within it.
    const first = await tabTo(page, /^input:/);
    expect(first).toMatch(/^input:/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name^="item-"]:checked').count()).toBe(1);
    await expect
      .poll(() => page.textContent('label[for="survey-progress"]'))
      .toMatch(/^1 van \d+ vragen beantwoord$/);
    // A second answer by clicking a label, then the draft is saved on its own.
    await page.locator('fieldset').nth(1).getByText('Helemaal akkoord').click();
    await expect
      .poll(() => page.textContent('.survey-answer__saved'), { timeout: 8000 })
      .toContain('bewaard');

    // Resume: the same link shows the answers given so far.
    await page.reload();
    await page.locator('fieldset').first().waitFor();
    await expect.poll(() => page.locator('input[name^="item-"]:checked').count()).toBe(2);
    await expectAccessible(page, 'survey form resumed');

    // An open answer, then send.
    await page.locator('textarea').fill('Meer tijd voor de waarden in het teamoverleg.');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await expect.poll(() => page.textContent('h1')).toBe('Bedankt!');
    await expectAccessible(page, 'survey thanks');
    const responses = await e2e.runtime.db.select().from(surveyResponses);
    const before = responses.length;

    // The same link again: a clear message, no second response.
    const again = await e2e.newPage();
    await goto(again, link);
    expect(await again.textContent('.alert')).toContain('Je hebt deze peiling al ingevuld');
    expect((await e2e.runtime.db.select().from(surveyResponses)).length).toBe(before);
  });

  it('shows the form in English and lets the programme admin follow participation', async () => {
    const page = await e2e.newPage({ locale: 'en' });
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/peilingen');
    expect(await page.textContent('h1')).toBe('Staff surveys');
    await expectAccessible(page, 'survey admin overview');
    await page.getByRole('link', { name: 'Pulspeiling waarden' }).click();
    await page.locator('table').waitFor();
    expect(await page.textContent('h1')).toBe('Pulspeiling waarden');
    expect(await page.textContent('table')).toContain('Invited');
    await expectAccessible(page, 'survey wave admin');
    await page.getByRole('link', { name: 'Standaardmodule waarden' }).click();
    await page.locator('.survey-section').first().waitFor();
    expect(await page.textContent('.alert')).toContain('standard module');
    await expectAccessible(page, 'standard module');
    expect(await focused(page)).toBeTruthy();
  });

  it('lets the programme admin edit a questionnaire in place and launch a wave for a team, with the keyboard', async () => {
    const page = await e2e.newPage();
    await signInAs(page, demo('admin'));
    await goto(page, '/beheer/peilingen');

    // A new questionnaire, starting as a copy of the standard module.
    const newQuestionnaire = page.locator('form[aria-labelledby="new-questionnaire"]');
    await newQuestionnaire.getByLabel('Titel (Nederlands)').fill('Teampeiling 2026');
    await newQuestionnaire
      .getByLabel('Vertrek van')
      .selectOption({ label: 'Een kopie van: Standaardmodule waarden' });
    await newQuestionnaire.getByRole('button', { name: 'Aanmaken' }).click();
    await page.waitForURL(/\/beheer\/peilingen\/vragenlijsten\/\d+$/);
    const editorPath = new URL(page.url()).pathname;
    await page.locator('.survey-section').first().waitFor();
    const status = page.locator('p[role="status"].survey-answer__saved');
    // Used by no wave yet: no word about waves.
    expect(await page.locator('main').textContent()).not.toContain('gebruikt deze vragenlijst');

    // Edit an item: the form opens in place with focus in its first field (the kind).
    await page.getByRole('button', { name: 'Vraag wijzigen: Ik weet wat de waarde openheid' }).focus();
    await page.keyboard.press('Enter');
    const form = page.locator('.survey-admin-item--editing form');
    await form.waitFor();
    expect(await focused(page)).toMatch(/^select:/);
    expect(await form.locator('textarea[name="textNl"]').inputValue()).toBe(
      'Ik weet wat de waarde openheid bij de Vlaamse overheid inhoudt.',
    );
    await page.keyboard.type('Open'); // type-ahead in the closed select: "Open vraag"
    expect(await form.locator('select[name="kind"]').inputValue()).toBe('text');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Ik weet wat openheid in mijn team betekent.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('I know what openness means in my team.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Wend'); // the value tag
    expect(await form.locator('select[name="valueKey"]').inputValue()).toBe('wendbaarheid');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // objective 3 → 4
    expect(await form.locator('select[name="objective"]').inputValue()).toBe('4');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // outcome: refused by the server for an open question
    await tabTo(page, /^button:Bewaren$/);
    await page.keyboard.press('Enter');
    const outcomeError = form.locator(`#item-${await itemIdOf(page, 'openheid.know')}-outcome-error`);
    await expect.poll(() => outcomeError.textContent()).toContain('Alleen een schaalvraag');
    // Focus goes to the refused field; the message is its description.
    expect(await focused(page)).toMatch(/^input:/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await expectAccessible(page, 'questionnaire editor: item form with a server error');
    await page.keyboard.press('Space'); // not an outcome after all
    await tabTo(page, /^button:Bewaren$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Vraag bewaard.');
    await form.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button:Vraag wijzigen: Ik weet wat openheid in mijn team betekent.');
    const edited = page.locator('.survey-admin-item', {
      hasText: 'Ik weet wat openheid in mijn team betekent.',
    });
    expect(await edited.textContent()).toContain('I know what openness means in my team.');
    expect(await edited.locator('.survey-admin-item__tags').textContent()).toBe(
      'Open vraag · openheid.know · Wendbaarheid · Doelstelling 4: Politieke verantwoordelijken staan achter de waarden',
    );

    // The questionnaire as a respondent sees it: same form, nothing saved or sent.
    await page.getByRole('link', { name: 'Voorbeeld bekijken als medewerker' }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+\/voorbeeld$/);
    await expect.poll(() => page.textContent('main')).toContain('Niets wordt bewaard of verzonden');
    expect(await page.textContent('main')).toContain('Ik weet wat openheid in mijn team betekent.');
    await expectAccessible(page, 'questionnaire preview');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    // No question of this copy is required, so the preview "sends" and says that nothing was kept.
    await expect.poll(() => page.textContent('main')).toContain('Dit voorbeeld bewaart niets.');
    await page.getByRole('link', { name: 'Terug naar de vragenlijst' }).click();
    await page.waitForURL(/\/beheer\/peilingen\/vragenlijsten\/\d+$/);
    await page.locator('.survey-section').first().waitFor();

    // A choice item: options in nl and en, one row each.
    await page
      .getByRole('button', { name: 'Vraag wijzigen: Ik kan aan een collega uitleggen wat openheid' })
      .focus();
    await page.keyboard.press('Enter');
    await form.waitFor();
    await page.keyboard.type('E'); // "Eén keuze"
    expect(await form.locator('select[name="kind"]').inputValue()).toBe('single');
    await tabTo(page, /^input:/); // past both texts, to option 1 (Dutch)
    await page.keyboard.type('Ja');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Yes');
    await tabTo(page, /^input:/);
    await page.keyboard.type('Nee');
    await page.keyboard.press('Tab');
    await page.keyboard.type('No');
    await tabTo(page, /^button:Optie toevoegen$/);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-nl$/); // the new row's first field
    await page.keyboard.type('Soms');
    await tabTo(page, /^button:Bewaren$/);
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatch(/^button:Vraag wijzigen: Ik kan aan een collega uitleggen/);
    expect(
      await page
        .locator('.survey-admin-item', { hasText: 'Ik kan aan een collega uitleggen wat openheid' })
        .locator('.survey-admin-item__tags')
        .textContent(),
    ).toContain(
      'Eén keuze · openheid.explain · Openheid · Doelstelling 3: Elk personeelslid kent, begrijpt en past de waarden toe · Ja (Yes) / Nee (No) / Soms',
    );

    // Escape closes an edit form unsaved and gives focus back to its Edit button.
    const third = page.getByRole('button', { name: /^Vraag wijzigen: Ik breng openheid/ });
    const thirdName = (await third.getAttribute('aria-label'))!;
    await third.focus();
    await page.keyboard.press('Enter');
    await form.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type(' (niet bewaard)');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe(`button:${thirdName}`);
    expect(await page.textContent('main')).not.toContain('(niet bewaard)');

    // A section: both titles and introductions; Enter in a field saves.
    await page.getByRole('button', { name: 'Sectie wijzigen: Openheid' }).focus();
    await page.keyboard.press('Enter');
    const sectionForm = page.locator('.survey-section form').first();
    await sectionForm.waitFor();
    expect(await focused(page)).toBe('input:titleNl');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Openheid in het team');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Openness in the team');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Denk aan je eigen team.');
    await expectAccessible(page, 'questionnaire editor: section form');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Sectie „Openheid in het team” bewaard.');
    expect(await focused(page)).toBe('button:Sectie wijzigen: Openheid in het team');
    const section = page.locator('.survey-section').first();
    expect(await section.locator('h2').textContent()).toBe('Openheid in het team');
    expect(await section.textContent()).toContain('Openness in the team');
    expect(await section.textContent()).toContain('Denk aan je eigen team.');
    await expectAccessible(page, 'questionnaire editor after editing');

    // Deleting a section asks first, in a dialog: Escape keeps it, confirming removes it and its questions.
    const sectionCount = await page.locator('.survey-section h2').count();
    await page.getByRole('button', { name: 'Sectie verwijderen: Openheid in het team' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Sectie verwijderen' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(
      'De sectie "Openheid in het team" en al haar vragen verwijderen?',
    );
    await expectAccessible(page, 'questionnaire editor: delete section dialog');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button:Sectie verwijderen: Openheid in het team');
    expect(await page.locator('.survey-section h2').count()).toBe(sectionCount);
    const newSection = page.getByRole('form', { name: 'Nieuwe sectie' });
    await newSection.getByLabel('Titel (Nederlands)').fill('Tijdelijke sectie');
    await newSection.getByRole('button', { name: 'Sectie toevoegen' }).click();
    await expect.poll(() => page.locator('.survey-section h2').count()).toBe(sectionCount + 1);
    await page.getByRole('button', { name: 'Sectie verwijderen: Tijdelijke sectie' }).focus();
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Verwijderen' }).focus();
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.survey-section h2').count()).toBe(sectionCount);
    expect(await page.locator('.survey-section h2').allTextContents()).not.toContain('Tijdelijke sectie');

    // A wave for one team, picked from the whole tree.
    const [employee] = await e2e.runtime.db
      .select()
      .from(people)
      .where(eq(people.email, demo('employee')));
    const [team] = await e2e.runtime.db.select().from(orgUnits).where(eq(orgUnits.id, employee!.unitId!));
    expect(team!.kind).toBe('team');
    const units = (await (await page.request.get('/api/org/units')).json()) as {
      id: number;
      headcount: number;
    }[];
    const headcount = units.find((unit) => unit.id === team!.id)!.headcount;
    await goto(page, '/beheer/peilingen');
    const newWave = page.locator('form[aria-labelledby="new-wave"]');
    await newWave.locator('select[name="questionnaireId"]').selectOption({ label: 'Teampeiling 2026' });
    await newWave.locator('input[name="titleNl"]').fill('Teampeiling');
    const today = new Date().toISOString().slice(0, 10);
    await newWave.getByLabel('Opent op', { exact: true }).fill(today);
    await newWave.getByLabel('Sluit na', { exact: true }).fill('2099-06-30');
    await newWave.getByLabel(/^Zoek een eenheid/).focus();
    await page.keyboard.type(team!.code);
    await expect.poll(() => newWave.textContent()).toContain('1 eenheid gevonden.');
    expect(await focused(page)).toMatch(/^input:/);
    await tabTo(page, /^input:/); // past the kind filter, to the team's checkbox
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await page.keyboard.press('Space');
    const covered = headcount === 1 ? '1 persoon' : `${headcount} personen`;
    await expect
      .poll(() => newWave.locator('.survey-targets__summary').textContent())
      .toBe(`1 eenheid gekozen, samen ${covered}.`);
    expect(await newWave.locator('.survey-targets__list').first().textContent()).toContain(team!.nameNl);
    await expectAccessible(page, 'survey admin: wave form with a team chosen');
    await newWave.getByRole('button', { name: 'Aanmaken' }).click();
    await page.waitForURL(/\/beheer\/peilingen\/\d+$/);
    await page.locator('dl.facts').waitFor();
    expect(await page.textContent('dl.facts')).toContain(team!.nameNl);

    // The closing date, changed in place.
    await page.getByRole('button', { name: 'Sluitingsdatum wijzigen' }).focus();
    await page.keyboard.press('Enter');
    const dateField = page.getByLabel(/^Nieuwe sluitingsdatum/);
    await dateField.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
    expect(await dateField.inputValue()).toBe('2099-06-30');
    await expectAccessible(page, 'wave admin: closing date form');
    await dateField.fill('2099-07-15');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.textContent('main p[role="status"]'))
      .toBe('Sluitingsdatum gewijzigd naar 2099-07-15.');
    expect(await focused(page)).toBe('button:Sluitingsdatum wijzigen');
    expect(await page.textContent('dl.facts')).toContain(`${today} – 2099-07-15`);

    // Launched, the wave invites exactly the team.
    // First the counts and a confirmation: nothing is sent before the admin agrees to these numbers.
    await page.getByRole('button', { name: 'Peiling starten' }).click();
    const launchDialog = page.getByRole('alertdialog', { name: 'Peiling starten?' });
    await launchDialog.waitFor();
    expect(await launchDialog.textContent()).toMatch(
      new RegExp(`Je nodigt nu ${headcount} personen? uit in \\d+ eenhe`),
    );
    await expectAccessible(page, 'wave admin: launch confirmation');
    await page.keyboard.press('Escape');
    await launchDialog.waitFor({ state: 'detached' });
    expect(await page.textContent('dl.facts')).toContain('Ontwerp');
    await page.getByRole('button', { name: 'Peiling starten' }).click();
    await page.getByRole('button', { name: new RegExp(`^Ja, ${headcount} personen? uitnodigen$`) }).click();
    await expect.poll(() => page.textContent('dl.facts')).toContain('Loopt');
    expect(await page.textContent('dl.facts')).toContain(`${headcount} uitgenodigd`);

    // Back in the editor, the admin is told that a started wave keeps its own copy of the questions.
    await goto(page, editorPath);
    await page.locator('.survey-section').first().waitFor();
    expect(await page.locator('main').textContent()).toContain(
      'Eén peiling gebruikt deze vragenlijst. Een gestarte peiling houdt de vragen zoals ze bij de start waren',
    );
    await expectAccessible(page, 'questionnaire editor of a questionnaire in use');
  });
});

/** The id of an item of the questionnaire on the page, by its key (read from the API, as the page does). */
async function itemIdOf(page: import('playwright-core').Page, itemKey: string): Promise<number> {
  const id = /\/vragenlijsten\/(\d+)/.exec(page.url())![1];
  const q = (await (await page.request.get(`/api/survey/admin/questionnaires/${id}`)).json()) as {
    sections: { items: { id: number; itemKey: string }[] }[];
  };
  return q.sections.flatMap((s) => s.items).find((item) => item.itemKey === itemKey)!.id;
}
