import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertSmallTree } from '../../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { instrumentsIndicators } from '../instruments/instruments.indicators';
import { setPublic, takeSnapshot } from '../monitor.service';
import { afterSnapshot } from './report.service';

/** A real multipart/form-data body, encoded by the platform's FormData the way a browser sends it. */
async function multipart(parts: { name: string; value: string; fileName?: string }[]) {
  const form = new FormData();
  for (const part of parts)
    if (part.fileName) form.append(part.name, new Blob([part.value]), part.fileName);
    else form.append(part.name, part.value);
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

describeEachEngine('monitor: management report and open data', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<'admin' | 'coordinator', Session>;
  const entityCodes = ['OVO400091', 'OVO400092'];

  beforeAll(async () => {
    const db = ctx.current.database.db;
    await insertSmallTree(db, 'OUA', entityCodes[0]!);
    await insertSmallTree(db, 'OUB', entityCodes[1]!);
    const { account } = await buildAccount(ctx.current, {
      email: 'admin@out.test',
      roles: [{ role: 'programme_admin' }],
    });
    await buildAccount(ctx.current, {
      email: 'coordinator@out.test',
      roles: [{ role: 'entity_coordinator' }],
    });
    s.admin = await signIn(ctx.current, 'admin@out.test');
    s.coordinator = await signIn(ctx.current, 'coordinator@out.test');

    // Real figures through the real path: an instrument's import, a snapshot, the admin's public flag.
    const instrument = (
      await s.admin.inject({
        method: 'POST',
        url: '/api/monitor/instruments',
        payload: {
          slug: 'panel',
          nameNl: 'Personeelspanel',
          nameEn: 'Staff panel',
          owner: 'AgO',
          methodNl: 'Panel',
          methodEn: 'Panel',
          periodicity: 'quarterly',
        },
      })
    ).json();
    for (const name of ['trust', 'internal']) {
      await s.admin.inject({
        method: 'POST',
        url: `/api/monitor/instruments/${instrument.id}/indicators`,
        payload: {
          name,
          labelNl: `Vertrouwen ${name}`,
          labelEn: `Trust ${name}`,
          unit: 'share',
          direction: 'higher',
          minPeople: 5,
        },
      });
    }
    const csv = [
      'unit_code,indicator,period,value,n',
      '*,trust,2026-Q1,0.6,200',
      '*,trust,2026-Q2,0.65,210',
      `${entityCodes[0]},trust,2026-Q2,0.7,40`,
      `${entityCodes[1]},trust,2026-Q2,0.2,3`,
      '*,internal,2026-Q2,0.99,200',
    ].join('\n');
    const body = await multipart([
      { name: 'dryRun', value: 'false' },
      { name: 'file', value: csv, fileName: 'panel.csv' },
    ]);
    const imported = await s.admin.inject({
      method: 'POST',
      url: `/api/monitor/instruments/${instrument.id}/imports`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(imported.json().errorCount, imported.body).toBe(0);
    for (const period of ['2026-Q1', '2026-Q2']) await takeSnapshot(db, [instrumentsIndicators], period);
    const admin = { principal: { accountId: account.id, roles: ['programme_admin'] }, ip: '127.0.0.1' };
    await setPublic(db, admin as never, 'instrument.panel.trust', true);
  });

  it('keeps reports and subscribers to the programme admin', async () => {
    for (const [method, url] of [
      ['GET', '/api/monitor/reports'],
      ['POST', '/api/monitor/reports'],
      ['GET', '/api/monitor/reports/1/report.pdf'],
      ['GET', '/api/monitor/report-subscribers'],
    ] as const) {
      expect((await ctx.current.app.inject({ method, url })).statusCode).toBe(401);
      expect(
        (
          await s.coordinator.inject({
            method,
            url,
            payload: method === 'POST' ? { periodKey: '2026-Q2' } : undefined,
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it('generates the report on demand as PDF and XLSX with the dashboard figures', async () => {
    const missing = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/reports?lang=en',
      payload: { periodKey: '2030-Q1' },
    });
    expect(missing.statusCode).toBe(404);
    const created = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/reports',
      payload: { periodKey: '2026-Q2', locale: 'en' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const pdf = await s.admin.inject({ method: 'GET', url: `/api/monitor/reports/${id}/report.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await s.admin.inject({ method: 'GET', url: `/api/monitor/reports/${id}/report.xlsx` });
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = (workbook.worksheets[0]!.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((r) => r.slice(1, 6));
    expect(summary).toContainEqual([
      'instrument.panel.trust',
      'Trust trust',
      '2026-Q2',
      'Flemish government',
      0.65,
    ]);
    const entities = (workbook.worksheets[1]!.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((r) => [r[4], r[6]]);
    expect(entities).toContainEqual([entityCodes[0], 0.7]);
    // The entity about 3 people is never in the report with a value.
    expect(entities.filter((r) => r[0] === entityCodes[1] && r[1] !== undefined)).toEqual([]);
    const list = (await s.admin.inject({ method: 'GET', url: '/api/monitor/reports' })).json();
    expect(list.items[0]).toMatchObject({ id, periodKey: '2026-Q2', locale: 'en', trigger: 'on-demand' });
  });

  it('mails subscribers a link after the snapshot, once per report', async () => {
    const added = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/report-subscribers',
      payload: { email: 'chair@out.test', locale: 'en' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const twice = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/report-subscribers',
      payload: { email: 'CHAIR@out.test' },
    });
    expect(twice.statusCode).toBe(409);
    const deps = ctx.current.runtime;
    await afterSnapshot(deps, '2026-Q2');
    await afterSnapshot(deps, '2026-Q2');
    const mails = await queryRows<{ payload: { to: string[]; subject: string; text: string } }>(
      ctx.current.database.db,
      sql`select payload from jobs where queue = 'mail_send' and payload::text like '%chair@out.test%'`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload.subject).toContain('2026-Q2');
    expect(mails[0]!.payload.text).toMatch(/\/api\/monitor\/reports\/\d+\/report\.pdf/);
    const reports = (await s.admin.inject({ method: 'GET', url: '/api/monitor/reports' })).json().items;
    expect(
      reports
        .filter((r: { trigger: string }) => r.trigger === 'snapshot')
        .map((r: { locale: string }) => r.locale)
        .sort(),
    ).toEqual(['en', 'nl']);
    await expect(afterSnapshot(deps, '2031-Q1')).rejects.toThrow(/not there yet/);
  });

  it('publishes only released public figures, government and entities, nothing below k', async () => {
    const index = (await ctx.current.app.inject({ method: 'GET', url: '/api/public/open-data' })).json();
    expect(index.indicators.map((i: { key: string }) => i.key)).toEqual(['instrument.panel.trust']);
    expect(index.entities.map((e: { code: string }) => e.code)).toEqual([entityCodes[0]]);

    const json = await ctx.current.app.inject({ method: 'GET', url: '/api/public/open-data/figures.json' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['cache-control']).toBe('public, max-age=3600');
    const figures = json.json().figures as {
      indicator: string;
      period: string;
      entity_code: string | null;
      value: number;
    }[];
    expect(figures.map((f) => [f.period, f.entity_code, f.value])).toEqual([
      ['2026-Q1', null, 0.6],
      ['2026-Q2', null, 0.65],
      ['2026-Q2', entityCodes[0], 0.7],
    ]);
    expect(json.body).not.toContain('0.99');
    expect(json.body).not.toContain(entityCodes[1]);

    const csv = await ctx.current.app.inject({ method: 'GET', url: '/api/public/open-data/figures.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);
    const again = await ctx.current.app.inject({
      method: 'GET',
      url: '/api/public/open-data/figures.csv',
      headers: { 'if-none-match': csv.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);

    const entity = await ctx.current.app.inject({
      method: 'GET',
      url: `/api/public/open-data/entities/${entityCodes[0]}/figures.json`,
    });
    expect(entity.json().figures).toHaveLength(1);
    const hidden = await ctx.current.app.inject({
      method: 'GET',
      url: `/api/public/open-data/entities/${entityCodes[1]}/figures.csv`,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('serves the DCAT-AP catalogue as JSON-LD and Turtle', async () => {
    const { default: jsonld } = await import('jsonld');
    const { Parser } = await import('n3');
    const ld = await ctx.current.app.inject({ method: 'GET', url: '/api/public/open-data/catalogue.jsonld' });
    expect(ld.headers['content-type']).toContain('application/ld+json');
    const nquads = (await jsonld.toRDF(ld.json(), { format: 'application/n-quads' })) as unknown as string;
    const fromLd = new Parser({ format: 'N-Quads' }).parse(nquads);
    const ttl = await ctx.current.app.inject({ method: 'GET', url: '/api/public/open-data/catalogue.ttl' });
    expect(ttl.headers['content-type']).toContain('text/turtle');
    const fromTtl = new Parser({ format: 'Turtle' }).parse(ttl.body);
    expect(fromTtl.length).toBe(fromLd.length);
    const licences = fromTtl
      .filter((q) => q.predicate.value === 'http://purl.org/dc/terms/license')
      .map((q) => q.object.value);
    expect(new Set(licences)).toEqual(
      new Set(['https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0']),
    );
    const downloads = fromTtl
      .filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#downloadURL')
      .map((q) => q.object.value);
    // The whole set and the one entity with published figures, each as CSV and JSON.
    expect(downloads).toHaveLength(4);
    for (const url of downloads) {
      const path = new URL(url).pathname;
      expect((await ctx.current.app.inject({ method: 'GET', url: path })).statusCode, path).toBe(200);
    }
  });
});
