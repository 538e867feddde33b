import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, queryRows } from '../src/server/db/client';
import { createRuntime, type Runtime } from '../src/server/runtime';
import { seedDemo } from '../src/server/seed';
import { TEST_APP_SECRET } from '../test/support/test-app';
import { createTestDatabase, engines } from '../test/support/test-db';
import {
  chromiumPath,
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

const ALWAYS_OPEN = JSON.stringify({
  timeZone: 'Europe/Brussels',
  days: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]])),
});

describeWithBrowser('contact 1700 chat in the browser: citizens, two agents, live queue', () => {
  let e2e: E2E;
  let restarted: { app: FastifyInstance; runtime: Runtime } | null = null;

  beforeAll(async () => {
    e2e = await startE2E();
    await setOpeningHours(ALWAYS_OPEN);
    await e2e.runtime.db.execute(sql`insert into chat_canned_answers (queue_id, title, text_nl, text_en)
      values (null, 'Begroeting', 'Goedendag, waarmee kan ik je helpen?', 'Good day, how can I help you?')`);
  });
  afterAll(async () => {
    await restarted?.app.close();
    await restarted?.runtime.close();
    await e2e?.close();
  });

  async function setOpeningHours(json: string) {
    await e2e.runtime.db.execute(
      sql`update chat_queues set opening_hours = ${json}::jsonb, holidays = '[]'::jsonb`,
    );
  }

  const widget = (page: Page) => page.getByRole('region', { name: 'Chat met 1700' });
  const live = (page: Page) => page.getByTestId('chat-live');
  // What the panel shows, without its (visually hidden) live region, which repeats the latest news.
  const view = (page: Page) => widget(page).locator('.chat-panel > :not([aria-live])');
  const messages = (page: Page) => widget(page).locator('.chat-panel__message');

  async function openChat(page: Page) {
    await page.getByRole('button', { name: 'Chat met ons' }).click();
    await widget(page).getByRole('button', { name: 'Start een chatgesprek' }).waitFor();
  }

  async function startChat(
    page: Page,
    name: string,
    expect: RegExp = /Je bent nummer \d+ in de wachtrij/,
    transcriptEmail?: string,
  ) {
    await openChat(page);
    await widget(page).getByLabel('Je naam (niet verplicht)').fill(name);
    if (transcriptEmail)
      await widget(page)
        .getByLabel(/Je e-mailadres, als je het gesprek na afloop/)
        .fill(transcriptEmail);
    await widget(page).getByRole('button', { name: 'Start een chatgesprek' }).click();
    await view(page).getByText(expect).waitFor();
  }

  const position = async (page: Page) =>
    (await widget(page).locator('.chat-panel__position').textContent())?.match(/nummer (\d+)/)?.[1];

  async function chooseOption(page: Page, label: RegExp, option: string) {
    const button = page.getByRole('button', { name: label });
    if ((await button.textContent())?.replace('▾', '').trim() === option) return;
    await button.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function agentConsole(email: string) {
    const page = await e2e.newPage();
    await signInAs(page, demo(email));
    await goto(page, '/');
    // The nav link for agents and supervisors leads to the console.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: '1700', exact: true })
      .click();
    await page.waitForSelector('h1:has-text("Chatconsole 1700")');
    await page.getByText('Verbonden met de chatdienst.').waitFor();
    return page;
  }

  it('keeps three citizens informed as two agents take their chats; messages, notes, canned answers, typing, a transfer; a reload resumes', async () => {
    const agentA = await agentConsole('agent');
    expect(await agentA.textContent('main')).toContain('Je hebt geen lopende gesprekken');
    await expectAccessible(agentA, 'agent console, no chats');

    // The first citizen's window is short, so the chat in the footer can scroll out of sight.
    const citizens = [await e2e.newPage({ height: 560 }), await e2e.newPage(), await e2e.newPage()];
    await goto(citizens[0]!, '/');
    // An gives an address for the transcript at the start: the only address it can go to.
    await startChat(citizens[0]!, 'An', undefined, 'an@burger.test');
    await goto(citizens[1]!, '/waarden');
    await startChat(citizens[1]!, 'Bart');

    // The third citizen uses only the keyboard: Tab to the launcher, Enter, fill in, Enter.
    const keyboard = citizens[2]!;
    await goto(keyboard, '/');
    await tabTo(keyboard, /^button:Chat met ons$/, { max: 120 });
    await keyboard.keyboard.press('Enter');
    // The panel's code and the queue list load first ("Bezig met laden"), as a keyboard user waits for.
    await widget(keyboard).getByLabel('Je naam (niet verplicht)').waitFor();
    await tabTo(keyboard, /chat-name/);
    await keyboard.keyboard.type('Chris');
    await tabTo(keyboard, /^button:Start een chatgesprek$/);
    await keyboard.keyboard.press('Enter');
    await view(keyboard)
      .getByText(/Je bent nummer 3 in de wachtrij/)
      .waitFor();
    // The start form is gone: the focus moved to the queue place.
    await expect.poll(() => focused(keyboard)).toMatch(/^p:Je bent nummer 3 in de wachtrij/);

    expect(await Promise.all(citizens.map(position))).toEqual(['1', '2', '3']);
    // Nobody on duty yet: no honest estimate, and the e-mail form is offered.
    expect(await widget(citizens[2]!).textContent()).toContain('we kunnen de wachttijd niet schatten');
    await expectAccessible(citizens[2]!, 'chat widget while waiting');
    // The polite region holds the latest news only: the queue place, not a history.
    await expect.poll(() => live(citizens[0]!).textContent()).toMatch(/^Je bent nummer 1 in de wachtrij/);

    // The waiting citizen can already type; the message waits with the chat.
    await tabTo(keyboard, /^textarea/);
    await keyboard.keyboard.type('Ik wacht al even.');
    await keyboard.keyboard.press('Enter');
    await expect.poll(() => messages(keyboard).count()).toBe(1);

    // Agent A takes one chat at a time: the head of the queue; the others move up.
    await chooseOption(agentA, /Gesprekken tegelijk/, '1');
    await chooseOption(agentA, /Je status/, 'Beschikbaar');
    await view(citizens[0]!).getByText('Jens Willems helpt je nu verder.').waitFor();
    await expect.poll(() => position(citizens[1]!)).toBe('1');
    await expect.poll(() => position(citizens[2]!)).toBe('2');
    await agentA.getByRole('tab', { name: /An/ }).waitFor();

    const agentB = await agentConsole('supervisor');
    await chooseOption(agentB, /Gesprekken tegelijk/, '1');
    await chooseOption(agentB, /Je status/, 'Beschikbaar');
    await view(citizens[1]!).getByText('Els Claes helpt je nu verder.').waitFor();
    await expect.poll(() => position(citizens[2]!)).toBe('1');

    // A canned answer fills the message field (in the citizen's language); the agent sends it.
    const paneB = agentB.getByRole('tabpanel');
    // Searched by part of its title in the picker:
    await paneB.getByRole('combobox', { name: 'Standaardantwoord zoeken en invoegen' }).fill('Begro');
    await agentB.getByRole('option', { name: 'Begroeting', exact: true }).click();
    await expect
      .poll(() => paneB.getByLabel('Je bericht').inputValue())
      .toBe('Goedendag, waarmee kan ik je helpen?');
    await paneB.getByLabel('Je bericht').press('Enter');
    await view(citizens[1]!).getByText('Goedendag, waarmee kan ik je helpen?').waitFor();
    // …or by its shortcut: "/hallo" and Enter puts the demo's greeting, with the citizen's name, in the field.
    await paneB.getByLabel('Je bericht').fill('/hallo');
    await paneB.getByLabel('Je bericht').press('Enter');
    await expect
      .poll(() => paneB.getByLabel('Je bericht').inputValue())
      .toBe('Dag Bart, welkom bij 1700. Waarmee kan ik je helpen?');
    await paneB.getByLabel('Je bericht').fill('');
    // The close button says why it is disabled until a category is chosen.
    await paneB.getByText('Kies eerst een categorie om het gesprek af te sluiten.').waitFor();

    // Citizen → agent, as text (markup is never run).
    const an = citizens[0]!;
    await widget(an).getByLabel('Je bericht').fill('Hoe vraag ik <b>zorgverlof</b> aan?');
    await widget(an).getByLabel('Je bericht').press('Enter');
    const paneA = agentA.getByRole('tabpanel');
    await paneA.getByText('Hoe vraag ik <b>zorgverlof</b> aan?').waitFor();
    expect(await agentA.locator('.agent-chat__messages b').count()).toBe(0);

    // Agent typing is shown to the citizen; the answer arrives and is announced.
    const input = paneA.getByLabel('Je bericht');
    await input.click();
    await agentA.keyboard.type('Via het formulier');
    await view(an).getByText('De medewerker typt…').waitFor();
    await agentA.keyboard.type(' op de personeelssite.');
    await paneA.getByRole('button', { name: 'Versturen naar burger' }).click();
    await view(an).getByText('Via het formulier op de personeelssite.').waitFor();
    // The region speaks at most every 2 s, so the news may wait for the previous announcement's gap.
    await expect.poll(() => live(an).textContent()).toContain('Nieuw bericht van Jens Willems');

    // An internal note: shown to the agent, clearly marked, never to the citizen.
    await input.fill('Burger werkt bij een agentschap.');
    await paneA.getByRole('button', { name: 'Opslaan als interne notitie' }).click();
    await paneA.locator('.agent-chat__message--note').getByText('Interne notitie:').waitFor();
    await expectAccessible(agentA, 'agent console with a chat');

    // Scrolled away from the chat: a dock shows the news and leads back to it.
    await an.evaluate(() => window.scrollTo(0, 0));
    const dock = an.getByRole('complementary', { name: 'Je chatgesprek met 1700' });
    await dock.getByText('Jens Willems helpt je nu verder.').waitFor();
    await input.fill('Lukt het?');
    await paneA.getByRole('button', { name: 'Versturen naar burger' }).click();
    await dock.getByText('1 nieuw bericht', { exact: false }).waitFor();
    await expectAccessible(an, 'chat dock');
    await dock.getByRole('button', { name: 'Naar de chat' }).click();
    await expect.poll(() => focused(an)).toMatch(/^textarea/);
    await dock.waitFor({ state: 'detached' });

    // A reload mid-chat: the widget opens by itself with the full history, once.
    await an.reload();
    await view(an).getByText('Lukt het?').waitFor();
    await expect.poll(() => messages(an).count()).toBe(3);
    expect(await widget(an).textContent()).not.toContain('Burger werkt bij een agentschap');
    await expectAccessible(an, 'chat widget in a conversation');

    // The agent closes with a category; the freed slot serves the next citizen at once.
    await chooseOption(agentA, /Categorie/, 'Informatie gegeven');
    await paneA.getByRole('button', { name: 'Gesprek afsluiten' }).click();
    await view(an).getByText('Het chatgesprek is afgesloten.').waitFor();
    await view(keyboard).getByText('Jens Willems helpt je nu verder.').waitFor();
    await agentA.getByRole('tab', { name: /Chris/ }).waitFor();
    expect(await agentA.getByRole('tab', { name: /An/ }).count()).toBe(0);
    // The message Chris typed while waiting is there for the agent.
    await agentA.getByRole('tabpanel').getByText('Ik wacht al even.').waitFor();

    // B hands Bart's chat to A, who now takes two at once; Bart keeps his chat and its history.
    await chooseOption(agentA, /Gesprekken tegelijk/, '2');
    await paneB.getByLabel('Je bericht').fill('Ik verbind je door met een collega.');
    await paneB.getByRole('button', { name: 'Versturen naar burger' }).click();
    await chooseOption(agentB, /Doorverbinden naar/, 'Jens Willems (1 vrij)');
    await paneB.getByRole('button', { name: 'Doorverbinden', exact: true }).click();
    await agentB.getByText('Je hebt geen lopende gesprekken').waitFor();
    await view(citizens[1]!).getByText('Jens Willems helpt je nu verder.').waitFor();
    // Between chats by keyboard: the arrow keys move along the tabs.
    await agentA.getByRole('tab', { name: /Chris/ }).click();
    await agentA.keyboard.press('ArrowRight');
    expect(await focused(agentA)).toMatch(/^tab:Bart/);
    await agentA.getByRole('tabpanel').getByText('Ik verbind je door met een collega.').waitFor();
    await expectAccessible(agentA, 'agent console with two chats');

    // After the chat: the contact-feedback form, with the token the server sent in the 'closed' message.
    await widget(an).getByRole('form', { name: 'Hoe was je contact met 1700?' }).waitFor();
    await expectAccessible(an, 'chat widget after the chat, with the feedback form');

    // After the end the citizen can download the conversation, or have it mailed once to the start address.
    await widget(an).getByRole('button', { name: 'Download het gesprek' }).waitFor();
    await widget(an).getByRole('button', { name: 'Stuur het gesprek naar an@burger.test' }).click();
    await view(an).getByText('We sturen het gesprek naar an@burger.test.').waitFor();
    expect(
      await widget(an)
        .getByRole('button', { name: /Stuur het gesprek naar/ })
        .count(),
    ).toBe(0);

    // The citizen ends the chat; the agent sees it closed and clears it from the list.
    await widget(citizens[1]!).getByRole('button', { name: 'Gesprek beëindigen' }).click();
    // The form is gone with the chat: the focus lands on the closing note, not on the page.
    await expect.poll(() => focused(citizens[1]!)).toMatch(/^p:Het chatgesprek is afgesloten/);
    await agentA.getByRole('tabpanel').getByText('Dit gesprek is afgesloten.').waitFor();
    await agentA.getByRole('button', { name: 'Gesprek uit de lijst halen' }).click();
    expect(await agentA.getByRole('tab', { name: /Bart/ }).count()).toBe(0);

    // Chris's chat ends too, and both agents step away: the next test starts from a quiet queue.
    await chooseOption(agentA, /Categorie/, 'Doorverwezen');
    await agentA.getByRole('tabpanel').getByRole('button', { name: 'Gesprek afsluiten' }).click();
    await agentA.getByText('Je hebt geen lopende gesprekken').waitFor();
    await expect.poll(() => focused(agentA)).toBe('h2:Je gesprekken');
    await chooseOption(agentB, /Je status/, 'Afwezig');
    await chooseOption(agentA, /Je status/, 'Afwezig');

    const stored = await queryRows<{ body: string; n: number }>(
      e2e.runtime.db,
      sql`select body, count(*)::int as n from chat_messages group by body having count(*) > 1`,
    );
    expect(stored, 'no message stored twice').toEqual([]);
    for (const page of [agentA, agentB, ...citizens]) expect(pageProblems(page)).toEqual([]);
    for (const page of [agentA, agentB, ...citizens]) await page.context().close();
  });

  it('survives a server restart mid-chat: same chat, full history, a message sent while down arrives once', async () => {
    const agent = await agentConsole('agent');
    const citizen = await e2e.newPage();
    await goto(citizen, '/');
    // Available first: the chat is taken at once.
    await chooseOption(agent, /Je status/, 'Beschikbaar');
    await startChat(citizen, 'Dirk', /Jens Willems helpt je nu verder/);
    await widget(citizen).getByLabel('Je bericht').fill('Eerste bericht');
    await widget(citizen).getByLabel('Je bericht').press('Enter');
    await agent.getByRole('tabpanel').getByText('Eerste bericht').waitFor();

    const { port } = e2e.app.server.address() as AddressInfo;
    await e2e.app.close();
    await view(citizen)
      .getByText(/De verbinding is verbroken/)
      .waitFor();
    // Typed while the server is down: kept with its client id and sent after the reconnect.
    await widget(citizen).getByLabel('Je bericht').fill('Tijdens de herstart');
    await widget(citizen).getByLabel('Je bericht').press('Enter');

    await agent.getByText('Verbinding maken met de chatdienst…').waitFor();
    await agent.getByRole('tabpanel').getByLabel('Je bericht').fill('Ook van mij tijdens de herstart');
    await agent.getByRole('tabpanel').getByRole('button', { name: 'Versturen naar burger' }).click();
    await agent.getByRole('tabpanel').getByText('(wordt verstuurd):').waitFor();

    // A new process on the same database: the old one's background work (hubs, sweeps) stops with it.
    for (const { definition, services } of e2e.runtime.modules)
      for (const hub of definition.hubs?.(services) ?? []) await hub.stop();
    const runtime = await createRuntime(e2e.runtime.config, {
      // The first runtime closes the database at the end.
      database: { ...e2e.runtime.database, close: async () => undefined },
      logger: false,
      rateLimits: false,
      startJobs: false,
      seed: false,
    });
    restarted = { app: await buildApp({ ...runtime, webDist: inject('webDist') ?? undefined }), runtime };
    await restarted.app.listen({ port, host: '127.0.0.1' });

    await agent.getByRole('tabpanel').getByText('Tijdens de herstart').waitFor({ timeout: 20_000 });
    await agent.getByText('Verbonden met de chatdienst.').waitFor({ timeout: 20_000 });
    await view(citizen).getByText('Ook van mij tijdens de herstart').waitFor({ timeout: 20_000 });
    await expect.poll(() => messages(citizen).count(), { timeout: 20_000 }).toBe(3);
    expect(await citizen.locator('.chat-panel__message--pending').count()).toBe(0);
    const rows = await queryRows<{ n: number }>(
      e2e.runtime.db,
      sql`select count(*)::int as n from chat_messages where body ilike '%tijdens de herstart' group by body`,
    );
    expect(rows.map((r) => r.n)).toEqual([1, 1]);
    await agent.getByRole('tabpanel').getByLabel('Je bericht').fill('Welkom terug.');
    await agent.getByRole('tabpanel').getByRole('button', { name: 'Versturen naar burger' }).click();
    await view(citizen).getByText('Welkom terug.').waitFor();

    // Offline: routing stops and the console says so.
    await chooseOption(agent, /Je status/, 'Offline');
    await agent.getByText('Je bent offline: je krijgt geen chats.').waitFor();
    // …and back: the console reconnects and the status is sent once the server greeted it.
    await chooseOption(agent, /Je status/, 'Beschikbaar');
    await agent.getByText('Verbonden met de chatdienst.').waitFor();
    await expect
      .poll(
        async () =>
          (
            await queryRows<{ status: string }>(
              e2e.runtime.db,
              sql`select status from chat_agents g join accounts a on a.id = g.account_id where a.email = ${demo('agent')}`,
            )
          )[0]?.status,
      )
      .toBe('available');
  });

  it('outside opening hours, with a full queue or without its code, the chat says so and offers the e-mail form', async () => {
    await setOpeningHours(JSON.stringify({ timeZone: 'Europe/Brussels', days: {} }));
    const page = await e2e.newPage({ locale: 'en' });
    await goto(page, '/');
    await page.getByRole('button', { name: 'Chat with us' }).click();
    const chat = page.getByRole('region', { name: 'Chat with 1700' });
    await chat.getByText('The chat is closed right now', { exact: false }).waitFor();
    await chat.getByRole('button', { name: 'Send an e-mail to 1700' }).click();
    await expect.poll(() => focused(page)).toMatch(/name/i);
    await expectAccessible(page, 'chat widget when closed (en)');

    // Closed today for a holiday, open every day otherwise: the service's own text and the next opening in
    // Brussels time, said once, then the e-mail form.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    await setOpeningHours(
      JSON.stringify({
        timeZone: 'Europe/Brussels',
        days: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['09:00', '17:00']]])),
      }),
    );
    await e2e.runtime.db.execute(sql`update chat_queues set holidays = ${JSON.stringify([today])}::jsonb,
      closed_text_nl = 'Vandaag is het een feestdag.', closed_text_en = 'Today is a public holiday.'`);
    const holiday = await e2e.newPage();
    await goto(holiday, '/');
    await holiday.getByRole('button', { name: 'Chat met ons' }).click();
    const closedChat = holiday.getByRole('region', { name: 'Chat met 1700' });
    await closedChat.getByText('Vandaag is het een feestdag.').waitFor();
    await closedChat.getByText('We zijn morgen opnieuw bereikbaar om 9.00 uur.').waitFor();
    expect(await closedChat.getByText(/gesloten/).count()).toBe(0);
    await expectAccessible(holiday, 'chat widget closed for a holiday');
    await e2e.runtime.db.execute(
      sql`update chat_queues set holidays = '[]'::jsonb, closed_text_nl = null, closed_text_en = null`,
    );
    await setOpeningHours(ALWAYS_OPEN);

    // Open, but the queue is full: the refusal is read out and the e-mail form offered.
    await e2e.runtime.db.execute(sql`update chat_queues set max_queue_length = 0`);
    const full = await e2e.newPage();
    await goto(full, '/');
    await startChat(full, 'Eva', /wachtrij van de chat is vol/);
    expect(await widget(full).getByRole('alert').textContent()).toContain('Stuur ons een e-mail');
    await widget(full).getByRole('button', { name: 'Stuur een e-mail naar 1700' }).click();
    await expect.poll(() => focused(full)).toMatch(/name/i);
    await e2e.runtime.db.execute(sql`update chat_queues set max_queue_length = 50`);

    // The chat's code cannot load (offline, or an old page after a release): the slot says so, the page lives on.
    const offline = await e2e.newPage();
    await offline.route('**/assets/ChatPanel-*.js', (route) => route.abort());
    await goto(offline, '/');
    await offline.getByRole('button', { name: 'Chat met ons' }).click();
    await widget(offline).getByRole('alert').getByText('De chat kon niet laden.', { exact: false }).waitFor();
    expect(await offline.getByRole('button', { name: 'Stuur een e-mail naar 1700' }).count()).toBe(1);
    await expectAccessible(offline, 'chat widget whose code could not load');
  });
});

