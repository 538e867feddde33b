/**
 * The management report's content, independent of its file format: the catalogue grouped by objective and
 * strategy, each indicator with its government-wide figure, its entities and its trend. The PDF and the
 * XLSX are both drawn from this, so they cannot disagree.
 */
import type { Locale } from '../../../http/i18n';
import type { CatalogueEntry, ReleasedFigure, SnapshotPeriod, TrafficLight } from '../released-figures';

export type ReportInput = {
  /** The period the report is about. */
  period: SnapshotPeriod;
  /** Earlier periods for the trend, oldest first; the report's own period included. */
  periods: SnapshotPeriod[];
  catalogue: CatalogueEntry[];
  /** Released figures of every period in `periods`; hidden figures arrive with value null. */
  figures: ReleasedFigure[];
  locale: Locale;
  generatedAt: Date;
};

export type ReportRow = {
  unitCode: string | null;
  unitName: string | null;
  value: number | null;
  people: number | null;
  target: number | null;
  light: TrafficLight | null;
};

export type ReportIndicator = {
  entry: CatalogueEntry;
  label: string;
  government: ReportRow;
  entities: ReportRow[];
  /** Government-wide value per period of `periods`, null where hidden or missing. */
  trend: { periodKey: string; value: number | null }[];
};

export type ReportGroup = {
  kind: 'objective' | 'strategy' | 'other';
  n: number | null;
  indicators: ReportIndicator[];
};

const emptyRow: ReportRow = {
  unitCode: null,
  unitName: null,
  value: null,
  people: null,
  target: null,
  light: null,
};

const rowOf = (f: ReleasedFigure): ReportRow => ({
  unitCode: f.unitCode,
  unitName: f.unitName,
  // A hidden figure never carries its value into a file, whatever the input holds.
  value: f.hidden ? null : f.value,
  people: f.hidden ? null : f.people,
  target: f.target,
  light: f.hidden ? null : f.light,
});

export function buildReport(input: ReportInput): ReportGroup[] {
  const byIndicator = new Map<string, ReleasedFigure[]>();
  for (const figure of input.figures) {
    const list = byIndicator.get(figure.indicatorKey) ?? [];
    list.push(figure);
    byIndicator.set(figure.indicatorKey, list);
  }
  const groups = new Map<string, ReportGroup>();
  const groupOf = (entry: CatalogueEntry): ReportGroup => {
    const kind = entry.objective ? 'objective' : entry.strategy ? 'strategy' : 'other';
    const n = entry.objective ?? entry.strategy ?? null;
    const id = `${kind}${n ?? ''}`;
    let group = groups.get(id);
    if (!group) {
      group = { kind, n, indicators: [] };
      groups.set(id, group);
    }
    return group;
  };
  for (const entry of input.catalogue) {
    const figures = byIndicator.get(entry.key) ?? [];
    const ofPeriod = figures.filter((f) => f.periodKey === input.period.key);
    const government = ofPeriod.find((f) => f.unitId === null);
    const entities = ofPeriod
      .filter((f) => f.unitId !== null && f.unitKind === 'entity')
      .sort((a, b) => (a.unitName ?? '').localeCompare(b.unitName ?? '', input.locale));
    if (!government && entities.length === 0) continue;
    const trend = input.periods.map((p) => {
      const figure = figures.find((f) => f.periodKey === p.key && f.unitId === null);
      return { periodKey: p.key, value: figure && !figure.hidden ? figure.value : null };
    });
    groupOf(entry).indicators.push({
      entry,
      label: entry.label[input.locale],
      government: government ? rowOf(government) : emptyRow,
      entities: entities.map(rowOf),
      trend,
    });
  }
  const order = (g: ReportGroup) =>
    (g.kind === 'objective' ? 0 : g.kind === 'strategy' ? 10 : 20) + (g.n ?? 0);
  return [...groups.values()].sort((a, b) => order(a) - order(b));
}

/** A figure as a reader expects it: shares in per cent, means with two decimals, counts whole. */
export function formatValue(value: number | null, unit: CatalogueEntry['unit'], locale: Locale): string {
  if (value === null) return '–';
  const tag = locale === 'nl' ? 'nl-BE' : 'en-GB';
  if (unit === 'share')
    return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (unit === 'count') return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(tag, { maximumFractionDigits: unit === 'mean' ? 2 : 1 }).format(value);
}
