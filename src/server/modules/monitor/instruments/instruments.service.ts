import { createHash } from 'node:crypto';
import type {
  ImportProblem,
  ImportReport,
  IndicatorInput,
  InstrumentInput,
} from '../../../../shared/api/monitor-io';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { type Locale, translator } from '../../../http/i18n';
import { audit } from '../../../platform/audit';
import * as monitor from '../monitor.service';
import { InstrumentFileError, parseResultsFile } from './instruments.file';
import { definitions } from './instruments.indicators';
import * as policy from './instruments.policy';
import * as repo from './instruments.repo';

/** The unit column's value for a figure about the whole government rather than one unit. */
export const GOVERNMENT_CODE = '*';

const COLUMNS = ['unit_code', 'indicator', 'period', 'value', 'n'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['unit_code', 'indicator', 'period', 'value'];
/** Other names people give the columns. */
const ALIASES: Record<string, Column> = {
  unit: 'unit_code',
  entity: 'unit_code',
  entity_code: 'unit_code',
  code: 'unit_code',
  indicator_key: 'indicator',
  quarter: 'period',
  people: 'n',
};

const presentIndicator = (row: repo.IndicatorRow) => ({
  id: row.id,
  key: row.key,
  name: row.name,
  labelNl: row.labelNl,
  labelEn: row.labelEn,
  definitionNl: row.definitionNl,
  definitionEn: row.definitionEn,
  unit: row.unit,
  direction: row.direction,
  minPeople: row.minPeople,
  objective: row.objective,
  strategy: row.strategy,
});

function presentInstrument(row: repo.InstrumentRow, indicators: repo.IndicatorRow[]) {
  return {
    id: row.id,
    slug: row.slug,
    nameNl: row.nameNl,
    nameEn: row.nameEn,
    owner: row.owner,
    methodNl: row.methodNl,
    methodEn: row.methodEn,
    periodicity: row.periodicity,
    link: row.link,
    indicators: indicators.filter((i) => i.instrumentId === row.id).map(presentIndicator),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function instrumentOrThrow(db: Db, id: number) {
  const row = await repo.findInstrument(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function present(db: Db, id: number) {
  const row = await instrumentOrThrow(db, id);
  return presentInstrument(row, await repo.listIndicators(db, id));
}

export async function list(db: Db, actor: Actor) {
  policy.assertMayManage(actor.principal);
  const [instruments, indicators] = await Promise.all([repo.listInstruments(db), repo.listIndicators(db)]);
  return { items: instruments.map((row) => presentInstrument(row, indicators)) };
}

export async function create(db: Db, actor: Actor, input: InstrumentInput) {
  policy.assertMayManage(actor.principal);
  return db.transaction(async (tx) => {
    if (await repo.findInstrumentBySlug(tx, input.slug))
      throw new AppError('CONFLICT', {}, [
        { path: 'body.slug', code: 'custom', message: 'monitor-io.validation.slugTaken' },
      ]);
    const row = await repo.insertInstrument(tx, input);
    await audit(
      tx,
      actor.principal,
      'monitor.instrument.create',
      { type: 'instrument', id: row.id },
      { slug: row.slug },
      actor.ip,
    );
    return presentInstrument(row, []);
  });
}

export async function update(db: Db, actor: Actor, id: number, input: InstrumentInput) {
  policy.assertMayManage(actor.principal);
  return db.transaction(async (tx) => {
    const before = await instrumentOrThrow(tx, id);
    if (before.slug !== input.slug)
      throw new AppError('CONFLICT', {}, [
        { path: 'body.slug', code: 'custom', message: 'monitor-io.validation.slugFixed' },
      ]);
    const { slug: _slug, ...values } = input;
    await repo.updateInstrument(tx, id, values);
    await audit(
      tx,
      actor.principal,
      'monitor.instrument.update',
      { type: 'instrument', id },
      { slug: before.slug },
      actor.ip,
    );
    return present(tx, id);
  });
}

/** The instrument's indicators join the monitor's catalogue at once, before any snapshot. */
async function registerInCatalogue(db: Db, instrument: repo.InstrumentRow) {
  const prefix = `instrument.${instrument.slug}.`;
  const own = (await definitions(db)).filter((d) => d.key.startsWith(prefix));
  await monitor.registerImportedIndicators(db, instrument.nameNl, own);
}

const indicatorValues = (input: IndicatorInput) => ({
  labelNl: input.labelNl,
  labelEn: input.labelEn,
  definitionNl: input.definitionNl,
  definitionEn: input.definitionEn,
  unit: input.unit,
  direction: input.direction,
  minPeople: input.minPeople,
  objective: input.objective,
  strategy: input.strategy,
});

export async function createIndicator(db: Db, actor: Actor, instrumentId: number, input: IndicatorInput) {
  policy.assertMayManage(actor.principal);
  return db.transaction(async (tx) => {
    const instrument = await instrumentOrThrow(tx, instrumentId);
    const key = `instrument.${instrument.slug}.${input.name}`;
    if (await repo.findIndicatorByKey(tx, key))
      throw new AppError('CONFLICT', {}, [
        { path: 'body.name', code: 'custom', message: 'monitor-io.validation.indicatorTaken' },
      ]);
    const row = await repo.insertIndicator(tx, {
      instrumentId,
      key,
      name: input.name,
      ...indicatorValues(input),
    });
    await registerInCatalogue(tx, instrument);
    await audit(
      tx,
      actor.principal,
      'monitor.indicator.create',
      { type: 'instrument_indicator', id: row.id },
      { key },
      actor.ip,
    );
    return present(tx, instrumentId);
  });
}

export async function updateIndicator(
  db: Db,
  actor: Actor,
  instrumentId: number,
  indicatorId: number,
  input: IndicatorInput,
) {
  policy.assertMayManage(actor.principal);
  return db.transaction(async (tx) => {
    const indicators = await repo.listIndicators(tx, instrumentId);
    const before = indicators.find((i) => i.id === indicatorId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.name !== input.name)
      throw new AppError('CONFLICT', {}, [
        { path: 'body.name', code: 'custom', message: 'monitor-io.validation.slugFixed' },
      ]);
    await repo.updateIndicator(tx, instrumentId, indicatorId, indicatorValues(input));
    await registerInCatalogue(tx, await instrumentOrThrow(tx, instrumentId));
    await audit(
      tx,
      actor.principal,
      'monitor.indicator.update',
      { type: 'instrument_indicator', id: indicatorId },
      { key: before.key, minPeople: [before.minPeople, input.minPeople] },
      actor.ip,
    );
    return present(tx, instrumentId);
  });
}

// ---- import ----------------------------------------------------------------------------------

const PERIOD = /^(\d{4})-Q([1-4])$/;

/** The first day of the quarter after the period, in UTC; a period is importable once it has started. */
function periodStart(key: string): Date | null {
  const match = PERIOD.exec(key);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), (Number(match[2]) - 1) * 3, 1));
}

/** `0,75` and `0.75` alike: Flemish spreadsheets write a decimal comma. */
function parseNumber(raw: string): number | null {
  const text = raw.replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?([eE]-?\d+)?$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

type Problem = { line: number; column?: Column; key: string; params?: Record<string, unknown> };
type ValidRow = {
  line: number;
  indicator: repo.IndicatorRow;
  unitId: number | null;
  periodKey: string;
  value: number;
  people: number | null;
};

function mapHeader(header: string[]): Map<Column, number> {
  const positions = new Map<Column, number>();
  header.forEach((raw, index) => {
    const normal = raw
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const name = (ALIASES[normal] ?? normal) as Column;
    if (!(COLUMNS as readonly string[]).includes(name)) return;
    if (positions.has(name)) throw new InstrumentFileError('duplicateColumn', { column: name });
    positions.set(name, index);
  });
  const missing = REQUIRED.filter((c) => !positions.has(c));
  if (missing.length) throw new InstrumentFileError('missingColumns', { columns: missing.join(', ') });
  return positions;
}

function validate(
  parsed: Awaited<ReturnType<typeof parseResultsFile>>,
  indicators: repo.IndicatorRow[],
  units: { id: number; code: string }[],
  now: Date,
): { rows: ValidRow[]; problems: Problem[] } {
  const positions = mapHeader(parsed.header);
  const byName = new Map<string, repo.IndicatorRow>();
  for (const indicator of indicators) {
    byName.set(indicator.name.toLowerCase(), indicator);
    byName.set(indicator.key.toLowerCase(), indicator);
  }
  const unitsByCode = new Map(units.map((u) => [u.code.toLowerCase(), u.id]));
  const seen = new Map<string, number>();
  const rows: ValidRow[] = [];
  const problems: Problem[] = [];
  for (const { line, fields } of parsed.records) {
    const field = (column: Column) => {
      const at = positions.get(column);
      return at === undefined ? '' : (fields[at] ?? '').trim();
    };
    const before = problems.length;
    const problem = (column: Column, key: string, params?: Record<string, unknown>) =>
      problems.push({ line, column, key, params });

    const code = field('unit_code');
    let unitId: number | null = null;
    if (code === '') problem('unit_code', 'required');
    else if (code !== GOVERNMENT_CODE) {
      const found = unitsByCode.get(code.toLowerCase());
      if (found === undefined) problem('unit_code', 'unknownUnit', { code: code.slice(0, 64) });
      else unitId = found;
    }

    const name = field('indicator');
    const indicator = byName.get(name.toLowerCase());
    if (name === '') problem('indicator', 'required');
    else if (!indicator) problem('indicator', 'unknownIndicator', { indicator: name.slice(0, 100) });

    const periodKey = field('period').toUpperCase();
    const start = periodStart(periodKey);
    if (periodKey === '') problem('period', 'required');
    else if (!start) problem('period', 'badPeriod', { period: periodKey.slice(0, 20) });
    else if (start > now) problem('period', 'futurePeriod', { period: periodKey });

    const rawValue = field('value');
    const value = parseNumber(rawValue);
    if (rawValue === '') problem('value', 'required');
    else if (value === null) problem('value', 'badValue', { value: rawValue.slice(0, 40) });
    else if (indicator?.unit === 'share' && (value < 0 || value > 1)) problem('value', 'shareRange');
    else if ((indicator?.unit === 'count' || indicator?.unit === 'rate') && value < 0)
      problem('value', 'negative');

    const rawPeople = field('n');
    let people: number | null = null;
    if (rawPeople !== '') {
      const n = parseNumber(rawPeople);
      if (n === null || !Number.isInteger(n) || n < 0 || n > 10_000_000)
        problem('n', 'badPeople', { value: rawPeople.slice(0, 40) });
      else people = n;
    } else if (indicator && indicator.minPeople > 0)
      problem('n', 'peopleRequired', { min: indicator.minPeople });

    if (problems.length > before || !indicator || value === null) continue;
    const identity = `${indicator.id}|${unitId ?? 0}|${periodKey}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      problems.push({ line, key: 'duplicateRow', params: { first } });
      continue;
    }
    seen.set(identity, line);
    rows.push({ line, indicator, unitId, periodKey, value, people });
  }
  return { rows, problems };
}

export type ImportOptions = { fileName: string; dryRun: boolean; locale: Locale; now?: Date };

/**
 * Checks every row and, unless it is a dry run, applies the valid ones: a new value is inserted, a
 * different value supersedes the one in force (which is kept), an equal one changes nothing.
 */
export async function importResults(
  db: Db,
  actor: Actor,
  instrumentId: number,
  content: Buffer,
  options: ImportOptions,
): Promise<ImportReport> {
  policy.assertMayManage(actor.principal);
  await instrumentOrThrow(db, instrumentId);
  const fileHash = createHash('sha256').update(content).digest('hex');
  const fileName = options.fileName.slice(0, 255);
  const parsed = await parseResultsFile(fileName, content);

  const run = async (tx: Db) => {
    if (!options.dryRun) await repo.lockInstrument(tx, instrumentId);
    const indicators = await repo.listIndicators(tx, instrumentId);
    const { rows, problems } = validate(
      parsed,
      indicators,
      await repo.unitCodes(tx),
      options.now ?? new Date(),
    );
    const current = new Map(
      (
        await repo.currentResults(
          tx,
          indicators.map((i) => i.id),
        )
      ).map((r) => [`${r.indicatorId}|${r.unitId ?? 0}|${r.periodKey}`, r]),
    );
    const inserts: ValidRow[] = [];
    const changes: { row: ValidRow; previousId: number }[] = [];
    let unchanged = 0;
    for (const row of rows) {
      const previous = current.get(`${row.indicator.id}|${row.unitId ?? 0}|${row.periodKey}`);
      if (!previous) inserts.push(row);
      else if (previous.value === row.value && previous.people === row.people) unchanged++;
      else changes.push({ row, previousId: previous.id });
    }
    const counts = {
      rowsRead: parsed.records.length,
      inserted: inserts.length,
      changed: changes.length,
      unchanged,
      errorCount: problems.length,
    };
    let importId: number | null = null;
    if (!options.dryRun) {
      const record = await repo.insertImport(tx, {
        instrumentId,
        accountId: actor.principal.accountId,
        fileName,
        fileHash,
        ...counts,
      });
      importId = record.id;
      await repo.supersede(
        tx,
        changes.map((c) => c.previousId),
        record.id,
      );
      await repo.insertResults(
        tx,
        [...inserts, ...changes.map((c) => c.row)].map((row) => ({
          indicatorId: row.indicator.id,
          unitId: row.unitId,
          periodKey: row.periodKey,
          value: row.value,
          people: row.people,
          importId: record.id,
        })),
      );
      await audit(
        tx,
        actor.principal,
        'monitor.instrument.import',
        { type: 'instrument', id: instrumentId },
        { importId: record.id, fileName, fileHash, ...counts },
        actor.ip,
      );
    }
    return { counts, problems, importId };
  };
  const outcome = options.dryRun ? await run(db) : await db.transaction(run);
  const t = translator(options.locale);
  const errors: ImportProblem[] = outcome.problems.map((p) => ({
    line: p.line,
    ...(p.column ? { column: p.column } : {}),
    message: t(`monitor-io.import.row.${p.key}`, p.params ?? {}),
  }));
  return {
    ...outcome.counts,
    dryRun: options.dryRun,
    importId: outcome.importId,
    fileName,
    fileHash,
    errors,
  };
}

export async function listImports(db: Db, actor: Actor, instrumentId: number) {
  policy.assertMayManage(actor.principal);
  await instrumentOrThrow(db, instrumentId);
  const rows = await repo.listImports(db, instrumentId);
  return { items: rows.map((r) => ({ ...r, importedAt: r.importedAt.toISOString() })) };
}

export async function listResults(db: Db, actor: Actor, instrumentId: number) {
  policy.assertMayManage(actor.principal);
  await instrumentOrThrow(db, instrumentId);
  const rows = await repo.listResults(db, instrumentId);
  return {
    items: rows.map((r) => ({
      ...r,
      importedAt: r.importedAt.toISOString(),
      supersededAt: r.supersededAt?.toISOString() ?? null,
    })),
  };
}
