/**
 * Survey statistics: pure functions, no I/O.
 *
 * Everything here works on *sufficient statistics* where it can (count, sum, sum of squares,
 * histogram), so that per-unit aggregates can be precomputed once when a wave closes and added
 * up the tree; only Cronbach's alpha and the driver analysis need respondent-level rows.
 *
 * Whether a figure may be *shown* is not decided here: that is the disclosure plan's job
 * (src/server/platform/disclosure/planner.ts). These functions only compute.
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
 * Least share of a value's items a respondent must have answered to get an index for it: with
 * fewer, the "index" would be one or two statements standing in for the whole value.
 */
export const INDEX_MIN_ITEM_SHARE = 0.5;

/** How many of a value's `items` items a respondent must answer (at least one). */
export function indexMinItems(items: number, share = INDEX_MIN_ITEM_SHARE): number {
  return Math.max(1, Math.ceil(items * share - 1e-9));
}

/**
 * A respondent's value index: the mean of their answered items of the value, each on 0–100.
 * Null when they answered fewer than {@link indexMinItems} of them.
 */
export function respondentIndex(
  answers: Array<number | null | undefined>,
  scales: ScaleSpec[],
  share = INDEX_MIN_ITEM_SHARE,
): number | null {
  let s = 0;
  let c = 0;
  answers.forEach((x, i) => {
    const scale = scales[i]!;
    if (x === null || x === undefined || x < scale.min || x > scale.max) return;
    s += toPercentScale(x, scale);
    c++;
  });
  return c === 0 || c < indexMinItems(answers.length, share) ? null : s / c;
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

/** Cronbach's alpha with the number of respondents it used. */
export interface Alpha {
  alpha: number;
  /** Respondents who answered every item (listwise). */
  n: number;
  items: number;
}

/**
 * Cronbach's alpha of a set of items, from respondents who answered all of them
 * (listwise). `rows[r][i]` is respondent r's answer to item i. Null when fewer than two items or
 * two complete respondents, or when the total has no variance.
 */
export function cronbachAlphaWithN(rows: Array<Array<number | null | undefined>>): Alpha | null {
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
  return {
    alpha: (k / (k - 1)) * (1 - itemVar.reduce((a, b) => a + b, 0) / vt),
    n: complete.length,
    items: k,
  };
}

export function cronbachAlpha(rows: Array<Array<number | null | undefined>>): number | null {
  return cronbachAlphaWithN(rows)?.alpha ?? null;
}

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

// ---------------------------------------------------------------------------------------------
// Special functions (enough for p-values and t quantiles; checked against published tables in
// stats.test.ts).

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const TINY = 1e-300;

/** Continued fraction of the regularised incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Upper regularised incomplete gamma function Q(a, x). */
export function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 1000; n++) {
      ap++;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * front;
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return front * h;
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|). */
export function normalTwoSided(z: number): number {
  return upperGamma(0.5, (z * z) / 2);
}

/** Two-sided p-value of Student's t with `df` (possibly fractional) degrees of freedom. */
export function tTwoSided(t: number, df: number): number {
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The t quantile with upper tail `alpha/2`, i.e. the two-sided critical value (bisection). */
export function tCritical(df: number, alpha = 0.05): number {
  let lo = 0;
  let hi = 1;
  while (tTwoSided(hi, df) > alpha) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tTwoSided(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ---------------------------------------------------------------------------------------------
// Differences between two waves

export interface DifferenceCI {
  difference: number;
  low: number;
  high: number;
  /** Two-sided p-value of "no difference", consistent with the interval (p < 0.05 ⇔ 0 outside it). */
  p: number;
}

/**
 * Difference of means (current − previous): Welch's t interval with Welch–Satterthwaite degrees
 * of freedom. Null below two answers in a group, or when neither group varies (no error estimate).
 */
export function meanDifferenceCI(current: ScoreMoments, previous: ScoreMoments): DifferenceCI | null {
  const m1 = mean(current);
  const m0 = mean(previous);
  const v1 = variance(current);
  const v0 = variance(previous);
  if (m1 === null || m0 === null || v1 === null || v0 === null) return null;
  const a = v1 / current.n;
  const b = v0 / previous.n;
  const se2 = a + b;
  if (!(se2 > 0)) return null;
  const df = (se2 * se2) / ((a * a) / (current.n - 1) + (b * b) / (previous.n - 1));
  const se = Math.sqrt(se2);
  const t = tCritical(df);
  const d = m1 - m0;
  return { difference: d, low: d - t * se, high: d + t * se, p: tTwoSided(d / se, df) };
}

/** Wilson score interval of a proportion x/n at normal quantile z. */
export function wilsonInterval(x: number, n: number, z = Z95): { low: number; high: number } {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function newcombeAt(
  current: { n: number; x: number },
  previous: { n: number; x: number },
  z: number,
): { low: number; high: number } {
  const p1 = current.x / current.n;
  const p0 = previous.x / previous.n;
  const w1 = wilsonInterval(current.x, current.n, z);
  const w0 = wilsonInterval(previous.x, previous.n, z);
  const d = p1 - p0;
  return {
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w0.high - p0) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p0 - w0.low) ** 2),
  };
}

/**
 * Difference of proportions (current − previous): Newcombe's hybrid score interval (1998, method
 * 10), built from the two Wilson intervals. It stays within [−1, 1] and has no zero width. The
 * p-value is the interval inverted: the level at which its nearer end touches zero.
 */
export function proportionDifferenceCI(
  current: { n: number; x: number },
  previous: { n: number; x: number },
): DifferenceCI | null {
  if (current.n === 0 || previous.n === 0) return null;
  const d = current.x / current.n - previous.x / previous.n;
  const { low, high } = newcombeAt(current, previous, Z95);
  let p = 1;
  if (d !== 0) {
    // The end nearer zero moves towards it monotonically as z grows; find where it crosses.
    const end = (z: number) => {
      const ci = newcombeAt(current, previous, z);
      return d > 0 ? ci.low : -ci.high;
    };
    let lo = 0;
    let hi = 1;
    while (end(hi) > 0 && hi < 64) hi *= 2;
    for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
      const mid = (lo + hi) / 2;
      if (end(mid) > 0) lo = mid;
      else hi = mid;
    }
    p = normalTwoSided((lo + hi) / 2);
  }
  return { difference: d, low: Math.max(-1, low), high: Math.min(1, high), p };
}

