import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client';
import {
  createFixtureWave,
  createScenario,
  standardLikeItems,
} from '../src/server/modules/survey/results/results.fixture';
import * as repo from '../src/server/modules/survey/results/results.repo';
import { buildAccount, type Session, signIn, useTestContext } from './support/test-app';
import { describeEachEngine } from './support/test-db';

/**
 * A reference recomputation: the government report and its drivers of a fixed small seed,
 * recomputed here from the raw responses with textbook formulas written out independently of
 * stats.ts (the t distribution by numerical integration of its density, Newcombe's interval
 * from the Wilson formula, BH from its definition, relative weights through a Denman–Beavers
 * square root instead of an eigendecomposition), compared with what the API returns.
 */

// --- independent formulas -------------------------------------------------------------------

/** ln Γ(x) by the Stirling series after shifting x above 10. */
function lnGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const x2 = x * x;
  const series = 1 / (12 * x) - 1 / (360 * x * x2) + 1 / (1260 * x2 * x2 * x) - 1 / (1680 * x2 * x2 * x2 * x);
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/** Two-sided tail of Student's t by Simpson's rule on the density over [0, |t|]. */
function tTwoSided(t: number, df: number): number {
  const c = Math.exp(lnGamma((df + 1) / 2) - lnGamma(df / 2)) / Math.sqrt(df * Math.PI);
  const f = (x: number) => c * (1 + (x * x) / df) ** (-(df + 1) / 2);
  const a = Math.abs(t);
  const steps = 4000;
  const h = a / steps;
  let s = f(0) + f(a);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return Math.max(0, 1 - 2 * ((s * h) / 3));
}

function tQuantile975(df: number): number {
  let lo = 0;
  let hi = 20;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (tTwoSided(mid, df) > 0.05) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function welch(a: number[], b: number[]) {
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const v = (x: number[]) => {
    const m = mean(x);
    return x.reduce((s, y) => s + (y - m) ** 2, 0) / (x.length - 1);
  };
  const sa = v(a) / a.length;
  const sb = v(b) / b.length;
  const df = (sa + sb) ** 2 / (sa ** 2 / (a.length - 1) + sb ** 2 / (b.length - 1));
  const d = mean(a) - mean(b);
  const se = Math.sqrt(sa + sb);
  const t = tQuantile975(df);
  return { d, low: d - t * se, high: d + t * se, p: tTwoSided(d / se, df) };
}

/** Normal two-sided tail by Simpson on the density. */
function normalTwoSided(z: number): number {
  const f = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const a = Math.abs(z);
  const steps = 4000;
  const h = a / steps;
  let s = f(0) + f(a);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return Math.max(0, 1 - 2 * ((s * h) / 3));
}

function wilson(x: number, n: number, z: number) {
  const p = x / n;
  const denom = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const root = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { l: (centre - root) / denom, u: (centre + root) / denom };
}

function newcombe(x1: number, n1: number, x0: number, n0: number, z = 1.959963984540054) {
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const w1 = wilson(x1, n1, z);
  const w0 = wilson(x0, n0, z);
  const d = p1 - p0;
  return {
    d,
    low: d - Math.sqrt((p1 - w1.l) ** 2 + (w0.u - p0) ** 2),
    high: d + Math.sqrt((w1.u - p1) ** 2 + (p0 - w0.l) ** 2),
  };
}

/** p of the Newcombe interval: the z at which its end nearer zero reaches zero. */
function newcombeP(x1: number, n1: number, x0: number, n0: number): number {
  const d = x1 / n1 - x0 / n0;
  if (d === 0) return 1;
  const end = (z: number) => {
    const ci = newcombe(x1, n1, x0, n0, z);
    return d > 0 ? ci.low : -ci.high;
  };
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (end(mid) > 0) lo = mid;
    else hi = mid;
  }
  return normalTwoSided((lo + hi) / 2);
}

