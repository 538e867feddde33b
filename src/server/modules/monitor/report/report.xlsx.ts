/**
 * The management report as a spreadsheet with the same figures as the PDF: the government-wide figure of
 * each indicator, the entities' figures and the trend, as numbers (not text) so they can be recomputed.
 */
import { translator } from '../../../http/i18n';
import { buildReport, type ReportInput } from './report.model';

/** Text a spreadsheet would run as a formula is written as text. */
const safe = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);

export async function renderReportXlsx(input: ReportInput): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const t = translator(input.locale);
  const groups = buildReport(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Waarden in Actie';
  workbook.created = input.generatedAt;
  workbook.title = `${t('monitor-io.report.title')} ${input.period.key}`;

  const head = [
    'key',
    t('monitor-io.report.indicator'),
    t('monitor-io.report.period'),
    t('monitor-io.report.unit'),
    t('monitor-io.report.value'),
    t('monitor-io.report.target'),
    t('monitor-io.report.light'),
    t('monitor-io.report.people'),
  ];
  const light = (value: string | null) => (value ? t(`monitor-io.report.lights.${value}`) : null);
  const sheet = (name: string, header: string[]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };

  const summary = sheet(t('monitor-io.report.sheetSummary'), head);
  const entities = sheet(t('monitor-io.report.sheetEntities'), [
    ...head.slice(0, 3),
    'code',
    ...head.slice(3),
  ]);
  const trend = sheet(t('monitor-io.report.sheetTrend'), [
    'key',
    t('monitor-io.report.indicator'),
    ...input.periods.map((p) => p.key),
  ]);
  for (const group of groups)
    for (const indicator of group.indicators) {
      const g = indicator.government;
      summary.addRow([
        indicator.entry.key,
        safe(indicator.label),
        input.period.key,
        t('monitor-io.report.government'),
        g.value,
        g.target,
        light(g.light),
        g.people,
      ]);
      for (const row of indicator.entities)
        entities.addRow([
          indicator.entry.key,
          safe(indicator.label),
          input.period.key,
          row.unitCode,
          safe(row.unitName ?? ''),
          row.value,
          row.target,
          light(row.light),
          row.people,
        ]);
      trend.addRow([indicator.entry.key, safe(indicator.label), ...indicator.trend.map((p) => p.value)]);
    }
  for (const ws of [summary, entities, trend]) {
    ws.addRow([]);
    ws.addRow([t('monitor-io.report.hiddenNote')]);
    if (input.period.synthetic) ws.addRow([t('monitor-io.report.synthetic')]);
    ws.columns.forEach((column, i) => {
      column.width = i === 1 ? 48 : 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
