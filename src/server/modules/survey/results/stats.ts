/**
 * Survey statistics (issue 3, deliverable 5): pure functions, no I/O.
 *
 * Everything here works on *sufficient statistics* where it can (count, sum, sum of squares,
 * histogram), so that per-unit aggregates can be precomputed once when a wave closes and added
 * up the tree; only Cronbach's alpha and the driver analysis need respondent-level rows.
 *
 * Whether a figure may be *shown* is not decided here: that is the disclosure plan's job
 * (../anonymity/suppression.ts). These functions only compute.
 */
import { randomInt } from 'node:crypto';

/** Scale kinds that produce numbers. */
export type ScaleKind = 'agree5' | 'scale10';

export interface ScaleSpec {
  kind: ScaleKind;
  min: number;
  max: number;
  /** Lowest value counted as favourable ("top two"). */
  favourableFrom: number;
}

export const SCALES: Record<ScaleKind, ScaleSpec> = {
  agree5: { kind: 'agree5', min: 1, max: 5, favourableFrom: 4 },
  scale10: { kind: 'scale10', min: 0, max: 10, favourableFrom: 9 },
};

/** Sufficient statistics of one item in one group. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
  favourable: number;
  /** Counts per scale value, index 0 = scale.min. */
  hist: number[];
}

export function emptyMoments(scale: ScaleSpec): Moments {
  return { n: 0, sum: 0, sumSq: 0, favourable: 0, hist: new Array(scale.max - scale.min + 1).fill(0) };
}

export function addValue(m: Moments, scale: ScaleSpec, x: number): void {
  if (!Number.isInteger(x) || x < scale.min || x > scale.max) return;
  m.n++;
  m.sum += x;
  m.sumSq += x * x;
  if (x >= scale.favourableFrom) m.favourable++;
  m.hist[x - scale.min]!++;
}

/** a += b, in place. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  a.n += b.n;
  a.sum += b.sum;
  a.sumSq += b.sumSq;
  a.favourable += b.favourable;
  for (let i = 0; i < a.hist.length; i++) a.hist[i]! += b.hist[i] ?? 0;
  return a;
}

export function momentsOf(values: Array<number | null | undefined>, scale: ScaleSpec): Moments {
  const m = emptyMoments(scale);
  for (const v of values) if (v !== null && v !== undefined) addValue(m, scale, v);
  return m;
}

export function mean(m: { n: number; sum: number }): number | null {
  return m.n === 0 ? null : m.sum / m.n;
}

/** Sample variance (n − 1), null below two observations. */
export function variance(m: { n: number; sum: number; sumSq: number }): number | null {
  if (m.n < 2) return null;
  const v = (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1);
  return Math.max(v, 0);
}

export function sd(m: { n: number; sum: number; sumSq: number }): number | null {
  const v = variance(m);
  return v === null ? null : Math.sqrt(v);
}

/** Share of favourable answers ("top two"), 0..1. */
export function favourableShare(m: Moments): number | null {
  return m.n === 0 ? null : m.favourable / m.n;
}

/** Distribution as shares per scale value, 0..1. */
export function distribution(m: Moments): number[] {
  return m.hist.map((c) => (m.n === 0 ? 0 : c / m.n));
}

/** A scale value mapped to 0–100 (the common unit of value indexes). */
export function toPercentScale(x: number, scale: ScaleSpec): number {
  return ((x - scale.min) / (scale.max - scale.min)) * 100;
}

/**
 * A respondent's value index: the mean of their answered items of the value, each on 0–100.
 * Null when they answered none of them.
 */
export function respondentIndex(
  answers: Array<number | null | undefined>,
  scales: ScaleSpec[],
): number | null {
  let s = 0;
  let c = 0;
  answers.forEach((x, i) => {
    const scale = scales[i]!;
    if (x === null || x === undefined || x < scale.min || x > scale.max) return;
    s += toPercentScale(x, scale);
    c++;
  });
  return c === 0 ? null : s / c;
}

/** Sufficient statistics of a continuous score (value index 0–100). */
export interface ScoreMoments {
  n: number;
  sum: number;
  sumSq: number;
}

export function emptyScore(): ScoreMoments {
  return { n: 0, sum: 0, sumSq: 0 };
}

export function addScore(m: ScoreMoments, x: number): void {
  m.n++;
  m.sum += x;
  m.sumSq += x * x;
}

export function mergeScore(a: ScoreMoments, b: ScoreMoments): ScoreMoments {
  a.n += b.n;
  a.sum += b.sum;
  a.sumSq += b.sumSq;
  return a;
}

/**
 * Cronbach's alpha of a set of items, from respondents who answered all of them
 * (listwise). `rows[r][i]` is respondent r's answer to item i. Null when fewer than two items or
 * two complete respondents, or when the total has no variance.
 */
export function cronbachAlpha(rows: Array<Array<number | null | undefined>>): number | null {
  const complete = rows.filter((r) => r.every((x) => x !== null && x !== undefined)) as number[][];
  const k = complete[0]?.length ?? 0;
  if (k < 2 || complete.length < 2) return null;
  const itemVar = new Array(k).fill(0).map((_, i) => {
    const m = emptyScore();
    for (const r of complete) addScore(m, r[i]!);
    return variance(m) ?? 0;
  });
  const total = emptyScore();
  for (const r of complete)
    addScore(
      total,
      r.reduce((a, b) => a + b, 0),
    );
  const vt = variance(total) ?? 0;
  if (vt === 0) return null;
  return (k / (k - 1)) * (1 - itemVar.reduce((a, b) => a + b, 0) / vt);
}

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export interface DifferenceCI {
  difference: number;
  low: number;
  high: number;
  /** True when the 95% interval excludes zero. */
  significant: boolean;
}

