import { Readable } from 'node:stream';
import { z } from 'zod';
import type { RosterError, RosterImportSummary, RosterReport } from '../../../shared/api/org';
import { DEFAULT_ROSTER_MAX_LEAVER_SHARE } from '../../config';
import type { Db } from '../../db/client';
import { AppError, type FieldIssue } from '../../http/errors';
import { type Locale, translator } from '../../http/i18n';
import { audit } from '../../platform/audit';
import { actorAccountId, assertCanManageOrganisation, type OrgActor } from './org.policy';
import * as repo from './org.repo';

/** The roster file's columns; `language` and `manages` may be left out of the header. */
export const ROSTER_COLUMNS = [
  'employee_number',
  'first_name',
  'last_name',
  'email',
  'language',
  'unit_code',
  'manages',
] as const;
type Column = (typeof ROSTER_COLUMNS)[number];
const REQUIRED_COLUMNS: Column[] = ['employee_number', 'first_name', 'last_name', 'email', 'unit_code'];
const MAX_LENGTH: Partial<Record<Column, number>> = {
  employee_number: 64,
  first_name: 200,
  last_name: 200,
  email: 254,
  unit_code: 64,
  manages: 2000,
};

/** Short transactions: PGlite runs one query at a time, so a long one would stall every request. */
export const DEFAULT_BATCH_SIZE = 1000;
/** The response and the stored record keep this many problems; the CLI writes all of them to a file. */
export const STORED_ERROR_LIMIT = 1000;

export type RosterRow = {
  line: number;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  language: 'nl' | 'en';
  unitCode: string;
  manages: string[];
};

/** A problem before translation: the catalogue key under org.import.row and its parameters. */
type RowProblem = { line: number; column?: string; key: string; params?: Record<string, unknown> };

export type RosterProgress = { phase: 'validate' | 'write'; done: number; total: number };

export type RosterCounts = {
  rowsRead: number;
  created: number;
  updated: number;
  moved: number;
  left: number;
  unchanged: number;
  errorCount: number;
};

/** A file that cannot be read at all; carries the catalogue key, so each caller words it in its own language. */
export class RosterFileError extends AppError {
  constructor(
    readonly key: string,
    readonly keyParams: Record<string, unknown> = {},
  ) {
    super('VALIDATION_FAILED', {}, [
      {
        path: 'file',
        code: 'custom',
        message: `org.import.file.${key}`,
        params: keyParams,
      } satisfies FieldIssue,
    ]);
  }
}

/**
 * 409: the import would mark more than the allowed share of active staff as leavers and was not confirmed
 * (a partial file taken for a full one would otherwise empty the organisation).
 */
export class MassLeaversError extends AppError {
  constructor(readonly counts: { left: number; active: number; share: number }) {
    super('CONFLICT', {}, [
      { path: 'allowMassLeavers', code: 'custom', message: 'org.import.massLeavers', params: counts },
    ]);
  }
}

const emailSchema = z.email();

/** Counts delimiters on the header line, outside quotes: Excel writes ';' in Flemish locales, ',' elsewhere. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '\n' || char === '\r') {
      if (!quoted) break;
    } else if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Strict UTF-8: a file saved as Windows-1252 would otherwise import names with replacement characters. */
export function decodeRoster(content: Buffer | string): string {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new RosterFileError('notUtf8');
  }
}

const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

type ParsedRecord = { line: number; fields: string[] };

const countLineBreaks = (fields: string[]) =>
  fields.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);

/**
 * Parses the CSV in chunks so a large file yields to the event loop between chunks instead of
 * blocking the server for the whole parse.
 */
async function parseRecords(text: string): Promise<{ header: string[]; records: ParsedRecord[] }> {
  if (text.trim() === '') throw new RosterFileError('empty');
  // Loaded on first use: most server starts never import a roster.
  const { CsvError, parse } = await import('csv-parse');
  // Updated as the parser goes (the iterator below may never see the records before a fatal error).
  let lastRecordEnd = 0;
  const parser = parse({
    on_record: (record, context) => {
      lastRecordEnd = context.lines;
      return record;
    },
    delimiter: detectDelimiter(text),
    bom: true,
    info: true,
    trim: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: 64 * 1024,
  });
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += 64 * 1024) chunks.push(text.slice(i, i + 64 * 1024));
  Readable.from(chunks).pipe(parser);
  let header: string[] | undefined;
  const records: ParsedRecord[] = [];
  try {
    for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) header = entry.record;
      // info.lines is where the record ends; a quoted field with line breaks started that many lines earlier.
      else records.push({ line: entry.info.lines - countLineBreaks(entry.record), fields: entry.record });
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // An unclosed quote swallows the rest of the file; the broken record is the one after the last good one.
      if (error.code === 'CSV_QUOTE_NOT_CLOSED')
        throw new RosterFileError('quoteNotClosed', { line: lastRecordEnd + 1 });
      const line = Number((error as { lines?: number }).lines ?? 0) || lastRecordEnd + 1;
      throw new RosterFileError('malformed', { line });
    }
    throw error;
  }
  if (!header) throw new RosterFileError('empty');
  return { header, records };
}

