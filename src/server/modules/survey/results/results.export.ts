import type { heatmap, unitReport } from './results.service';

/**
 * Exports (CSV and XLSX) built only from the view objects the API returns, so they hold exactly
 * what the viewer may see: suppressed figures stay empty.
 */

type Report = Awaited<ReturnType<typeof unitReport>>;
type Heatmap = Awaited<ReturnType<typeof heatmap>> | null;
type Locale = 'nl' | 'en';

const L = {
  nl: {
    values: 'Waarden',
    items: 'Items',
    heatmap: 'Heatmap',
    unit: 'Eenheid',
    value: 'Waarde',
    item: 'Item',
    section: 'Onderdeel',
    n: 'n',
    index: 'Index (0–100)',
    mean: 'Gemiddelde',
    favourable: 'Gunstig (%)',
    trend: 'Verschil met vorige peiling',
    ciLow: 'BI 95% onder',
    ciHigh: 'BI 95% boven',
    significant: 'Significant',
    parent: 'Bovenliggende eenheid',
    government: 'Vlaamse overheid',
    alpha: 'Cronbachs alfa',
    respondents: 'Respondenten',
    yes: 'ja',
    no: 'nee',
    hidden: 'Lege cellen: verborgen om de anonimiteit te beschermen.',
  },
  en: {
    values: 'Values',
    items: 'Items',
    heatmap: 'Heatmap',
    unit: 'Unit',
    value: 'Value',
    item: 'Item',
    section: 'Section',
    n: 'n',
    index: 'Index (0–100)',
    mean: 'Mean',
    favourable: 'Favourable (%)',
    trend: 'Change since previous wave',
    ciLow: '95% CI low',
    ciHigh: '95% CI high',
    significant: 'Significant',
    parent: 'Parent unit',
    government: 'Flemish government',
    alpha: "Cronbach's alpha",
    respondents: 'Respondents',
    yes: 'yes',
    no: 'no',
    hidden: 'Empty cells: hidden to protect anonymity.',
  },
} as const;

type Cell = string | number | null;

const round = (x: number | null | undefined, d = 2): number | null =>
  x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d;

export function exportTables(report: Report, map: Heatmap, locale: Locale) {
  const t = L[locale];
  const name = (o: { nameNl: string; nameEn: string | null }) =>
    locale === 'en' ? o.nameEn || o.nameNl : o.nameNl;
  const values: Cell[][] = [
    [
      t.unit,
      t.value,
      t.n,
      t.index,
      t.trend,
      t.ciLow,
      t.ciHigh,
      t.significant,
      t.parent,
      t.government,
      t.alpha,
    ],
    ...report.values.map((v) => [
      name(report.unit),
      v.key,
      v.n,
      round(v.index, 1),
      round(v.trend?.difference, 1),
      round(v.trend?.low, 1),
      round(v.trend?.high, 1),
      v.trend ? (v.trend.significant ? t.yes : t.no) : null,
      round(v.parent, 1),
      round(v.government, 1),
      round(v.alpha, 3),
    ]),
  ];
  const items: Cell[][] = [
    [
      t.unit,
      t.section,
      t.item,
      t.value,
      t.n,
      t.mean,
      t.favourable,
      t.trend,
      t.ciLow,
      t.ciHigh,
      t.significant,
      t.parent,
      t.government,
    ],
    ...report.items.map((i) => [
      name(report.unit),
      locale === 'en' ? i.sectionEn || i.sectionNl : i.sectionNl,
      locale === 'en' ? i.textEn || i.textNl : i.textNl,
      i.valueKey,
      i.figure?.n ?? null,
      round(i.figure?.mean),
      i.figure?.favourable === null || i.figure === null ? null : round(i.figure.favourable * 100, 1),
      round(i.trend?.mean?.difference),
      round(i.trend?.mean?.low),
      round(i.trend?.mean?.high),
      i.trend?.mean ? (i.trend.mean.significant ? t.yes : t.no) : null,
      round(i.parent?.mean),
      round(i.government?.mean),
    ]),
  ];
  const heat: Cell[][] | null = map
    ? [
        [
          t.unit,
          t.respondents,
          ...map.headers.map((h) => (locale === 'en' ? h.labelEn || h.labelNl : h.labelNl)),
        ],
        ...map.rows.map((r) => [
          `${'  '.repeat(r.depth)}${name(r)}`,
          r.respondents,
          ...r.cells.map((c) => round(c, 1)),
        ]),
      ]
    : null;
  return { values, items, heat, note: t.hidden, labels: t };
}

/** A CSV field; formulas are neutralised (a leading =, +, − or @ gets a quote). */
function csvField(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  let s = c;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(report: Report, map: Heatmap, locale: Locale): string {
  const { values, items, heat, note, labels } = exportTables(report, map, locale);
  const block = (title: string, rows: Cell[][]) =>
    [title, ...rows.map((r) => r.map(csvField).join(','))].join('\r\n');
  const parts = [block(labels.values, values), block(labels.items, items)];
  if (heat) parts.push(block(labels.heatmap, heat));
  parts.push(note);
  return `\uFEFF${parts.join('\r\n\r\n')}\r\n`;
}

export async function toXlsx(report: Report, map: Heatmap, locale: Locale): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const { values, items, heat, note, labels } = exportTables(report, map, locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Waarden in Actie';
  const sheet = (title: string, rows: Cell[][]) => {
    const ws = wb.addWorksheet(title);
    for (const r of rows)
      ws.addRow(r.map((c) => (typeof c === 'string' && /^[=+\-@]/.test(c) ? `'${c}` : c)));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.addRow([]);
    ws.addRow([note]);
    ws.columns.forEach((col) => {
      col.width = 18;
    });
  };
  sheet(labels.values, values);
  sheet(labels.items, items);
  if (heat) sheet(labels.heatmap, heat);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