/** Difference of means (current − previous) with a Welch-type 95% interval. */
export function meanDifferenceCI(current: ScoreMoments, previous: ScoreMoments): DifferenceCI | null {
  const m1 = mean(current);
  const m0 = mean(previous);
  const v1 = variance(current);
  const v0 = variance(previous);
  if (m1 === null || m0 === null || v1 === null || v0 === null) return null;
  const se = Math.sqrt(v1 / current.n + v0 / previous.n);
  const d = m1 - m0;
  const low = d - Z95 * se;
  const high = d + Z95 * se;
  return { difference: d, low, high, significant: low > 0 || high < 0 };
}

/** Difference of proportions (current − previous), Wald 95% interval. */
export function proportionDifferenceCI(
  current: { n: number; x: number },
  previous: { n: number; x: number },
): DifferenceCI | null {
  if (current.n === 0 || previous.n === 0) return null;
  const p1 = current.x / current.n;
  const p0 = previous.x / previous.n;
  const se = Math.sqrt((p1 * (1 - p1)) / current.n + (p0 * (1 - p0)) / previous.n);
  const d = p1 - p0;
  const low = d - Z95 * se;
  const high = d + Z95 * se;
  return { difference: d, low, high, significant: low > 0 || high < 0 };
}

/** Minimum group size for a driver analysis. */
export const DRIVER_MIN_N = 30;

export interface Driver {
  index: number;
  /** Pearson correlation of the item with the outcome (pairwise complete). */
  correlation: number | null;
  /** Standardised regression coefficient (listwise complete rows), null if not estimable. */
  beta: number | null;
}

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    cxy += dx * dy;
    cxx += dx * dx;
    cyy += dy * dy;
  }
  if (cxx === 0 || cyy === 0) return null;
  return cxy / Math.sqrt(cxx * cyy);
}

/** Solve A x = b (A square) by Gaussian elimination with partial pivoting; null if singular. */
export function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-10) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      if (f === 0) continue;
      for (let j = c; j <= n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Driver analysis: which items move the outcome most. For each item, the correlation with the
 * outcome and the standardised coefficient of a joint linear regression (on z-scores, so the
 * coefficients are comparable across items). Returns null below {@link DRIVER_MIN_N} rows.
 * `rows[r][i]` are respondent r's item answers, `outcome[r]` their outcome score (null = none).
 */
export function driverAnalysis(
  rows: Array<Array<number | null | undefined>>,
  outcome: Array<number | null | undefined>,
  minN = DRIVER_MIN_N,
): Driver[] | null {
  const withOutcome = rows
    .map((r, i) => ({ r, y: outcome[i] }))
    .filter((x): x is { r: Array<number | null | undefined>; y: number } => typeof x.y === 'number');
  if (withOutcome.length < minN) return null;
  const p = rows[0]?.length ?? 0;
  const correlations = new Array(p).fill(0).map((_, i) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const { r, y } of withOutcome) {
      const x = r[i];
      if (typeof x === 'number') {
        xs.push(x);
        ys.push(y);
      }
    }
    return xs.length >= minN ? pearson(xs, ys) : null;
  });

  // Standardised regression on the listwise-complete rows: beta = Rxx⁻¹ rxy.
  const complete = withOutcome.filter(({ r }) => r.every((x) => typeof x === 'number')) as Array<{
    r: number[];
    y: number;
  }>;
  let betas: Array<number | null> = new Array(p).fill(null);
  if (complete.length >= Math.max(minN, p + 2)) {
    const cols = new Array(p).fill(0).map((_, i) => complete.map(({ r }) => r[i]!));
    const ys = complete.map(({ y }) => y);
    const usable = cols.map((c) => pearson(c, ys) !== null);
    const idx = usable.flatMap((u, i) => (u ? [i] : []));
    const rxx = idx.map((i) => idx.map((j) => (i === j ? 1 : (pearson(cols[i]!, cols[j]!) ?? 0))));
    const rxy = idx.map((i) => pearson(cols[i]!, ys) ?? 0);
    // A tiny ridge keeps near-collinear item sets solvable without changing the ranking much.
    for (let i = 0; i < rxx.length; i++) rxx[i]![i]! += 1e-6;
    const beta = solve(rxx, rxy);
    if (beta) {
      betas = new Array(p).fill(null);
      idx.forEach((i, j) => {
        betas[i] = beta[j]!;
      });
    }
  }
  return correlations.map((correlation, index) => ({ index, correlation, beta: betas[index] ?? null }));
}

/** Minimum group size for showing comments. */
export const COMMENTS_MIN_N = 10;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/**
 * Phone numbers: international (+32 / 0032 and others) and Belgian national formats
 * (02 123 45 67, 09/123.45.67, 0470 12 34 56, 0470/12.34.56, 0800-12-345). A run of digits with
 * separators (space, dot, slash, dash, parentheses) holding 8 or more digits.
 */
const PHONE = /(?:\+|\b00)?\(?\d(?:[\s./()-]*\d){7,}/g;

export const MASK_EMAIL = '[e-mail]';
export const MASK_PHONE = '[telefoon]';

/** Mask e-mail addresses and phone numbers in a comment. */
export function maskComment(text: string): string {
  return text.replace(EMAIL, MASK_EMAIL).replace(PHONE, (m) => {
    const digits = m.replace(/\D/g, '');
    return digits.length >= 8 ? MASK_PHONE : m;
  });
}

/** Fisher–Yates shuffle with a cryptographic source (a fresh order on every read). */
export function shuffle<T>(items: readonly T[], rand: (max: number) => number = randomInt): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
