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
    significant: 'Significant (*)',
    q: 'q (Benjamini–Hochberg)',
    trendFav: 'Verschil gunstig (procentpunten)',
    parent: 'Bovenliggende eenheid',
    government: 'Vlaamse overheid',
    alpha: 'Cronbachs alfa',
    alphaN: 'n alfa (volledig beantwoord)',
    respondents: 'Respondenten',
    yes: 'ja',
    no: 'nee',
    notTested: 'niet getoetst',
    marks: (tested: number, fdr: number, minN: number) =>
      `Sterretjes: Benjamini–Hochberg over de ${tested} getoetste vergelijkingen van dit bestand (fout-ontdekkingsratio ${fdr}%); alleen groepen met minstens ${minN} respondenten in beide peilingen worden getoetst. Intervallen: 95%, Welch-t (gemiddelden, indexen) en Newcombe (aandelen). De peilingen zijn geen onafhankelijke steekproeven (grotendeels dezelfde mensen); zie docs/METHODS.md.`,
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
    significant: 'Significant (*)',
    q: 'q (Benjamini–Hochberg)',
    trendFav: 'Change in favourable (percentage points)',
    parent: 'Parent unit',
    government: 'Flemish government',
    alpha: "Cronbach's alpha",
    alphaN: 'n alpha (all items answered)',
    respondents: 'Respondents',
    yes: 'yes',
    no: 'no',
    notTested: 'not tested',
    marks: (tested: number, fdr: number, minN: number) =>
      `Stars: Benjamini–Hochberg over the ${tested} tested comparisons of this file (false discovery rate ${fdr}%); only groups with at least ${minN} respondents in both surveys are tested. Intervals: 95%, Welch's t (means, indices) and Newcombe (shares). The surveys are not independent samples (largely the same people); see docs/METHODS.md.`,
    hidden: 'Empty cells: hidden to protect anonymity.',
  },
} as const;

type Cell = string | number | null;
type Labels = (typeof L)[Locale];
type TrendOut = Report['values'][number]['trend'];

function mark(t: Labels, trend: TrendOut): string | null {
  if (!trend) return null;
  if (!trend.tested) return t.notTested;
  return trend.significant ? t.yes : t.no;
}

const pp = (x: number | null | undefined) => (x === null || x === undefined ? null : x * 100);

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
      t.q,
      t.parent,
      t.government,
      t.alpha,
      t.alphaN,
    ],
    ...report.values.map((v) => [
      name(report.unit),
      v.key,
      v.n,
      round(v.index, 1),
      round(v.trend?.difference, 1),
      round(v.trend?.low, 1),
      round(v.trend?.high, 1),
      mark(t, v.trend),
      round(v.trend?.q, 4),
      round(v.parent, 1),
      round(v.government, 1),
      round(v.alpha, 3),
      v.alphaN,
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
      t.q,
      t.trendFav,
      t.ciLow,
      t.ciHigh,
      t.significant,
      t.q,
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
      mark(t, i.trend?.mean ?? null),
      round(i.trend?.mean?.q, 4),
      round(pp(i.trend?.favourable?.difference), 1),
      round(pp(i.trend?.favourable?.low), 1),
      round(pp(i.trend?.favourable?.high), 1),
      mark(t, i.trend?.favourable ?? null),
      round(i.trend?.favourable?.q, 4),
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
  const c = report.methods.comparisons;
  const note = report.previousWave ? `${t.hidden} ${t.marks(c.tested, c.fdr * 100, c.minN)}` : t.hidden;
  return { values, items, heat, note, labels: t };
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