// Two server processes on one PostgreSQL, as in production: the citizen's browser talks to one, the agent's
// to the other; the queue, the assignment and every message cross between them through the database.
describeWithBrowser('contact 1700 chat across two server processes on one PostgreSQL', () => {
  const onPostgres = engines.includes('postgres');
  const servers: { app: FastifyInstance; runtime: Runtime; url: string }[] = [];
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!onPostgres) return;
    const database = await createTestDatabase('postgres');
    const config = loadConfig({
      APP_SECRET: TEST_APP_SECRET,
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://127.0.0.1',
      DEMO: 'false',
    });
    const options = { logger: false, rateLimits: false, startJobs: false, seed: false } as const;
    const first = await createRuntime(config, { ...options, database });
    await seedDemo(database.db, { staff: 20, appSecret: TEST_APP_SECRET });
    await first.db.execute(
      sql`update chat_queues set opening_hours = ${ALWAYS_OPEN}::jsonb, holidays = '[]'::jsonb`,
    );
    const second = await createRuntime(config, {
      ...options,
      database: await openDatabase({ databaseUrl: database.connectionString! }),
    });
    for (const runtime of [first, second]) {
      const app = await buildApp({ ...runtime, webDist: inject('webDist') ?? undefined });
      await app.listen({ port: 0, host: '127.0.0.1' });
      servers.push({ app, runtime, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
    }
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--headless', '--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    for (const { app } of servers) await app.close();
    for (const { runtime } of servers) await runtime.close();
  });

  (onPostgres ? it : it.skip)(
    'queues, assigns and delivers between a citizen on one process and an agent on the other',
    async () => {
      const [one, other] = servers as [(typeof servers)[0], (typeof servers)[0]];
      const open = async (baseURL: string) => {
        const page = await (await browser!.newContext({ baseURL, locale: 'nl-BE' })).newPage();
        page.setDefaultTimeout(10_000);
        return page;
      };
      const agent = await open(other.url);
      await signInAs(agent, demo('agent'));
      await goto(agent, '/1700');
      await agent.getByText('Verbonden met de chatdienst.').waitFor();

      const citizen = await open(one.url);
      await goto(citizen, '/');
      await citizen.getByRole('button', { name: 'Chat met ons' }).click();
      const chat = citizen.getByRole('region', { name: 'Chat met 1700' });
      await chat.getByRole('button', { name: 'Start een chatgesprek' }).click();
      await chat.locator('.chat-panel__position').getByText('Je bent nummer 1 in de wachtrij.').waitFor();

      await agent.getByRole('button', { name: /Je status/ }).click();
      await agent.getByRole('option', { name: 'Beschikbaar', exact: true }).click();
      await chat.locator('.chat-panel__agent').getByText('Jens Willems helpt je nu verder.').waitFor();

      await chat.getByLabel('Je bericht').fill('Hallo vanuit proces één');
      await chat.getByLabel('Je bericht').press('Enter');
      const pane = agent.getByRole('tabpanel');
      await pane.getByText('Hallo vanuit proces één').waitFor();
      await pane.getByLabel('Je bericht').fill('Antwoord vanuit proces twee');
      await pane.getByLabel('Je bericht').press('Enter');
      await chat.locator('.chat-panel__messages').getByText('Antwoord vanuit proces twee').waitFor();
    },
  );
});
