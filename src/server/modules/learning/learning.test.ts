import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../../test/support/multipart';
import { insertPerson, insertSmallTree, insertUnit } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { queryRows } from '../../db/client';
import { entityValueTranslations, learningCards, learningQuestions } from '../../db/schema';
import { publishLearningRelease } from './learning.service';
import { seedQuestions } from './seed-questions';

type Question = {
  id: number;
  level: string;
  valueKey: string | null;
  prompt: { nl: string };
  options: { id: string }[];
  review: boolean;
};

describe('learning seed content', () => {
  it('has at least 8 dilemmas per value, each in Dutch and English with feedback on every option and one best answer', () => {
    for (const value of ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid']) {
      const dilemmas = seedQuestions.filter((q) => q.level === 'applies' && q.valueKey === value);
      expect(dilemmas.length).toBeGreaterThanOrEqual(8);
      for (const q of dilemmas) {
        if (q.level !== 'applies') continue;
        expect(q.content.situation.nl && q.content.situation.en).toBeTruthy();
        expect(q.content.options.filter((o) => o.best)).toHaveLength(1);
        for (const o of q.content.options) expect(o.feedback.nl && o.feedback.en && o.text.en).toBeTruthy();
        expect(q.content.valuesAtStake).toContain(value);
      }
      for (const level of ['knows', 'explains'] as const)
        expect(
          seedQuestions.filter((q) => q.level === level && q.valueKey === value).length,
        ).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(seedQuestions.map((q) => q.key)).size).toBe(seedQuestions.length);
  });
});

