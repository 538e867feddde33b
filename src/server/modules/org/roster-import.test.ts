import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { queryRows } from '../../db/client';
import { createUnit } from './org.service';
import { detectDelimiter, importRoster } from './roster-import.service';

const HEADER = 'employee_number,first_name,last_name,email,language,unit_code,manages';

/** A real multipart/form-data body, encoded by the platform's FormData the way a browser sends it. */
async function multipart(
  parts: { name: string; value: string | Uint8Array; fileName?: string; type?: string }[],
) {
  const form = new FormData();
  for (const part of parts) {
    if (part.fileName !== undefined) {
      const bytes = typeof part.value === 'string' ? new TextEncoder().encode(part.value) : part.value;
      form.append(
        part.name,
        new Blob([new Uint8Array(bytes)], { type: part.type ?? 'text/csv' }),
        part.fileName,
      );
    } else form.append(part.name, part.value as string);
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

describeEachEngine('roster import', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Session;
  let employee: Session;

  const db = () => ctx.current.database.db;
  const upload = async (
    session: Session,
    csv: string | Uint8Array,
    options: { fields?: Record<string, string>; fileName?: string; type?: string; lang?: 'nl' | 'en' } = {},
  ) => {
    const body = await multipart([
      // Leaver handling has no default; most tests here import full files.
      ...Object.entries({ removeMissing: 'true', ...options.fields }).map(([name, value]) => ({
        name,
        value,
      })),
      { name: 'file', value: csv, fileName: options.fileName ?? 'roster.csv', type: options.type },
    ]);
    return session.inject({
      method: 'POST',
      url: `/api/org/roster-imports${options.lang ? `?lang=${options.lang}` : ''}`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  const people = async () =>
    queryRows<{
      employee_number: string;
      email: string;
      status: string;
      left_at: Date | null;
      unit_code: string | null;
    }>(
      db(),
      sql`select p.employee_number, p.email, p.status, p.left_at, u.code as unit_code
          from people p left join org_units u on u.id = p.unit_id order by p.employee_number`,
    );
  const managers = async () =>
    (
      await queryRows<{ employee_number: string; code: string }>(
        db(),
        sql`select p.employee_number, u.code from unit_managers m join people p on p.id = m.person_id
            join org_units u on u.id = m.unit_id order by 1, 2`,
      )
    ).map((r) => `${r.employee_number}>${r.code}`);

  beforeAll(async () => {
    const domain = await createUnit(db(), 'system', {
      parentId: null,
      kind: 'policy_domain',
      code: 'DOM',
      nameNl: 'Domein',
    });
    const entity = await createUnit(db(), 'system', {
      parentId: domain.id,
      kind: 'entity',
      code: 'OVO000001',
      nameNl: 'Entiteit',
    });
    for (const code of ['TEAM-A', 'TEAM-B', 'TEAM-C']) {
      await createUnit(db(), 'system', { parentId: entity.id, kind: 'team', code, nameNl: code });
    }
    await buildAccount(ctx.current, { email: 'admin@roster.test', roles: [{ role: 'programme_admin' }] });
    admin = await signIn(ctx.current, 'admin@roster.test');
  });

  const baseFile = [
    HEADER,
    'P001,Jan,Peeters,jan@roster.test,nl,TEAM-A,TEAM-A|OVO000001',
    'P002,Els,Maes,els@roster.test,en,TEAM-A,',
    'P003,Piet,"Jacobs, jr.",piet@roster.test,,TEAM-B,TEAM-B',
    'P004,Lies,Claes,lies@roster.test,NL,team-c,',
  ].join('\n');

  it('imports an uploaded CSV and reports what it did', async () => {
    const response = await upload(admin, baseFile);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: false,
      rowsRead: 4,
      created: 4,
      updated: 0,
      moved: 0,
      left: 0,
      unchanged: 0,
      errorCount: 0,
      errors: [],
      errorsTruncated: false,
    });
    expect((await people()).map((p) => [p.employee_number, p.unit_code, p.status])).toEqual([
      ['P001', 'TEAM-A', 'active'],
      ['P002', 'TEAM-A', 'active'],
      ['P003', 'TEAM-B', 'active'],
      ['P004', 'TEAM-C', 'active'],
    ]);
    expect(await managers()).toEqual(['P001>OVO000001', 'P001>TEAM-A', 'P003>TEAM-B']);
    const [piet] = await queryRows<{ last_name: string; language: string }>(
      db(),
      sql`select last_name, language from people where employee_number = 'P003'`,
    );
    expect(piet).toEqual({ last_name: 'Jacobs, jr.', language: 'nl' });
    const audit = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'org.roster_import'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const again = await upload(admin, baseFile);
    expect(again.json()).toMatchObject({
      rowsRead: 4,
      created: 0,
      updated: 0,
      moved: 0,
      left: 0,
      unchanged: 4,
    });
  });

  it('counts moves and updates, replaces managed units, and marks people missing from the file as leavers', async () => {
    const changed = [
      HEADER,
      'P001,Jan,Peeters,jan@roster.test,nl,TEAM-A,TEAM-A', // no longer manages the entity
      'P002,Els,Maes,els.maes@roster.test,en,TEAM-A,', // new e-mail
      'P003,Piet,"Jacobs, jr.",piet@roster.test,nl,TEAM-C,TEAM-B', // moved
      // P004 has left
      'P005,Noor,Aerts,noor@roster.test,nl,TEAM-B,', // new
    ].join('\n');
    // One leaver of four active people is more than the allowed 10%: refused until confirmed a second time.
    const before = await people();
    const unconfirmed = await upload(admin, changed, { lang: 'en' });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.issues[0]).toEqual({
      path: 'allowMassLeavers',
      message:
        'This import would mark 1 of the 4 active staff as leavers, more than 10%. Is everyone really in the file? Confirm this explicitly to import anyway.',
    });
    expect(await people()).toEqual(before);
    const response = await upload(admin, changed, { fields: { allowMassLeavers: 'true' } });
    expect(response.json()).toMatchObject({
      activeBefore: 4,
      massLeavers: true,
      rowsRead: 4,
      created: 1,
      updated: 2,
      moved: 1,
      left: 1,
      unchanged: 0,
      errorCount: 0,
    });
    const byNumber = Object.fromEntries((await people()).map((p) => [p.employee_number, p]));
    expect(byNumber.P003!.unit_code).toBe('TEAM-C');
    expect(byNumber.P002!.email).toBe('els.maes@roster.test');
    expect(byNumber.P004).toMatchObject({ status: 'left', unit_code: 'TEAM-C' });
    expect(byNumber.P004!.left_at).toBeTruthy();
    expect(await managers()).toEqual(['P001>TEAM-A', 'P003>TEAM-B']);

    // A leaver who comes back is active again; a partial file (removeMissing=false) makes nobody a leaver.
    const back = await upload(admin, [HEADER, 'P004,Lies,Claes,lies@roster.test,nl,TEAM-C,'].join('\n'), {
      fields: { removeMissing: 'false' },
    });
    expect(back.json()).toMatchObject({ rowsRead: 1, created: 0, updated: 1, left: 0 });
    const statuses = (await people()).map((p) => [p.employee_number, p.status, p.left_at]);
    expect(statuses).toEqual([
      ['P001', 'active', null],
      ['P002', 'active', null],
      ['P003', 'active', null],
      ['P004', 'active', null],
      ['P005', 'active', null],
    ]);
  });

  it('makes the admin choose what happens to people missing from the file, and audits the counts', async () => {
    const partial = [HEADER, 'P001,Jan,Peeters,jan@roster.test,nl,TEAM-A,TEAM-A'].join('\n');
    const unchosen = await upload(admin, partial, { lang: 'en', fields: { removeMissing: '' } });
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.json().error.issues[0]).toEqual({
      path: 'body.removeMissing',
      message:
        'Choose what happens to people missing from the file: mark them as leavers, or leave them as they are.',
    });
    const kept = await upload(admin, partial, { fields: { removeMissing: 'false' } });
    expect(kept.json()).toMatchObject({ left: 0, massLeavers: false });
    const [entry] = await queryRows<{ details: Record<string, unknown> }>(
      db(),
      sql`select details from audit_log where action = 'org.roster_import' order by id desc limit 1`,
    );
    expect(entry!.details).toMatchObject({ rowsRead: 1, left: 0, removeMissing: false, massLeavers: false });
  });

  it('reports every broken row with its line and column, and still imports the valid rows', async () => {
    const file = [
      HEADER,
      'P001,Jan,Peeters,jan@roster.test,nl,TEAM-A,TEAM-A', // line 2: fine
      'P006,,Wuyts,wuyts@roster.test,nl,TEAM-A,', // line 3: no first name
      'P007,Kris,Smets,not-an-email,nl,TEAM-A,', // line 4: bad e-mail
      '',
      'P008,Karen,Thys,karen@roster.test,fr,NOPE,', // line 6: language and unit
      'P001,Jan,Peeters,jan2@roster.test,nl,TEAM-B,', // line 7: duplicate employee number
      'P009,Bram,Geerts,bram@roster.test,nl,TEAM-B,TEAM-B|GHOST', // line 8: unknown managed unit
      'P010,Joke,Segers,joke@roster.test,nl', // line 9: too few fields (unit_code empty too)
      'P011,Wim,Cools,wim@roster.test,en,TEAM-C,', // line 10: fine
    ].join('\r\n');
    const response = await upload(admin, file, { lang: 'en', fields: { removeMissing: 'false' } });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ rowsRead: 8, created: 1, unchanged: 1, errorCount: 6 });
    expect(report.errors).toEqual([
      { line: 3, column: 'first_name', message: 'first_name is empty.' },
      { line: 4, column: 'email', message: '"not-an-email" is not a valid e-mail address.' },
      { line: 6, column: 'language', message: '"fr" is not a supported language; use nl or en.' },
      { line: 6, column: 'unit_code', message: 'There is no unit with the code "NOPE".' },
      {
        line: 7,
        column: 'employee_number',
        message: 'Employee number P001 already appears on line 2; this row is skipped.',
      },
      { line: 8, column: 'manages', message: 'There is no unit with the code "GHOST" (in manages).' },
      { line: 9, message: 'This row has 5 fields, the header line 7.' },
      { line: 9, column: 'unit_code', message: 'unit_code is empty.' },
    ]);
    expect((await people()).map((p) => p.employee_number)).toContain('P011');
    expect((await people()).map((p) => p.employee_number)).not.toContain('P006');

    const dutch = await upload(admin, file, {
      lang: 'nl',
      fields: { removeMissing: 'false', dryRun: 'true' },
    });
    expect(dutch.json().errors[1].message).toBe('"not-an-email" is geen geldig e-mailadres.');
  });

  it('never makes a leaver of someone whose row is broken', async () => {
    const everyoneButBroken = [
      HEADER,
      'P001,Jan,Peeters,jan@roster.test,nl,TEAM-A,TEAM-A',
      'P002,Els,Maes,BROKEN,en,TEAM-A,',
      'P003,Piet,"Jacobs, jr.",piet@roster.test,nl,TEAM-C,TEAM-B',
      'P004,Lies,Claes,lies@roster.test,nl,TEAM-C,',
      'P005,Noor,Aerts,noor@roster.test,nl,TEAM-B,',
      'P011,Wim,Cools,wim@roster.test,en,TEAM-C,',
    ].join('\n');
    const response = await upload(admin, everyoneButBroken);
    expect(response.json()).toMatchObject({ left: 0, errorCount: 1 });
    expect((await people()).find((p) => p.employee_number === 'P002')!.status).toBe('active');
  });

  it('computes a dry run without writing anything', async () => {
    const before = { people: await people(), managers: await managers() };
    const file = [
      HEADER,
      'P001,Jan,Peeters,jan@roster.test,nl,TEAM-B,',
      'P100,New,Person,new@roster.test,nl,TEAM-A,',
    ].join('\n');
    const response = await upload(admin, file, { fields: { dryRun: 'true' } });
    // The dry run shows the leavers, and that the real import would need the second confirmation.
    expect(response.json()).toMatchObject({
      dryRun: true,
      created: 1,
      moved: 1,
      left: 5,
      activeBefore: 6,
      massLeavers: true,
      maxLeaverShare: 0.1,
    });
    expect({ people: await people(), managers: await managers() }).toEqual(before);
    const history = await admin.inject({ method: 'GET', url: '/api/org/roster-imports' });
    expect(history.statusCode).toBe(200);
    expect(history.json()[0]).toMatchObject({
      dryRun: true,
      created: 1,
      moved: 1,
      left: 5,
      accountEmail: 'admin@roster.test',
    });
    const detail = await admin.inject({
      method: 'GET',
      url: `/api/org/roster-imports/${response.json().id}`,
    });
    expect(detail.json()).toMatchObject({ id: response.json().id, errors: [] });
  });

  it('reads semicolon-separated files with a BOM, CRLF line ends, other column order and no optional columns', async () => {
    const file = `\uFEFFUnit_Code;Email;Last_Name;First_Name;Employee_Number\r\nTEAM-A;zoe@roster.test;"De Smet; Van Damme";Zoë;P200\r\n`;
    expect(detectDelimiter(file.slice(1))).toBe(';');
    const report = await importRoster(db(), 'system', Buffer.from(file, 'utf8'), {
      fileName: 'semicolons.csv',
      dryRun: false,
      removeMissing: false,
      locale: 'nl',
    });
    expect(report).toMatchObject({ created: 1, errorCount: 0 });
    const [zoe] = await queryRows<{ first_name: string; last_name: string; language: string }>(
      db(),
      sql`select first_name, last_name, language from people where employee_number = 'P200'`,
    );
    expect(zoe).toEqual({ first_name: 'Zoë', last_name: 'De Smet; Van Damme', language: 'nl' });
  });

  it('refuses files it cannot read with a translated 400', async () => {
    const cases: [string | Uint8Array, string][] = [
      [
        'employee_number,first_name,email\nP1,Jan,jan@x.test',
        'Missing columns in the header line: last_name, unit_code.',
      ],
      ['', 'The file is empty.'],
      [HEADER, 'The file has a header line but no rows.'],
      [
        `${HEADER}\nP1,Jan,Peeters,jan@x.test,nl,TEAM-A,\nP2,"Els,Maes,els@x.test,nl,TEAM-A,\n`,
        'A quoted field that opens near line 3 is never closed (a " is missing).',
      ],
      [
        new Uint8Array([
          ...Buffer.from(`${HEADER}\nP1,Jos`),
          0xe9,
          ...Buffer.from(',Peeters,j@x.test,nl,TEAM-A,\n'),
        ]),
        'The file is not UTF-8 encoded. Save it as "CSV UTF-8" and try again.',
      ],
      [`${HEADER},email\nP1`, 'The header line holds the column email more than once.'],
    ];
    for (const [content, message] of cases) {
      const response = await upload(admin, content, { lang: 'en' });
      expect(response.statusCode, String(content)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.issues).toEqual([{ path: 'file', message }]);
    }
  });

  it('answers wrong uploads with 4xx, never 5xx', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await upload(admin, png, { fileName: 'roster.png', type: 'image/png' })).statusCode).toBe(415);
    expect(
      (await upload(admin, baseFile, { fileName: 'roster.xlsx', type: 'application/vnd.ms-excel' }))
        .statusCode,
    ).toBe(415);
    const json = await admin.inject({
      method: 'POST',
      url: '/api/org/roster-imports',
      payload: { file: baseFile },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const noFile = await multipart([{ name: 'dryRun', value: 'true' }]);
    const missing = await admin.inject({ method: 'POST', url: '/api/org/roster-imports?lang=en', ...noFile });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].message).toBe('Add a CSV file in the field "file".');

    const badFlag = await upload(admin, baseFile, { fields: { dryRun: 'maybe' } });
    expect(badFlag.statusCode).toBe(400);

    const two = await multipart([
      { name: 'file', value: baseFile, fileName: 'a.csv' },
      { name: 'file', value: baseFile, fileName: 'b.csv' },
    ]);
    const twoFiles = await admin.inject({ method: 'POST', url: '/api/org/roster-imports', ...two });
    expect(twoFiles.statusCode).toBe(413);

    const truncated = await multipart([{ name: 'file', value: baseFile, fileName: 'a.csv' }]);
    const broken = await admin.inject({
      method: 'POST',
      url: '/api/org/roster-imports',
      headers: truncated.headers,
      payload: truncated.payload.subarray(0, truncated.payload.length - 40),
    });
    expect(broken.statusCode).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode).toBeLessThan(500);

    const huge = new Uint8Array(20 * 1024 * 1024 + 10).fill(0x41);
    const tooLarge = await upload(admin, huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('allows uploads for programme admins only, with the CSRF header', async () => {
    await buildAccount(ctx.current, { email: 'staff@roster.test' });
    const [person] = await queryRows<{ id: number }>(
      db(),
      sql`select id from people where employee_number = 'P001'`,
    );
    await ctx.current.database.db.execute(
      sql`update accounts set person_id = ${person!.id} where email = 'staff@roster.test'`,
    );
    employee = await signIn(ctx.current, 'staff@roster.test');
    expect((await upload(employee, baseFile)).statusCode).toBe(403);
    const body = await multipart([{ name: 'file', value: baseFile, fileName: 'roster.csv' }]);
    const anonymous = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/org/roster-imports',
      ...body,
    });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/org/roster-imports',
      payload: body.payload,
      headers: { ...body.headers, cookie: admin.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_FAILED');
  });
});

describe('delimiter detection', () => {
  it('picks the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a;b;"c,d,e"\n')).toBe(';');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
  });
});