function mapHeader(header: string[]): Map<Column, number> {
  const positions = new Map<Column, number>();
  header.forEach((raw, index) => {
    const name = normaliseHeader(raw) as Column;
    if (!(ROSTER_COLUMNS as readonly string[]).includes(name)) return;
    if (positions.has(name)) throw new RosterFileError('duplicateColumn', { column: name });
    positions.set(name, index);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length) throw new RosterFileError('missingColumns', { columns: missing.join(', ') });
  return positions;
}

type UnitLookup = (code: string) => number | undefined;

export function unitLookup(units: { id: number; code: string }[]): UnitLookup {
  const exact = new Map(units.map((u) => [u.code, u.id]));
  const folded = new Map(units.map((u) => [u.code.toLowerCase(), u.id]));
  return (code) => exact.get(code) ?? folded.get(code.toLowerCase());
}

/**
 * Validates every record. The first occurrence of an employee number wins; later ones are reported. Every
 * employee number seen, even on a broken row, counts as present, so a typo in someone's e-mail never turns
 * them into a leaver.
 */
export function validateRecords(
  header: string[],
  records: ParsedRecord[],
  findUnit: UnitLookup,
  onProgress?: (done: number) => void,
): { valid: RosterRow[]; problems: RowProblem[]; brokenRows: number; present: Set<string> } {
  const positions = mapHeader(header);
  const valid: RosterRow[] = [];
  const problems: RowProblem[] = [];
  const present = new Set<string>();
  const firstLine = new Map<string, number>();
  let brokenRows = 0;

  records.forEach((record, index) => {
    const { line, fields } = record;
    const rowProblems: RowProblem[] = [];
    const value = (column: Column) => {
      const position = positions.get(column);
      return position === undefined ? '' : (fields[position] ?? '');
    };
    if (fields.length !== header.length) {
      rowProblems.push({
        line,
        key: 'columnCount',
        params: { found: fields.length, expected: header.length },
      });
    }
    for (const column of REQUIRED_COLUMNS) {
      if (value(column) === '') rowProblems.push({ line, column, key: 'required', params: { column } });
    }
    for (const [column, max] of Object.entries(MAX_LENGTH) as [Column, number][]) {
      if (value(column).length > max)
        rowProblems.push({ line, column, key: 'tooLong', params: { column, max } });
    }
    const employeeNumber = value('employee_number');
    if (employeeNumber) {
      present.add(employeeNumber);
      const seenOn = firstLine.get(employeeNumber);
      if (seenOn !== undefined) {
        rowProblems.push({
          line,
          column: 'employee_number',
          key: 'duplicateEmployeeNumber',
          params: { value: employeeNumber, firstLine: seenOn },
        });
      } else firstLine.set(employeeNumber, line);
    }
    const email = value('email');
    if (email && !emailSchema.safeParse(email).success) {
      rowProblems.push({ line, column: 'email', key: 'invalidEmail', params: { value: email } });
    }
    const language = value('language').toLowerCase() || 'nl';
    if (language !== 'nl' && language !== 'en') {
      rowProblems.push({
        line,
        column: 'language',
        key: 'invalidLanguage',
        params: { value: value('language') },
      });
    }
    const unitCode = value('unit_code');
    if (unitCode && findUnit(unitCode) === undefined) {
      rowProblems.push({ line, column: 'unit_code', key: 'unknownUnit', params: { value: unitCode } });
    }
    const manages = [
      ...new Set(
        value('manages')
          .split('|')
          .map((code) => code.trim())
          .filter(Boolean),
      ),
    ];
    for (const code of manages) {
      if (findUnit(code) === undefined) {
        rowProblems.push({ line, column: 'manages', key: 'unknownManagedUnit', params: { value: code } });
      }
    }
    if (rowProblems.length) {
      brokenRows++;
      problems.push(...rowProblems);
    } else {
      valid.push({
        line,
        employeeNumber,
        firstName: value('first_name'),
        lastName: value('last_name'),
        email,
        language: language as 'nl' | 'en',
        unitCode,
        manages,
      });
    }
    if (onProgress && (index + 1) % 5000 === 0) onProgress(index + 1);
  });
  onProgress?.(records.length);
  return { valid, problems, brokenRows, present };
}

const sameIds = (a: number[], b: number[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Compares the rows with the database and writes the difference: created, moved (unit changed), updated
 * (anything else changed, including a leaver coming back or new managed units) and unchanged are disjoint,
 * so created + updated + moved + unchanged = rows given. Only changed rows are written, in batched upserts
 * inside short transactions; a dry run computes the same counts and writes nothing.
 */
export async function applyRosterRows(
  db: Db,
  rows: RosterRow[],
  options: {
    dryRun: boolean;
    /** Employee numbers that are in the file; active people not in it become leavers. Omit for partial files. */
    leaversExcept?: Set<string>;
    /**
     * Called with the leaver count and the active staff before anything is written (dry runs too); it may
     * throw to refuse the import.
     */
    checkLeavers?: (leavers: { left: number; activeBefore: number }) => void;
    synthetic?: boolean;
    batchSize?: number;
    onProgress?: (progress: RosterProgress) => void;
  },
): Promise<Omit<RosterCounts, 'rowsRead' | 'errorCount'>> {
  const synthetic = options.synthetic ?? false;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const findUnit = unitLookup(await repo.listUnitCodes(db));
  const existing = new Map((await repo.loadPeopleSnapshot(db)).map((p) => [p.employeeNumber, p]));
  const managed = new Map<number, number[]>();
  for (const { personId, unitId } of await repo.loadManagerAssignments(db)) {
    const list = managed.get(personId) ?? [];
    list.push(unitId);
    managed.set(personId, list);
  }
  for (const list of managed.values()) list.sort((a, b) => a - b);

  const counts = { created: 0, updated: 0, moved: 0, left: 0, unchanged: 0 };
  type Work = {
    person?: repo.PersonUpsert;
    employeeNumber: string;
    personId?: number;
    managerUnitIds?: number[];
  };
  const work: Work[] = [];

  for (const row of rows) {
    const unitId = findUnit(row.unitCode);
    if (unitId === undefined) throw new Error(`unit ${row.unitCode} vanished during the import`);
    const managerUnitIds = [...new Set(row.manages.map((code) => findUnit(code)!))].sort((a, b) => a - b);
    const person: repo.PersonUpsert = {
      employeeNumber: row.employeeNumber,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      language: row.language,
      unitId,
      synthetic,
    };
    const before = existing.get(row.employeeNumber);
    if (!before) {
      counts.created++;
      work.push({
        person,
        employeeNumber: row.employeeNumber,
        managerUnitIds: managerUnitIds.length ? managerUnitIds : undefined,
      });
      continue;
    }
    const unitChanged = before.unitId !== unitId;
    const fieldsChanged =
      before.firstName !== row.firstName ||
      before.lastName !== row.lastName ||
      before.email !== row.email ||
      before.language !== row.language ||
      before.status !== 'active' ||
      before.synthetic !== synthetic;
    const managersChanged = !sameIds(managed.get(before.id) ?? [], managerUnitIds);
    if (unitChanged) counts.moved++;
    else if (fieldsChanged || managersChanged) counts.updated++;
    else {
      counts.unchanged++;
      continue;
    }
    work.push({
      person: unitChanged || fieldsChanged ? person : undefined,
      employeeNumber: row.employeeNumber,
      personId: before.id,
      managerUnitIds: managersChanged ? managerUnitIds : undefined,
    });
  }

  const leaverIds: number[] = [];
  if (options.leaversExcept) {
    for (const person of existing.values()) {
      if (person.status === 'active' && !options.leaversExcept.has(person.employeeNumber))
        leaverIds.push(person.id);
    }
  }
  counts.left = leaverIds.length;
  let activeBefore = 0;
  for (const person of existing.values()) if (person.status === 'active') activeBefore++;
  options.checkLeavers?.({ left: counts.left, activeBefore });
  if (options.dryRun) return counts;

  const total = work.length + leaverIds.length;
  let done = 0;
  options.onProgress?.({ phase: 'write', done, total });
  for (let start = 0; start < work.length; start += batchSize) {
    const batch = work.slice(start, start + batchSize);
    await db.transaction(async (tx) => {
      const upserted = await repo.upsertPeople(
        tx,
        batch.flatMap((w) => (w.person ? [w.person] : [])),
      );
      const ids = new Map(upserted.map((p) => [p.employeeNumber, p.id]));
      const managerWork = batch.filter((w) => w.managerUnitIds !== undefined);
      const personIds = managerWork.map((w) => w.personId ?? ids.get(w.employeeNumber)!);
      const pairs = managerWork.flatMap((w, i) =>
        w.managerUnitIds!.map((unitId) => ({ personId: personIds[i]!, unitId })),
      );
      await repo.replaceManagerAssignments(tx, personIds, pairs);
    });
    done += batch.length;
    options.onProgress?.({ phase: 'write', done, total });
  }
  for (let start = 0; start < leaverIds.length; start += batchSize * 5) {
    const batch = leaverIds.slice(start, start + batchSize * 5);
    await db.transaction(async (tx) => repo.markPeopleLeft(tx, batch));
    done += batch.length;
    options.onProgress?.({ phase: 'write', done, total });
  }
  return counts;
}

export type ImportRosterOptions = {
  fileName: string;
  dryRun: boolean;
  /** false for partial files: people missing from the file stay as they are. */
  removeMissing: boolean;
  /**
   * The share of active staff an import may mark as leavers (ROSTER_MAX_LEAVER_SHARE); more needs
   * `allowMassLeavers`, the admin's second, explicit confirmation.
   */
  maxLeaverShare?: number;
  allowMassLeavers?: boolean;
  locale: Locale;
  ip?: string;
  batchSize?: number;
  onProgress?: (progress: RosterProgress) => void;
};

/**
 * The roster import behind both the upload route and `waarden import-roster`: parse, validate every row,
 * upsert the valid ones, mark leavers, and record the import (dry runs too, marked as such, so the history
 * shows what was checked). Returns every problem, translated; the caller decides how many to show.
 */
export async function importRoster(
  db: Db,
  actor: OrgActor,
  content: Buffer | string,
  options: ImportRosterOptions,
): Promise<RosterReport & { allErrors: RosterError[] }> {
  assertCanManageOrganisation(actor);
  const t = translator(options.locale);
  const { header, records } = await parseRecords(decodeRoster(content));
  if (records.length === 0) throw new RosterFileError('noRows');
  const findUnit = unitLookup(await repo.listUnitCodes(db));
  const validation = validateRecords(header, records, findUnit, (done) =>
    options.onProgress?.({ phase: 'validate', done, total: records.length }),
  );
  const maxLeaverShare = options.maxLeaverShare ?? DEFAULT_ROSTER_MAX_LEAVER_SHARE;
  let leaverCheck = { activeBefore: 0, massLeavers: false };
  const counts = await applyRosterRows(db, validation.valid, {
    dryRun: options.dryRun,
    leaversExcept: options.removeMissing ? validation.present : undefined,
    checkLeavers: ({ left, activeBefore }) => {
      const massLeavers = left > 0 && left > activeBefore * maxLeaverShare;
      leaverCheck = { activeBefore, massLeavers };
      if (massLeavers && !options.dryRun && !options.allowMassLeavers)
        throw new MassLeaversError({ left, active: activeBefore, share: Math.round(maxLeaverShare * 100) });
    },
    batchSize: options.batchSize,
    onProgress: options.onProgress,
  });
  const allErrors: RosterError[] = validation.problems.map((p) => ({
    line: p.line,
    ...(p.column ? { column: p.column } : {}),
    message: t(`org.import.row.${p.key}`, p.params ?? {}),
  }));
  const report = {
    rowsRead: records.length,
    ...counts,
    errorCount: validation.brokenRows,
  };
  const stored = allErrors.slice(0, STORED_ERROR_LIMIT);
  const id = await repo.insertRosterImport(db, {
    accountId: actorAccountId(actor),
    fileName: options.fileName,
    dryRun: options.dryRun,
    ...report,
    errorsJson: JSON.stringify(stored),
  });
  if (!options.dryRun) {
    await audit(
      db,
      actor === 'system' ? null : actor,
      'org.roster_import',
      { type: 'roster_import', id },
      {
        fileName: options.fileName,
        ...report,
        removeMissing: options.removeMissing,
        activeBefore: leaverCheck.activeBefore,
        massLeavers: leaverCheck.massLeavers,
        ...(leaverCheck.massLeavers ? { allowMassLeavers: true } : {}),
        ...(actor === 'system' ? { source: 'cli' } : {}),
      },
      options.ip,
    );
  }
  return {
    id,
    dryRun: options.dryRun,
    ...report,
    ...leaverCheck,
    maxLeaverShare,
    errors: stored,
    errorsTruncated: allErrors.length > stored.length,
    allErrors,
  };
}

export async function listRosterImports(db: Db, actor: OrgActor) {
  assertCanManageOrganisation(actor);
  return (await repo.listRosterImports(db, 100)).map(presentImport);
}

/** Timestamps travel as ISO strings, the shape the contract declares. */
function presentImport<T extends Omit<RosterImportSummary, 'startedAt'> & { startedAt: Date }>(
  row: T,
): RosterImportSummary {
  return { ...row, startedAt: row.startedAt.toISOString() };
}

export async function getRosterImport(db: Db, actor: OrgActor, id: number) {
  assertCanManageOrganisation(actor);
  const record = await repo.findRosterImport(db, id);
  if (!record) throw new AppError('NOT_FOUND', { id });
  const { errorsJson, ...rest } = record;
  return { ...presentImport(rest), errors: JSON.parse(errorsJson) as RosterError[] };
}