describeEachEngine('learning path, knowledge checks and aggregates', (engine) => {
  const ctx = useTestContext(engine);
  let tree: Awaited<ReturnType<typeof insertSmallTree>>;
  let smallTeam: Awaited<ReturnType<typeof insertUnit>>;
  let employee: Session;
  let admin: Session;
  let smallTeamManager: Session;
  let coordinator: Session;
  const teamAccounts: number[] = [];
  const smallTeamAccounts: number[] = [];

  beforeAll(async () => {
    const db = ctx.current.database.db;
    tree = await insertSmallTree(db, 'LRN', 'OVO-LRN');
    smallTeam = await insertUnit(db, {
      kind: 'team',
      code: 'LRN-SMALL',
      nameNl: 'klein team',
      parent: tree.division,
    });
    for (let i = 0; i < 6; i++) {
      const person = await insertPerson(db, {
        employeeNumber: `L-A${i}`,
        email: `a${i}@lrn.test`,
        unitId: tree.team.id,
      });
      const { account } = await buildAccount(ctx.current, { email: `a${i}@lrn.test`, personId: person.id });
      teamAccounts.push(account.id);
    }
    for (let i = 0; i < 2; i++) {
      const person = await insertPerson(db, {
        employeeNumber: `L-B${i}`,
        email: `b${i}@lrn.test`,
        unitId: smallTeam.id,
        manages: i === 0 ? [smallTeam.id] : [],
      });
      const { account } = await buildAccount(ctx.current, { email: `b${i}@lrn.test`, personId: person.id });
      smallTeamAccounts.push(account.id);
    }
    await buildAccount(ctx.current, { email: 'admin@lrn.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, {
      email: 'coord@lrn.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await db.insert(entityValueTranslations).values({
      entityId: tree.entity.id,
      valueKey: 'openheid',
      textNl: 'Bij ons betekent openheid: elke brief in klare taal.',
      textEn: 'For us openness means: every letter in plain language.',
    });
    employee = await signIn(ctx.current, 'a0@lrn.test');
    admin = await signIn(ctx.current, 'admin@lrn.test');
    smallTeamManager = await signIn(ctx.current, 'b0@lrn.test');
    coordinator = await signIn(ctx.current, 'coord@lrn.test');
  });

  const practice = async (session: Session, query = '') => {
    const response = await session.inject({ method: 'GET', url: `/api/learning/practice${query}` });
    expect(response.statusCode).toBe(200);
    return response.json() as { questions: Question[]; dueCount: number; newCount: number };
  };
  const answer = (session: Session, id: number, payload: Record<string, unknown>, lang = 'nl') =>
    session.inject({
      method: 'POST',
      url: `/api/learning/questions/${id}/answers?lang=${lang}`,
      payload,
      headers: { 'accept-language': lang },
    });
  const questionByKey = async (key: string) =>
    (
      await queryRows<{
        id: number;
        value_key: string;
        content: { answer?: string; options?: { id: string; best: boolean }[] };
      }>(
        ctx.current.database.db,
        sql`select id, value_key, content from learning_questions where key = ${key}`,
      )
    )[0]!;

  it('shows a module per value with its steps and the entity’s own words next to the central text', async () => {
    const list = await employee.inject({ method: 'GET', url: '/api/learning/modules' });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((m: { valueKey: string }) => m.valueKey)).toEqual([
      'openheid',
      'daadkracht',
      'vertrouwen',
      'wendbaarheid',
    ]);
    const module = (await employee.inject({ method: 'GET', url: '/api/learning/modules/openheid' })).json();
    expect(module.steps.length).toBeGreaterThanOrEqual(3);
    expect(module.steps[0].htmlNl).toContain('<strong>');
    expect(module.steps[0].imageUrl).toBe('/api/learning/illustrations/openheid.svg');
    expect(module.value.statements.length).toBeGreaterThan(0);
    expect(module.entity).toMatchObject({
      nameNl: 'LRN entiteit',
      textNl: expect.stringContaining('klare taal'),
    });
    expect(module.completedAt).toBeNull();

    const done = await employee.inject({ method: 'POST', url: '/api/learning/modules/openheid/completion' });
    expect(done.statusCode).toBe(200);
    const again = (await employee.inject({ method: 'GET', url: '/api/learning/modules' })).json();
    expect(again[0].completedAt).toBe(done.json().completedAt);

    const svg = await ctx.current.app.inject({
      method: 'GET',
      url: '/api/learning/illustrations/openheid.svg',
    });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).not.toMatch(/<script/i);
    expect((await employee.inject({ method: 'GET', url: '/api/learning/modules/geluk' })).statusCode).toBe(
      400,
    );
  });

  it('never gives the answer away before answering, and brings a wrong answer back after a few days (Leitner)', async () => {
    const first = await practice(employee, '?level=knows');
    expect(first.questions.length).toBeGreaterThan(0);
    for (const q of first.questions) {
      expect(q.valueKey).toBeNull();
      expect(JSON.stringify(q)).not.toMatch(/"(answer|best|explanation)"/);
    }
    const q = first.questions[0]!;
    const row = await questionByKey(
      (
        await queryRows<{ key: string }>(
          ctx.current.database.db,
          sql`select key from learning_questions where id = ${q.id}`,
        )
      )[0]!.key,
    );
    const wrong = ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'].find(
      (v) => v !== row.content.answer,
    )!;
    const before = Date.now();
    const result = await answer(employee, q.id, { choice: wrong });
    expect(result.statusCode).toBe(200);
    const body = result.json();
    expect(body).toMatchObject({ correct: false, correctChoice: row.content.answer, box: 1 });
    const dueInDays = (Date.parse(body.dueAt) - before) / 86_400_000;
    expect(dueInDays).toBeGreaterThan(1.9);
    expect(dueInDays).toBeLessThan(2.1);

    // Not offered again until it is due.
    const afterWrong = await practice(employee, '?level=knows');
    expect(afterWrong.questions.map((x) => x.id)).not.toContain(q.id);

    // Three days later: it comes back first, marked as a review.
    await ctx.current.database.db.execute(
      sql`update learning_cards set due_at = now() - interval '1 day' where question_id = ${q.id}`,
    );
    const later = await practice(employee, '?level=knows');
    expect(later.questions[0]).toMatchObject({ id: q.id, review: true });
    expect(later.dueCount).toBe(1);

    const right = (await answer(employee, q.id, { choice: row.content.answer! })).json();
    expect(right).toMatchObject({ correct: true, box: 2 });
    expect((Date.parse(right.dueAt) - Date.now()) / 86_400_000).toBeGreaterThan(3.9);
  });

  it('asks a justification for a dilemma and answers with feedback on every option and the values at stake', async () => {
    const { questions } = await practice(employee, '?value=vertrouwen');
    expect(questions.length).toBeGreaterThanOrEqual(8);
    const q = questions[0]!;
    expect(q).toMatchObject({ level: 'applies', valueKey: 'vertrouwen' });
    expect(q.options).toHaveLength(3);

    const missing = await answer(employee, q.id, { choice: 'a' }, 'en');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0]).toMatchObject({
      path: 'body.justification',
      message: 'Explain your choice in at least 15 characters.',
    });

    const ok = await answer(employee, q.id, {
      choice: 'b',
      justification: 'Omdat de burger zo geholpen wordt en de regels gelden.',
    });
    expect(ok.statusCode).toBe(200);
    const feedback = ok.json();
    expect(feedback.options).toHaveLength(3);
    for (const o of feedback.options) expect(o.feedback.nl.length).toBeGreaterThan(10);
    expect(feedback.valuesAtStake).toContain('vertrouwen');

    // Filtering "knows" questions by value would give their answer away.
    const leak = await employee.inject({
      method: 'GET',
      url: '/api/learning/practice?level=knows&value=openheid',
    });
    expect(leak.statusCode).toBe(400);
  });

  it('refuses bad input with a clear 4xx: empty, oversized, script tags, unknown choices and questions', async () => {
    const { questions } = await practice(employee, '?value=daadkracht');
    const id = questions[0]!.id;
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{}, 400, /required|verplicht/i],
      [{ choice: '' }, 400, /./],
      [{ choice: 'z', justification: 'Een uitleg die lang genoeg is.' }, 400, /Kies een van de antwoorden/],
      [{ choice: 'a', justification: 'x'.repeat(1001) }, 400, /./],
      [{ choice: 'a', justification: 'Goed idee <script>alert(1)</script> zeker' }, 400, /zonder HTML-tags/],
    ];
    for (const [payload, status, message] of cases) {
      const response = await answer(employee, id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(JSON.stringify(response.json().error)).toMatch(message);
    }
    expect((await answer(employee, 999_999, { choice: 'a' })).statusCode).toBe(404);
    expect((await answer(employee, -1, { choice: 'a' })).statusCode).toBe(400);
  });

  it('shows a person their own progress per value and level, and nobody else’s', async () => {
    // Three right "knows" answers for openheid make that level mastered.
    const knows = seedQuestions.filter((q) => q.level === 'knows' && q.valueKey === 'openheid');
    for (const seed of knows.slice(0, 3)) {
      const row = await questionByKey(seed.key);
      expect((await answer(employee, row.id, { choice: 'openheid' })).statusCode).toBe(200);
    }
    const mine = (await employee.inject({ method: 'GET', url: '/api/learning/progress' })).json();
    const openheid = mine.values.find((v: { valueKey: string }) => v.valueKey === 'openheid');
    expect(openheid.completedAt).not.toBeNull();
    expect(openheid.levels.find((l: { level: string }) => l.level === 'knows')).toMatchObject({
      mastered: true,
      required: 3,
    });
    expect(openheid.levels.find((l: { level: string }) => l.level === 'applies')).toMatchObject({
      mastered: false,
      total: 8,
    });

    // The admin asking for someone else's progress gets their own (empty) record or a refusal, never the employee's.
    for (const url of ['/api/learning/progress', `/api/learning/progress?accountId=${teamAccounts[0]}`]) {
      const response = await admin.inject({ method: 'GET', url });
      if (response.statusCode === 200) {
        const values = response.json().values as {
          completedAt: string | null;
          levels: { answered: number }[];
        }[];
        expect(values.every((v) => v.completedAt === null && v.levels.every((l) => l.answered === 0))).toBe(
          true,
        );
      } else {
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
      }
    }
    expect(
      (await admin.inject({ method: 'GET', url: `/api/learning/practice?accountId=${teamAccounts[0]}` }))
        .statusCode,
    ).toBe(400);
    // The own history shows what the person wrote; nobody else's list holds it.
    const history = (await employee.inject({ method: 'GET', url: '/api/learning/answers' })).json();
    expect(
      history.some((a: { justification: string | null }) => a.justification?.includes('regels gelden')),
    ).toBe(true);
    const adminHistory = await admin.inject({ method: 'GET', url: '/api/learning/answers' });
    expect(adminHistory.json()).toEqual([]);
    // No learning route takes a person: the only path parameters are a value, a question and an illustration.
    const spec = (await ctx.current.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const learningPaths = Object.keys(spec.paths).filter((p) => p.startsWith('/api/learning'));
    expect(learningPaths.length).toBeGreaterThan(8);
    const params = new Set(learningPaths.flatMap((p) => [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
    expect([...params].sort()).toEqual(['id', 'name', 'valueKey']);
    expect(learningPaths.join(' ')).not.toMatch(/account|person|people|user/i);
  });

  it('lets a person erase their own results, and only their own', async () => {
    const other = await signIn(ctx.current, 'a1@lrn.test');
    await other.inject({ method: 'POST', url: '/api/learning/modules/daadkracht/completion' });
    const { questions } = await practice(other, '?level=knows');
    await answer(other, questions[0]!.id, { choice: 'openheid' });
    const erased = await other.inject({ method: 'DELETE', url: '/api/learning/results' });
    expect(erased.statusCode).toBe(200);
    const after = (await other.inject({ method: 'GET', url: '/api/learning/progress' })).json();
    expect(after.values.every((v: { completedAt: string | null }) => v.completedAt === null)).toBe(true);
    expect((await other.inject({ method: 'GET', url: '/api/learning/answers' })).json()).toEqual([]);
    // The employee's own results are untouched.
    const mine = (await employee.inject({ method: 'GET', url: '/api/learning/progress' })).json();
    expect(mine.values[0].completedAt).not.toBeNull();
  });

  it('shows aggregates per unit only above the threshold, with complementary suppression, to the right people', async () => {
    const db = ctx.current.database.db;
    // Every member of both teams takes part; the small team has 2 participants.
    const [anyQuestion] = await db.select({ id: learningQuestions.id }).from(learningQuestions).limit(1);
    for (const accountId of [...teamAccounts, ...smallTeamAccounts]) {
      await db
        .insert(learningCards)
        .values({ accountId, questionId: anyQuestion!.id, box: 2, dueAt: new Date(), lastCorrect: true })
        .onConflictDoNothing();
    }

    const byAdmin = await admin.inject({
      method: 'GET',
      url: `/api/learning/insights?unitId=${tree.division.id}`,
    });
    expect(byAdmin.statusCode).toBe(200);
    const division = byAdmin.json();
    expect(Date.parse(division.releasedAt)).toBeGreaterThan(Date.now() - 60_000);
    const small = division.children.find((c: { unitId: number }) => c.unitId === smallTeam.id);
    const big = division.children.find((c: { unitId: number }) => c.unitId === tree.team.id);
    expect(small).toMatchObject({ visible: false, figures: null });
    // 6 participants would pass on their own, but then 8 − 6 = 2 would give the small team away.
    expect(big).toMatchObject({ visible: false, figures: null });
    expect(JSON.stringify(division)).not.toMatch(/"participants":2\b/);

    // The division is shown with all 8 participants (its parents, with the same 8, are hidden instead).
    expect(division.unit).toMatchObject({
      unitId: tree.division.id,
      visible: true,
      figures: { participants: 8 },
    });
    expect(division.unit.figures.values[0]).toMatchObject({ valueKey: 'openheid', completed: 1 });
    const top = (await admin.inject({ method: 'GET', url: '/api/learning/insights' })).json();
    expect(top.unit).toMatchObject({ unitId: tree.domain.id, visible: false, figures: null });

    // The manager of the small team sees their own team only, and hidden.
    const byManager = await smallTeamManager.inject({ method: 'GET', url: '/api/learning/insights' });
    expect(byManager.statusCode).toBe(200);
    expect(byManager.json().unit).toMatchObject({ unitId: smallTeam.id, visible: false, figures: null });
    expect(
      (await smallTeamManager.inject({ method: 'GET', url: `/api/learning/insights?unitId=${tree.team.id}` }))
        .statusCode,
    ).toBe(403);

    // The coordinator sees their entity; an employee without a scope is refused.
    const byCoordinator = await coordinator.inject({ method: 'GET', url: '/api/learning/insights' });
    expect(byCoordinator.json().scopes).toEqual([expect.objectContaining({ unitId: tree.entity.id })]);
    const byEmployee = await employee.inject({ method: 'GET', url: '/api/learning/insights' });
    expect(byEmployee.json()).toMatchObject({ scopes: [], unit: null, children: [] });
    expect(
      (await employee.inject({ method: 'GET', url: `/api/learning/insights?unitId=${tree.team.id}` }))
        .statusCode,
    ).toBe(403);
    expect((await admin.inject({ method: 'GET', url: '/api/learning/insights?unitId=abc' })).statusCode).toBe(
      400,
    );

    // Once the small team reaches 5 participants and 5 people take part directly in the division, every
    // group is at least 5 and nothing can be worked out by subtraction: all figures show.
    const more = async (prefix: string, unitId: number, n: number) => {
      for (let i = 0; i < n; i++) {
        const person = await insertPerson(db, {
          employeeNumber: `${prefix}${i}`,
          email: `${prefix}${i}@lrn.test`,
          unitId,
        });
        const { account } = await buildAccount(ctx.current, {
          email: `${prefix}${i}@lrn.test`,
          personId: person.id,
        });
        await db.insert(learningCards).values({
          accountId: account.id,
          questionId: anyQuestion!.id,
          box: 1,
          dueAt: new Date(),
          lastCorrect: false,
        });
      }
    };
    await more('L-C', smallTeam.id, 3);
    await more('L-D', tree.division.id, 5);
    // Figures come from releases: nothing moves until the next one is taken (the daily job's work).
    const unchanged = (
      await admin.inject({ method: 'GET', url: `/api/learning/insights?unitId=${tree.division.id}` })
    ).json();
    expect(unchanged).toEqual(division);
    await publishLearningRelease(db);
    const grown = (
      await admin.inject({ method: 'GET', url: `/api/learning/insights?unitId=${tree.division.id}` })
    ).json();
    expect(grown.unit).toMatchObject({ visible: true, figures: { participants: 16 } });
    expect(grown.children.find((c: { unitId: number }) => c.unitId === smallTeam.id)).toMatchObject({
      visible: true,
      figures: { participants: 5 },
    });
    expect(grown.children.find((c: { unitId: number }) => c.unitId === tree.team.id)).toMatchObject({
      visible: true,
      figures: { participants: 6 },
    });
  });

  it('lets programme admins write modules (audited, Markdown sanitised) and refuses everyone else and bad input', async () => {
    const body = {
      titleNl: 'Openheid, herschreven',
      titleEn: 'Openness, rewritten',
      introNl: 'Kort.',
      introEn: 'Short.',
      published: true,
      steps: [
        {
          titleNl: 'Stap',
          titleEn: 'Step',
          bodyNl: 'Tekst met [link](javascript:alert(1)) en **vet**.',
          bodyEn: 'Text with **bold**.',
          imageUrl: '/api/learning/illustrations/openheid.svg',
          imageAltNl: 'Een open deur',
          imageAltEn: 'An open door',
          videoUrl: 'https://video.example/openheid',
        },
      ],
    };
    expect(
      (
        await employee.inject({
          method: 'PUT',
          url: '/api/learning/authoring/modules/openheid',
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    const saved = await admin.inject({
      method: 'PUT',
      url: '/api/learning/authoring/modules/openheid',
      payload: body,
    });
    expect(saved.statusCode).toBe(200);
    const module = (await employee.inject({ method: 'GET', url: '/api/learning/modules/openheid' })).json();
    expect(module.titleNl).toBe('Openheid, herschreven');
    expect(module.steps[0].htmlNl).toContain('<strong>vet</strong>');
    expect(module.steps[0].htmlNl).not.toMatch(/javascript:/);
    const [entry] = await queryRows<{ action: string }>(
      ctx.current.database.db,
      sql`select action from audit_log where action like 'learning.module.%' order by id desc limit 1`,
    );
    expect(entry!.action).toBe('learning.module.update');

    const bad: [Record<string, unknown>, string][] = [
      [{ ...body, steps: [] }, 'steps'],
      [{ ...body, titleNl: '' }, 'titleNl'],
      [{ ...body, titleNl: 'x'.repeat(161) }, 'titleNl'],
      [{ ...body, titleNl: '<b>vet</b>' }, 'titleNl'],
      [
        { ...body, steps: [{ ...body.steps[0], bodyNl: 'Hallo <script>alert(1)</script>' }] },
        'steps.0.bodyNl',
      ],
      [
        { ...body, steps: [{ ...body.steps[0], imageUrl: 'https://evil.example/x.png' }] },
        'steps.0.imageUrl',
      ],
      [{ ...body, steps: [{ ...body.steps[0], imageAltNl: '' }] }, 'steps.0.imageAltNl'],
      [{ ...body, steps: [{ ...body.steps[0], videoUrl: 'javascript:alert(1)' }] }, 'steps.0.videoUrl'],
      [{ ...body, steps: [{ ...body.steps[0], bodyNl: 'x'.repeat(20_001) }] }, 'steps.0.bodyNl'],
    ];
    for (const [payload, field] of bad) {
      const response = await admin.inject({
        method: 'PUT',
        url: '/api/learning/authoring/modules/openheid',
        payload,
      });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.issues.map((i: { path: string }) => i.path)).toContain(`body.${field}`);
    }

    // Unpublished modules disappear for staff but stay for admins.
    await admin.inject({
      method: 'PUT',
      url: '/api/learning/authoring/modules/openheid',
      payload: { ...body, published: false },
    });
    expect((await employee.inject({ method: 'GET', url: '/api/learning/modules/openheid' })).statusCode).toBe(
      404,
    );
    expect((await admin.inject({ method: 'GET', url: '/api/learning/modules/openheid' })).statusCode).toBe(
      200,
    );
  });

  it('lets authors upload an image for a step, stored without its metadata and offered beside the illustrations', async () => {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#FFE615' } })
      .withExif({ IFD0: { Make: 'TestPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 50/1 0/1' } })
      .jpeg()
      .toBuffer();
    const upload = async (session: Session, bytes: Buffer, fileName: string, field = 'image') => {
      const body = await multipart([{ name: field, value: bytes, fileName, type: 'image/jpeg' }]);
      return session.inject({ method: 'POST', url: '/api/learning/authoring/images', ...body });
    };

    const created = await upload(admin, photo, 'loket.jpg');
    expect(created.statusCode).toBe(201);
    const image = created.json() as { url: string; label: string; kind: string; width: number };
    expect(image).toMatchObject({ label: 'loket.jpg', kind: 'upload', width: 400, height: 300 });
    expect(image.url).toMatch(/^\/api\/learning\/images\/\d+$/);

    const served = await employee.inject({ method: 'GET', url: image.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('TestPhone'))).toBe(false);

    const listed = await admin.inject({ method: 'GET', url: '/api/learning/authoring/images' });
    const urls = (listed.json() as { url: string; kind: string }[]).map((i) => i.url);
    expect(urls).toContain('/api/learning/illustrations/openheid.svg');
    expect(urls).toContain(image.url);

    // Not an image (by content, whatever its name), not an author, no file: refused with a reason.
    const text = await upload(admin, Buffer.from('MZ this is not an image'), 'foto.jpg');
    expect(text.statusCode).toBe(415);
    expect(JSON.stringify(text.json())).toMatch(/stories.errors.notAnImage|geen afbeelding|not an image/i);
    expect((await upload(employee, photo, 'loket.jpg')).statusCode).toBe(403);
    expect((await upload(admin, photo, 'loket.jpg', 'other')).statusCode).toBe(400);
    expect((await employee.inject({ method: 'GET', url: '/api/learning/images/999999' })).statusCode).toBe(
      404,
    );
  });
});