/**
 * Benjamini–Hochberg adjusted p-values (as R's `p.adjust(method = "BH")`): q_(i) =
 * min_{j ≥ i} min(1, m·p_(j)/j), in the input order. A comparison is a discovery at false discovery
 * rate α when q ≤ α.
 */
export function benjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p);
  const q = new Array<number>(m);
  let running = 1;
  order.forEach(({ p, i }, r) => {
    const rank = m - r;
    running = Math.min(running, (m / rank) * p);
    q[i] = Math.min(1, running);
  });
  return q;
}

/** False discovery rate of the significance marks of one page or export. */
export const MARK_FDR = 0.05;

/** Default minimum respondents in each of the two groups before a change can be marked. */
export const DEFAULT_MARK_MIN_N = 10;

/**
 * Least respondents (with an outcome) per predictor for a driver analysis, and the floor below
 * which none is shown whatever the number of predictors. Relative weights rest on a correlation
 * matrix of p + 1 variables; with ten respondents per predictor its ranking is reasonably stable.
 */
export const DRIVER_MIN_PER_PREDICTOR = 10;
export const DRIVER_MIN_N = 50;

/** The minimum n of a driver analysis with `predictors` predictors. */
export function driverMinN(predictors: number): number {
  return Math.max(DRIVER_MIN_N, DRIVER_MIN_PER_PREDICTOR * predictors);
}

export interface Driver {
  index: number;
  /** Pearson correlation of the item with the outcome (pairwise complete). */
  correlation: number | null;
  /**
   * Johnson's relative weight: the item's share of the explained variance R², 0..1 (the weights
   * sum to 1). Null when the item was left out (too few pairs, or no variance).
   */
  weight: number | null;
  /** Respondents who answered this item and the outcome. */
  n: number;
}

export interface DriverResult {
  drivers: Driver[];
  /** R² of the outcome on all predictors (from the pairwise correlation matrix). */
  r2: number;
  /** Respondents with an outcome score. */
  n: number;
  /** The smallest pairwise n among all correlations used. */
  nMin: number;
  /** The minimum n this analysis needed. */
  minN: number;
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

/** Eigen-decomposition of a symmetric matrix (cyclic Jacobi): values and column eigenvectors. */
export function symmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i]![j]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k]![p]!;
          const akq = m[k]![q]!;
          m[k]![p] = c * akp - s * akq;
          m[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p]![k]!;
          const aqk = m[q]![k]!;
          m[p]![k] = c * apk - s * aqk;
          m[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]!), vectors: v };
}

/**
 * Johnson's (2000) relative weights from a predictor correlation matrix `rxx` and the predictors'
 * correlations with the outcome `rxy`. The predictors are replaced by their closest orthogonal
 * counterparts Z (Λ = Rxx^½ holds the correlations of X with Z), the outcome is regressed on Z
 * (β = Λ⁻¹ rxy), and each predictor gets ε_j = Σ_k Λ_jk² β_k²; the ε sum to R². A pairwise
 * matrix need not be positive definite: eigenvalues are floored at a small positive value.
 */
