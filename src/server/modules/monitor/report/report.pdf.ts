/**
 * The management report as PDF: per objective and strategy, each indicator's trend drawn as a vector line
 * chart and the same figures in tables (government-wide and per entity), so nothing is only in a picture.
 */
import { translator } from '../../../http/i18n';
import {
  buildReport,
  formatValue,
  type ReportIndicator,
  type ReportInput,
  type ReportRow,
} from './report.model';

const MARGIN = 50;
const INK = '#1d1d1b';
const MUTED = '#5f6368';
const LINE = '#0055cc';
const TARGET = '#b45309';
const LIGHTS = { green: '#1b7a3a', amber: '#b45309', red: '#b3261e' } as const;

type Doc = PDFKit.PDFDocument;

export async function renderReportPdf(input: ReportInput): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const t = translator(input.locale);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: input.locale === 'nl' ? 'nl-BE' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${t('monitor-io.report.title')} ${input.period.key}`,
      Author: 'Waarden in Actie',
      Subject: t('monitor-io.report.subtitle', { period: input.period.key }),
      CreationDate: input.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text(t('monitor-io.report.title'));
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(12)
    .text(t('monitor-io.report.subtitle', { period: input.period.key }));
  doc.fillColor(MUTED).fontSize(10).text(t('monitor-io.report.audience'));
  const dateTag = input.locale === 'nl' ? 'nl-BE' : 'en-GB';
  doc.text(
    t('monitor-io.report.generated', {
      date: new Intl.DateTimeFormat(dateTag, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(
        input.generatedAt,
      ),
    }),
  );
  if (input.period.synthetic) doc.fillColor(TARGET).text(t('monitor-io.report.synthetic'));
  doc.fillColor(MUTED).text(t('monitor-io.report.hiddenNote'));
  doc.fillColor(INK);

  for (const group of buildReport(input)) {
    ensure(80);
    doc.moveDown(1).font('Helvetica-Bold').fontSize(15).fillColor(INK);
    doc.text(
      group.kind === 'other'
        ? t('monitor-io.report.other')
        : t(`monitor-io.report.${group.kind}`, { n: group.n }),
    );
    for (const indicator of group.indicators) drawIndicator(doc, indicator, input, width, ensure);
  }
  doc.end();
  return done;
}

function drawIndicator(
  doc: Doc,
  indicator: ReportIndicator,
  input: ReportInput,
  width: number,
  ensure: (h: number) => void,
) {
  const t = translator(input.locale);
  ensure(170);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).fillColor(INK).text(indicator.label);
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(indicator.entry.definition[input.locale]);
  doc.fillColor(INK);
  doc.moveDown(0.3);
  drawTrend(doc, indicator, input, width);
  const columns = [
    { title: t('monitor-io.report.unit'), width: width * 0.4 },
    { title: t('monitor-io.report.value'), width: width * 0.15 },
    { title: t('monitor-io.report.target'), width: width * 0.15 },
    { title: t('monitor-io.report.light'), width: width * 0.18 },
    { title: t('monitor-io.report.people'), width: width * 0.12 },
  ];
  const cells = (row: ReportRow, name: string) => [
    name,
    formatValue(row.value, indicator.entry.unit, input.locale),
    formatValue(row.target, indicator.entry.unit, input.locale),
    row.light ? t(`monitor-io.report.lights.${row.light}`) : '–',
    row.people === null ? '–' : String(row.people),
  ];
  const rows = [
    cells(indicator.government, t('monitor-io.report.government')),
    ...indicator.entities.map((row) => cells(row, row.unitName ?? row.unitCode ?? '')),
  ];
  const lights = [indicator.government.light, ...indicator.entities.map((r) => r.light)];
  const drawRow = (values: string[], bold: boolean, light: ReportRow['light']) => {
    ensure(14);
    const y = doc.y;
    let x = doc.page.margins.left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    values.forEach((value, i) => {
      if (i === 3 && light) {
        doc.circle(x + 4, y + 4, 3.5).fill(LIGHTS[light]);
        doc.fillColor(INK).text(value, x + 11, y, { width: columns[i]!.width - 11, lineBreak: false });
      } else
        doc
          .fillColor(INK)
          .text(value, x, y, { width: columns[i]!.width - 4, lineBreak: false, ellipsis: true });
      x += columns[i]!.width;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + 13;
  };
  drawRow(
    columns.map((c) => c.title),
    true,
    null,
  );
  doc
    .moveTo(doc.page.margins.left, doc.y - 2)
    .lineTo(doc.page.margins.left + width, doc.y - 2)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  rows.forEach((row, i) => {
    drawRow(row, false, lights[i] ?? null);
  });
}

/** A line chart of the government-wide value over the periods, with the target as a dashed line. */
function drawTrend(doc: Doc, indicator: ReportIndicator, input: ReportInput, width: number) {
  const t = translator(input.locale);
  const height = 60;
  const left = doc.page.margins.left + 30;
  const chartWidth = Math.min(width - 30, 320);
  const top = doc.y + 4;
  const values = indicator.trend.map((p) => p.value).filter((v): v is number => v !== null);
  const target = indicator.government.target;
  const all = target === null ? values : [...values, target];
  let min = indicator.entry.unit === 'share' ? 0 : Math.min(0, ...all);
  let max = indicator.entry.unit === 'share' ? 1 : Math.max(...all, 1);
  if (max === min) {
    max += 1;
    min -= 0;
  }
  const yOf = (v: number) => top + height - ((v - min) / (max - min)) * height;
  const n = indicator.trend.length;
  const xOf = (i: number) => left + (n <= 1 ? chartWidth / 2 : (i * chartWidth) / (n - 1));

  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  doc.text(t('monitor-io.report.trend'), left - 30, top - 10, { lineBreak: false });
  doc.lineWidth(0.5).strokeColor(MUTED);
  doc
    .moveTo(left, top)
    .lineTo(left, top + height)
    .lineTo(left + chartWidth, top + height)
    .stroke();
  doc.text(formatValue(max, indicator.entry.unit, input.locale), left - 30, top - 3, {
    width: 26,
    align: 'right',
    lineBreak: false,
  });
  doc.text(formatValue(min, indicator.entry.unit, input.locale), left - 30, top + height - 4, {
    width: 26,
    align: 'right',
    lineBreak: false,
  });
  if (target !== null) {
    doc.save().dash(3, { space: 2 }).strokeColor(TARGET).lineWidth(0.8);
    doc
      .moveTo(left, yOf(target))
      .lineTo(left + chartWidth, yOf(target))
      .stroke();
    doc.restore();
  }
  // The line breaks where a period is hidden: joining across it would suggest a value nobody may see.
  doc.strokeColor(LINE).lineWidth(1.5);
  let drawing = false;
  indicator.trend.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    if (drawing) doc.lineTo(xOf(i), yOf(p.value));
    else doc.moveTo(xOf(i), yOf(p.value));
    drawing = true;
  });
  doc.stroke();
  indicator.trend.forEach((p, i) => {
    if (p.value !== null) doc.circle(xOf(i), yOf(p.value), 2).fill(LINE);
    doc
      .fillColor(MUTED)
      .fontSize(6.5)
      .text(p.periodKey, xOf(i) - 20, top + height + 3, { width: 40, align: 'center', lineBreak: false });
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height + 14;
  // The chart's figures as text too, for readers (and screen readers) who cannot use the picture.
  doc
    .fillColor(INK)
    .fontSize(7.5)
    .text(
      `${t('monitor-io.report.trend')}: ${indicator.trend
        .map((p) => `${p.periodKey} ${formatValue(p.value, indicator.entry.unit, input.locale)}`)
        .join('  ·  ')}`,
    );
  doc.moveDown(0.4);
}