function bh(ps: number[]): number[] {
  const m = ps.length;
  return ps.map((_, i) => {
    // q_i = min over every p_j ≥ p_i of m·p_j / rank(p_j)
    const sorted = [...ps].sort((a, b) => a - b);
    let q = 1;
    sorted.forEach((pj, r) => {
      if (pj >= ps[i]!) q = Math.min(q, (m * pj) / (r + 1));
    });
    return q;
  });
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

type M = number[][];
const matMul = (a: M, b: M): M =>
  a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
function inverse(a: M): M {
  const n = a.length;
  const m = a.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const d = m[c]![c]!;
    for (let j = 0; j < 2 * n; j++) m[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      for (let j = 0; j < 2 * n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((r) => r.slice(n));
}

/** Principal square root by the Denman–Beavers iteration. */
function sqrtm(a: M): M {
  let y = a.map((r) => [...r]);
  let z: M = a.map((r, i) => r.map((_, j) => (i === j ? 1 : 0)));
  for (let it = 0; it < 60; it++) {
    const yi = inverse(y);
    const zi = inverse(z);
    y = y.map((r, i) => r.map((v, j) => (v + zi[i]![j]!) / 2));
    z = z.map((r, i) => r.map((v, j) => (v + yi[i]![j]!) / 2));
  }
  return y;
}

function relativeWeights(rxx: M, rxy: number[]): number[] {
  const lambda = sqrtm(rxx);
  const beta = matMul(
    inverse(lambda),
    rxy.map((r) => [r]),
  ).map((r) => r[0]!);
  const raw = lambda.map((row) => row.reduce((s, l, k) => s + l * l * beta[k]! ** 2, 0));
  const r2 = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / r2);
}

// --- the fixture --------------------------------------------------------------------------------

interface Rows {
  items: repo.WaveItemRow[];
  scores: Array<Array<number | null>>;
}

async function rowsOf(db: Db, waveId: number): Promise<Rows> {
  const items = await repo.loadWaveItems(db, waveId);
  const responses = await repo.loadResponses(db, waveId);
  const slots = Math.max(...items.map((i) => i.slot ?? 0));
  const scores = responses.map((r) => {
    const parts = r.s.split(',');
    return Array.from({ length: slots }, (_, i) => (parts[i] ? Number(parts[i]) : null));
  });
  return { items, scores };
}

const scaleOf = (kind: string) =>
  kind === 'scale10' ? { min: 0, max: 10, fav: 9 } : { min: 1, max: 5, fav: 4 };

function answersOf(rows: Rows, itemKey: string): number[] {
  const it = rows.items.find((i) => i.itemKey === itemKey)!;
  return rows.scores.flatMap((s) => (s[it.slot! - 1] === null ? [] : [s[it.slot! - 1]!]));
}

/** Per person the mean of their answered items on 0–100, when they answered at least half. */
function indexOf(rows: Rows, items: repo.WaveItemRow[]): Array<number | null> {
  return rows.scores.map((s) => {
    const xs = items.flatMap((it) => {
      const x = s[it.slot! - 1];
      if (x === null || x === undefined) return [];
      const sc = scaleOf(it.kind);
      return [((x - sc.min) / (sc.max - sc.min)) * 100];
    });
    return xs.length >= Math.ceil(items.length / 2) && xs.length > 0
      ? xs.reduce((a, b) => a + b, 0) / xs.length
      : null;
  });
}

describeEachEngine('survey results against an independent recomputation', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Session;
  let waveId: number;
  let previousId: number;
  let rootId: number;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const sc = await createScenario(db, 'REF', { closesOn: '2026-06-30', seed: 11 });
    const i = sc.ids;
    const prev = await createFixtureWave(db, {
      title: 'REF vorige',
      closesOn: '2024-06-30',
      seed: 5,
      items: standardLikeItems(2, [{ key: 'skipped', kind: 'agree5', valueKey: 'openheid', skip: 0.2 }]),
      units: [
        { id: i.D.id, parentId: null, nameNl: 'D', respondents: 40 },
        { id: i.E1.id, parentId: i.D.id, nameNl: 'E1', respondents: 30 },
        { id: i.E2.id, parentId: i.D.id, nameNl: 'E2', respondents: 25 },
      ],
    });
    waveId = sc.waveId;
    previousId = prev.waveId;
    rootId = i.D.id;
    await buildAccount(ctx.current, { email: 'ref-admin@x.test', roles: [{ role: 'programme_admin' }] });
    admin = await signIn(ctx.current, 'ref-admin@x.test');
  });

  it('intervals, p-values, BH marks and relative weights equal the textbook recomputation', async () => {
    const db = ctx.current.database.db;
    const cur = await rowsOf(db, waveId);
    const old = await rowsOf(db, previousId);
    const report = (
      await admin.inject({ method: 'GET', url: `/api/survey/results/waves/${waveId}/units/${rootId}` })
    ).json();
    expect(report.previousWave.id).toBe(previousId);
    const minN = report.methods.comparisons.minN;
    const family: Array<{ p: number; trend: { q: number | null; significant: boolean } }> = [];
    let compared = 0;

    for (const v of report.values) {
      if (!v.trend) continue;
      const a = indexOf(
        cur,
        cur.items.filter((i) => i.valueKey === v.key && i.kind !== 'text'),
      ).filter((x): x is number => x !== null);
      const b = indexOf(
        old,
        old.items.filter((i) => i.valueKey === v.key && i.kind !== 'text'),
      ).filter((x): x is number => x !== null);
      expect(v.n).toBe(a.length);
      const w = welch(a, b);
      expect(v.trend.difference).toBeCloseTo(w.d, 9);
      expect(v.trend.low).toBeCloseTo(w.low, 6);
      expect(v.trend.high).toBeCloseTo(w.high, 6);
      expect(v.trend.p).toBeCloseTo(w.p, 6);
      if (a.length >= minN && b.length >= minN) family.push({ p: w.p, trend: v.trend });
      compared++;
    }
    for (const it of report.items) {
      if (!it.trend?.mean) continue;
      const a = answersOf(cur, it.itemKey);
      const b = answersOf(old, it.itemKey);
      const w = welch(a, b);
      expect(it.trend.mean.low).toBeCloseTo(w.low, 6);
      expect(it.trend.mean.high).toBeCloseTo(w.high, 6);
      expect(it.trend.mean.p).toBeCloseTo(w.p, 6);
      const fav = scaleOf(it.kind).fav;
      const x1 = a.filter((x) => x >= fav).length;
      const x0 = b.filter((x) => x >= fav).length;
      const nc = newcombe(x1, a.length, x0, b.length);
      expect(it.trend.favourable.low).toBeCloseTo(Math.max(-1, nc.low), 9);
      expect(it.trend.favourable.high).toBeCloseTo(Math.min(1, nc.high), 9);
      const p = newcombeP(x1, a.length, x0, b.length);
      expect(it.trend.favourable.p).toBeCloseTo(p, 6);
      if (a.length >= minN && b.length >= minN) {
        family.push({ p: w.p, trend: it.trend.mean });
        family.push({ p, trend: it.trend.favourable });
      }
      compared += 2;
    }
    expect(compared).toBeGreaterThan(10);
    expect(report.methods.comparisons.tested).toBe(family.length);
    const q = bh(family.map((f) => f.p));
    family.forEach((f, i) => {
      expect(f.trend.q).toBeCloseTo(q[i]!, 6);
      expect(f.trend.significant).toBe(q[i]! <= 0.05);
    });

    // Drivers: pairwise correlations on people with an engagement score, relative weights.
    const d = (
      await admin.inject({
        method: 'GET',
        url: `/api/survey/results/waves/${waveId}/units/${rootId}/drivers`,
      })
    ).json();
    expect(d.available).toBe(true);
    const y = indexOf(
      cur,
      cur.items.filter((i) => i.outcome),
    );
    const predictors = cur.items.filter((i) => !i.outcome && (i.kind === 'agree5' || i.kind === 'scale10'));
    const col = (it: repo.WaveItemRow) => cur.scores.map((s) => s[it.slot! - 1] ?? null);
    const pair = (a: Array<number | null>, b: Array<number | null>) => {
      const xs: number[] = [];
      const ys: number[] = [];
      a.forEach((v, i) => {
        if (v !== null && b[i] !== null && y[i] !== null) {
          xs.push(v);
          ys.push(b[i]!);
        }
      });
      return pearson(xs, ys);
    };
    expect(d.n).toBe(y.filter((v) => v !== null).length);
    const used = predictors.filter(
      (it) => d.drivers.find((x: { itemKey: string }) => x.itemKey === it.itemKey)?.weight !== null,
    );
    expect(used.length).toBe(predictors.length);
    const rxx = used.map((a) => used.map((b) => (a === b ? 1 : pair(col(a), col(b)))));
    const rxy = used.map((a) => pair(col(a), y));
    const weights = relativeWeights(rxx, rxy);
    used.forEach((it, j) => {
      const got = d.drivers.find((x: { itemKey: string }) => x.itemKey === it.itemKey);
      expect(got.correlation).toBeCloseTo(rxy[j]!, 9);
      expect(got.weight).toBeCloseTo(weights[j]!, 6);
    });
  });
});