export function relativeWeights(rxx: number[][], rxy: number[]): { weights: number[]; r2: number } {
  const p = rxy.length;
  const { values, vectors } = symmetricEigen(rxx);
  const floor = 1e-6 * Math.max(1, ...values);
  const root = values.map((l) => Math.sqrt(Math.max(l, floor)));
  // Λ = V diag(√λ) Vᵀ and Λ⁻¹ = V diag(1/√λ) Vᵀ.
  const lambda = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => {
      let s = 0;
      for (let k = 0; k < p; k++) s += vectors[i]![k]! * root[k]! * vectors[j]![k]!;
      return s;
    }),
  );
  const beta = Array.from({ length: p }, (_, i) => {
    let s = 0;
    for (let j = 0; j < p; j++) {
      let inv = 0;
      for (let k = 0; k < p; k++) inv += (vectors[i]![k]! * vectors[j]![k]!) / root[k]!;
      s += inv * rxy[j]!;
    }
    return s;
  });
  const weights = Array.from({ length: p }, (_, j) => {
    let e = 0;
    for (let k = 0; k < p; k++) e += lambda[j]![k]! ** 2 * beta[k]! ** 2;
    return e;
  });
  return { weights, r2: weights.reduce((a, b) => a + b, 0) };
}

/**
 * Driver analysis: which items go together with the outcome most. Every correlation is computed
 * on the respondents who answered both variables (pairwise), so skipped items cost only their own
 * pairs instead of whole respondents; the items are ranked on one scale, their relative weight
 * (Johnson 2000) as a share of R². Null below `minN` respondents with an outcome (default
 * {@link driverMinN}); every correlation used rests on at least {@link DRIVER_MIN_N} pairs. `rows[r][i]` are respondent r's item answers, `outcome[r]` their
 * outcome score (null = none).
 */
export function driverAnalysis(
  rows: Array<Array<number | null | undefined>>,
  outcome: Array<number | null | undefined>,
  minN = driverMinN(rows[0]?.length ?? 0),
): DriverResult | null {
  const withOutcome = rows
    .map((r, i) => ({ r, y: outcome[i] }))
    .filter((x): x is { r: Array<number | null | undefined>; y: number } => typeof x.y === 'number');
  if (withOutcome.length < minN) return null;
  const p = rows[0]?.length ?? 0;
  if (p === 0) return null;
  const pair = (get: (row: { r: Array<number | null | undefined>; y: number }) => [unknown, unknown]) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const row of withOutcome) {
      const [a, b] = get(row);
      if (typeof a === 'number' && typeof b === 'number') {
        xs.push(a);
        ys.push(b);
      }
    }
    return { r: pearson(xs, ys), n: xs.length };
  };
  const withY = Array.from({ length: p }, (_, i) => pair(({ r, y }) => [r[i], y]));
  // An item enters the model when its correlation with the outcome exists and rests on at least
  // DRIVER_MIN_N pairs; then, while some item–item correlation rests on fewer, the least answered
  // item of that pair leaves. Items left out are listed without a weight.
  let idx = withY.flatMap((c, i) => (c.r !== null && c.n >= DRIVER_MIN_N ? [i] : []));
  const between = new Map<string, { r: number | null; n: number }>();
  const corr = (i: number, j: number) => {
    const key = `${i}:${j}`;
    let c = between.get(key);
    if (!c) {
      c = pair(({ r }) => [r[i], r[j]]);
      between.set(key, c);
    }
    return c;
  };
  for (;;) {
    let weakest: [number, number] | null = null;
    for (let a = 0; a < idx.length && !weakest; a++)
      for (let b = a + 1; b < idx.length && !weakest; b++)
        if (corr(idx[a]!, idx[b]!).n < DRIVER_MIN_N) weakest = [idx[a]!, idx[b]!];
    if (!weakest) break;
    const [i, j] = weakest;
    const drop = withY[i]!.n <= withY[j]!.n ? i : j;
    idx = idx.filter((x) => x !== drop);
  }
  if (idx.length === 0) return null;
  const rxx = idx.map((i) => idx.map((j) => (i === j ? 1 : (corr(Math.min(i, j), Math.max(i, j)).r ?? 0))));
  let nMin = Math.min(...idx.map((i) => withY[i]!.n));
  for (let a = 0; a < idx.length; a++)
    for (let b = a + 1; b < idx.length; b++) nMin = Math.min(nMin, corr(idx[a]!, idx[b]!).n);
  const { weights, r2 } = relativeWeights(
    rxx,
    idx.map((i) => withY[i]!.r!),
  );
  const weightOf = new Map(idx.map((i, j) => [i, r2 > 0 ? weights[j]! / r2 : 0]));
  return {
    drivers: withY.map((c, index) => ({
      index,
      correlation: c.r,
      weight: weightOf.get(index) ?? null,
      n: c.n,
    })),
    r2,
    n: withOutcome.length,
    nMin,
    minN,
  };
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
