/**
 * Reads a results file of another instrument, CSV or XLSX, into numbered records of strings. Validation of
 * what the fields mean is the service's; this only knows file formats and their limits.
 */
import { INSTRUMENT_MAX_ROWS } from '../../../../shared/api/monitor-io';
import { AppError, type FieldIssue } from '../../../http/errors';

/** A record and the line (CSV) or row number (XLSX) a person finds it on. */
export type FileRecord = { line: number; fields: string[] };
export type ParsedFile = { header: string[]; records: FileRecord[] };

/** A file that cannot be read at all; the message key is under monitor-io.import.file. */
export class InstrumentFileError extends AppError {
  constructor(key: string, params: Record<string, unknown> = {}) {
    super('VALIDATION_FAILED', {}, [
      { path: 'file', code: 'custom', message: `monitor-io.import.file.${key}`, params } satisfies FieldIssue,
    ]);
  }
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function isXlsx(fileName: string, content: Buffer): boolean {
  return content.subarray(0, 4).equals(XLSX_MAGIC) || /\.xlsx$/i.test(fileName);
}

/** Excel in Flemish locales writes ';', elsewhere ','; the header line decides. */
function delimiterOf(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export async function parseCsv(content: Buffer): Promise<ParsedFile> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new InstrumentFileError('notUtf8');
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new InstrumentFileError('empty');
  const { parse, CsvError } = await import('csv-parse/sync');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 16 * 1024,
      to_line: INSTRUMENT_MAX_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError)
      throw new InstrumentFileError('malformed', { line: Number((error as { lines?: number }).lines ?? 0) });
    throw error;
  }
  const [head, ...rest] = rows;
  if (!head) throw new InstrumentFileError('empty');
  if (rest.length > INSTRUMENT_MAX_ROWS)
    throw new InstrumentFileError('tooManyRows', { max: INSTRUMENT_MAX_ROWS });
  return { header: head.record, records: rest.map((r) => ({ line: r.info.lines, fields: r.record })) };
}

type CellLike = { value: unknown; text: string };

/** The cell as the person typed it: numbers as numbers (no display rounding), everything else as shown. */
function cellText(cell: CellLike): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'result' in (value as object)) {
    const result = (value as { result: unknown }).result;
    return typeof result === 'number' ? String(result) : String(result ?? '');
  }
  return (cell.text ?? '').trim();
}

export async function parseXlsx(content: Buffer): Promise<ParsedFile> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new InstrumentFileError('unreadableXlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new InstrumentFileError('empty');
  if (sheet.actualRowCount > INSTRUMENT_MAX_ROWS + 1)
    throw new InstrumentFileError('tooManyRows', { max: INSTRUMENT_MAX_ROWS });
  const records: FileRecord[] = [];
  let header: string[] | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) fields.push(cellText(row.getCell(c) as unknown as CellLike));
    if (fields.every((f) => f === '')) return;
    if (!header) header = fields;
    else records.push({ line: rowNumber, fields });
  });
  if (!header) throw new InstrumentFileError('empty');
  return { header, records };
}

export async function parseResultsFile(fileName: string, content: Buffer): Promise<ParsedFile> {
  if (content.length === 0) throw new InstrumentFileError('empty');
  return isXlsx(fileName, content) ? parseXlsx(content) : parseCsv(content);
}
