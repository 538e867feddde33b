import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogueEntry, ReleasedFigure, SnapshotPeriod } from '../released-figures';
import type { ReportInput } from './report.model';
import { renderReportPdf } from './report.pdf';
import { renderReportXlsx } from './report.xlsx';

const periods: SnapshotPeriod[] = ['2026-Q1', '2026-Q2', '2026-Q3'].map((key, i) => ({
  key,
  start: new Date(Date.UTC(2026, i * 3, 1)),
  end: new Date(Date.UTC(2026, i * 3 + 3, 1)),
  takenAt: new Date(Date.UTC(2026, i * 3 + 3, 1)),
  synthetic: false,
}));

const entry = (key: string, over: Partial<CatalogueEntry>): CatalogueEntry => ({
  key,
  objective: null,
  strategy: null,
  label: { nl: `NL ${key}`, en: `EN ${key}` },
  definition: { nl: 'Definitie', en: 'Definition' },
  source: { nl: 'Bron', en: 'Source' },
  safety: { nl: 'Veilig', en: 'Safe' },
  unit: 'share',
  direction: 'higher',
  minPeople: 5,
  origin: 'computed',
  instrument: null,
  public: false,
  ...over,
});

const catalogue = [
  entry('learning.completion', {
    objective: 3,
    label: { nl: 'Leertraject voltooid', en: 'Learning path completed' },
  }),
  entry('instrument.bue.complaints', {
    strategy: 4,
    unit: 'count',
    direction: 'lower',
    minPeople: 0,
    origin: 'imported',
    instrument: 'BUE',
    label: { nl: 'Klachten', en: 'Complaints' },
  }),
];

const figure = (over: Partial<ReleasedFigure>): ReleasedFigure => ({
  indicatorKey: 'learning.completion',
  periodKey: '2026-Q3',
  unitId: null,
  unitCode: null,
  unitName: null,
  unitKind: null,
  value: null,
  hidden: false,
  people: null,
  target: null,
  light: null,
  ...over,
});

const figures: ReleasedFigure[] = [
  figure({ periodKey: '2026-Q1', value: 0.5, people: 120 }),
  figure({ periodKey: '2026-Q2', value: 0.625, people: 130 }),
  figure({ value: 0.75, people: 140, target: 0.8, light: 'amber' }),
  figure({
    unitId: 7,
    unitCode: 'OVO1',
    unitName: 'Agentschap Alfa',
    unitKind: 'entity',
    value: 0.9,
    people: 60,
    target: 0.8,
    light: 'green',
  }),
  // A hidden figure must not show, even if a careless caller left its value in.
  figure({
    unitId: 8,
    unitCode: 'OVO2',
    unitName: 'Agentschap Beta',
    unitKind: 'entity',
    value: 0.123,
    hidden: true,
    people: 3,
  }),
  figure({
    unitId: 9,
    unitCode: 'DIV1',
    unitName: 'Afdeling Gamma',
    unitKind: 'division',
    value: 0.6,
    people: 20,
  }),
  figure({ indicatorKey: 'instrument.bue.complaints', value: 1234, people: null }),
];

const input = (locale: 'nl' | 'en'): ReportInput => ({
  period: periods[2]!,
  periods,
  catalogue,
  figures,
  locale,
  generatedAt: new Date('2026-10-02T08:00:00Z'),
});

async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    standardFontDataUrl: `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n');
}

describe('management report generators', () => {
  it('writes a Dutch PDF whose tables hold the figures, and never a hidden one', async () => {
    const pdf = await renderReportPdf(input('nl'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('managementrapport');
    expect(text).toContain('Doelstelling 3');
    expect(text).toContain('Strategie 4');
    expect(text).toContain('Leertraject voltooid');
    expect(text).toContain('Vlaamse overheid');
    expect(text).toContain('75%');
    expect(text).toContain('80%');
    expect(text).toContain('Agentschap Alfa');
    expect(text).toContain('90%');
    expect(text).toContain('op koers');
    expect(text).toContain('1.234');
    // The trend's figures are in text as well as in the chart.
    expect(text).toMatch(/2026-Q1 50%/);
    expect(text).toMatch(/2026-Q2 62,5%/);
    // Hidden: the entity is listed, its value is not. Divisions are not in the report.
    expect(text).toContain('Agentschap Beta');
    expect(text).not.toContain('12,3');
    expect(text).not.toContain('Afdeling Gamma');
  });

  it('writes English on request', async () => {
    const text = await pdfText(await renderReportPdf(input('en')));
    expect(text).toContain('management report');
    expect(text).toContain('Objective 3');
    expect(text).toContain('Learning path completed');
    expect(text).toContain('Flemish government');
    expect(text).toContain('1,234');
  });

  it('writes a spreadsheet with the same figures as numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportXlsx(input('nl'))) as unknown as ArrayBuffer);
    const rows = (index: number) =>
      (workbook.worksheets[index]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const summary = rows(0);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Vlaamse overheid', 'Per entiteit', 'Verloop']);
    expect(summary[1]).toEqual([
      'learning.completion',
      'Leertraject voltooid',
      '2026-Q3',
      'Vlaamse overheid',
      0.75,
      0.8,
      'bijna',
      140,
    ]);
    expect(summary[2]?.slice(0, 5)).toEqual([
      'instrument.bue.complaints',
      'Klachten',
      '2026-Q3',
      'Vlaamse overheid',
      1234,
    ]);
    const entities = rows(1);
    expect(entities.slice(1, 3).map((r) => [r[3], r[5]])).toEqual([
      ['OVO1', 0.9],
      ['OVO2', undefined],
    ]);
    expect(JSON.stringify(entities)).not.toContain('0.123');
    expect(rows(2)[1]).toEqual(['learning.completion', 'Leertraject voltooid', 0.5, 0.625, 0.75]);
  });
});
