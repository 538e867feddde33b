import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertSmallTree } from '../../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { instrumentsIndicators } from './instruments.indicators';

/** A real multipart/form-data body, encoded by the platform's FormData the way a browser sends it. */
async function multipart(parts: { name: string; value: string | Uint8Array; fileName?: string }[]) {
  const form = new FormData();
  for (const part of parts) {
    if (part.fileName !== undefined) {
      const bytes = typeof part.value === 'string' ? new TextEncoder().encode(part.value) : part.value;
      form.append(part.name, new Blob([new Uint8Array(bytes)]), part.fileName);
    } else form.append(part.name, part.value as string);
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

const bue = {
  slug: 'bue',
  nameNl: 'Bevraging ultieme eindgebruiker',
  nameEn: 'End-user survey',
  owner: 'Agentschap Overheidspersoneel',
  methodNl: 'Online bevraging bij een steekproef van burgers en ondernemingen.',
  methodEn: 'Online survey of a sample of citizens and businesses.',
  periodicity: 'yearly',
  link: 'https://example.org/bue',
};

describeEachEngine('monitor: other instruments', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<'admin' | 'coordinator', Session>;
  let instrumentId = 0;
  let entityCode = '';

  const upload = (
    content: string | Uint8Array,
    fileName: string,
    dryRun: boolean,
    lang: 'nl' | 'en' = 'en',
  ) =>
    multipart([
      { name: 'dryRun', value: String(dryRun) },
      { name: 'file', value: content, fileName },
    ]).then((body) =>
      s.admin.inject({
        method: 'POST',
        url: `/api/monitor/instruments/${instrumentId}/imports?lang=${lang}`,
        payload: body.payload,
        headers: body.headers,
      }),
    );
  const current = () =>
    queryRows<{ value: number; people: number | null; period_key: string }>(
      ctx.current.database.db,
      sql`select value, people, period_key from monitor_instrument_results where superseded_at is null order by period_key, unit_id nulls first`,
    );

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'INS', 'OVO400077');
    entityCode = tree.entity.code;
    await buildAccount(ctx.current, { email: 'admin@ins.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, {
      email: 'coordinator@ins.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    s.admin = await signIn(ctx.current, 'admin@ins.test');
    s.coordinator = await signIn(ctx.current, 'coordinator@ins.test');
  });

  it('lets only the programme admin describe instruments', async () => {
    expect(
      (await ctx.current.app.inject({ method: 'GET', url: '/api/monitor/instruments' })).statusCode,
    ).toBe(401);
    expect((await s.coordinator.inject({ method: 'GET', url: '/api/monitor/instruments' })).statusCode).toBe(
      403,
    );
    const created = await s.admin.inject({ method: 'POST', url: '/api/monitor/instruments', payload: bue });
    expect(created.statusCode, created.body).toBe(201);
    instrumentId = created.json().id;
    const again = await s.admin.inject({ method: 'POST', url: '/api/monitor/instruments', payload: bue });
    expect(again.statusCode).toBe(409);
    const badSlug = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/instruments?lang=nl',
      payload: { ...bue, slug: 'BUE 2026' },
    });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.body).toContain('kleine letters');

    for (const indicator of [
      {
        name: 'satisfaction',
        labelNl: 'Tevredenheid',
        labelEn: 'Satisfaction',
        unit: 'share',
        direction: 'higher',
        minPeople: 5,
      },
      {
        name: 'complaints',
        labelNl: 'Klachten',
        labelEn: 'Complaints',
        unit: 'count',
        direction: 'lower',
        minPeople: 0,
      },
    ]) {
      const response = await s.admin.inject({
        method: 'POST',
        url: `/api/monitor/instruments/${instrumentId}/indicators`,
        payload: indicator,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const list = (await s.admin.inject({ method: 'GET', url: '/api/monitor/instruments' })).json();
    expect(list.items[0].indicators.map((i: { key: string }) => i.key)).toEqual([
      'instrument.bue.complaints',
      'instrument.bue.satisfaction',
    ]);
  });

  it('reports every wrong row of a dry run with line, column and a translated problem, and writes nothing', async () => {
    const csv = [
      'unit_code;indicator;period;value;n',
      `${entityCode};satisfaction;2026-Q1;0,81;40`,
      'NOPE;satisfaction;2026-Q1;0.5;40',
      `${entityCode};unknown;2026-Q1;0.5;40`,
      `${entityCode};satisfaction;2026-Q5;0.5;40`,
      `${entityCode};satisfaction;2026-Q2;1.5;40`,
      `${entityCode};satisfaction;2026-Q2;0.5;`,
      `${entityCode};complaints;2026-Q1;abc;`,
      `${entityCode};satisfaction;2026-Q1;0.7;40`,
      '*;complaints;2026-Q1;12;',
      `${entityCode};complaints;2099-Q1;3;`,
    ].join('\n');
    const response = await upload(csv, 'bue.csv', true);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ dryRun: true, importId: null, rowsRead: 10, inserted: 2, errorCount: 8 });
    expect(report.errors.map((e: { line: number; column?: string }) => [e.line, e.column])).toEqual([
      [3, 'unit_code'],
      [4, 'indicator'],
      [5, 'period'],
      [6, 'value'],
      [7, 'n'],
      [8, 'value'],
      [9, undefined],
      [11, 'period'],
    ]);
    expect(report.errors[0].message).toContain('NOPE');
    expect(report.errors[6].message).toContain('line 2');
    expect(await current()).toEqual([]);

    const dutch = (await upload(csv, 'bue.csv', true, 'nl')).json();
    expect(dutch.errors[3].message).toBe('Een aandeel ligt tussen 0 en 1.');
  });

  it('imports the valid rows with provenance, and the same file again changes nothing', async () => {
    const csv = [
      'unit_code,indicator,period,value,n',
      `${entityCode},satisfaction,2026-Q1,0.81,40`,
      `${entityCode},satisfaction,2026-Q2,0.5,3`,
      '*,complaints,2026-Q1,12,',
      'broken,complaints,2026-Q1,1,',
    ].join('\n');
    const first = (await upload(csv, 'bue-2026.csv', false)).json();
    expect(first).toMatchObject({ dryRun: false, inserted: 3, changed: 0, unchanged: 0, errorCount: 1 });
    expect(first.fileHash).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(first.importId).toBeGreaterThan(0);
    const again = (await upload(csv, 'bue-2026.csv', false)).json();
    expect(again).toMatchObject({ inserted: 0, changed: 0, unchanged: 3 });
    expect(await current()).toHaveLength(3);

    const imports = (
      await s.admin.inject({ method: 'GET', url: `/api/monitor/instruments/${instrumentId}/imports` })
    ).json();
    expect(imports.items).toHaveLength(2);
    expect(imports.items[0]).toMatchObject({ fileName: 'bue-2026.csv', importedBy: expect.any(String) });
  });

  it('reads XLSX, supersedes a changed value and keeps the old one', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('BUE');
    sheet.addRow(['Unit code', 'Indicator', 'Period', 'Value', 'N']);
    sheet.addRow([entityCode, 'instrument.bue.satisfaction', '2026-Q1', 0.84, 41]);
    sheet.addRow([entityCode, 'satisfaction', '2026-Q3', 'hoog', 41]);
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = (await upload(file, 'bue.xlsx', false)).json();
    expect(report).toMatchObject({ inserted: 0, changed: 1, errorCount: 1 });
    expect(report.errors[0]).toMatchObject({ line: 3, column: 'value' });

    const history = (
      await s.admin.inject({ method: 'GET', url: `/api/monitor/instruments/${instrumentId}/results` })
    ).json().items as { value: number; supersededAt: string | null; fileName: string; periodKey: string }[];
    const q1 = history.filter((h) => h.periodKey === '2026-Q1' && h.value !== 12);
    expect(q1.map((h) => [h.value, h.supersededAt !== null, h.fileName])).toEqual([
      [0.81, true, 'bue-2026.csv'],
      [0.84, false, 'bue.xlsx'],
    ]);
  });

  it('feeds the monitor given figures and never one about fewer people than the minimum', async () => {
    const db = ctx.current.database.db;
    const definitions = await instrumentsIndicators.definitions(db);
    expect(definitions.find((d) => d.key === 'instrument.bue.satisfaction')).toMatchObject({
      unit: 'share',
      minPeople: 5,
      strategy: 4,
    });
    const q1 = await instrumentsIndicators.figures(db, {
      key: '2026-Q1',
      start: new Date('2026-01-01'),
      end: new Date('2026-04-01'),
    });
    expect(q1.map((f) => [f.indicatorKey, f.kind === 'given' && f.value]).sort()).toEqual([
      ['instrument.bue.complaints', 12],
      ['instrument.bue.satisfaction', 0.84],
    ]);
    // 2026-Q2 holds only a figure about 3 people, below the indicator's minimum of 5.
    const q2 = await instrumentsIndicators.figures(db, {
      key: '2026-Q2',
      start: new Date('2026-04-01'),
      end: new Date('2026-07-01'),
    });
    expect(q2).toEqual([]);
  });

  it('refuses files it cannot read with a clear 4xx', async () => {
    const problems = [
      { content: '', name: 'empty.csv' },
      { content: 'unit,period\nX,2026-Q1', name: 'columns.csv' },
      { content: new Uint8Array([0x75, 0x6e, 0x69, 0x74, 0xff, 0xfe, 0x0a]), name: 'latin.csv' },
      { content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), name: 'broken.xlsx' },
      { content: 'unit_code,indicator,period,value\n"X,satisfaction,2026-Q1,1', name: 'quote.csv' },
    ];
    for (const problem of problems) {
      const response = await upload(problem.content, problem.name, true);
      expect(response.statusCode, `${problem.name}: ${response.body}`).toBe(400);
      expect(response.json().error.message).toBeTruthy();
    }
    const big = await upload(new Uint8Array(5 * 1024 * 1024 + 1), 'big.csv', true);
    expect(big.statusCode).toBe(413);
  });
});
