import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  COMMENTS_MIN_N,
  cronbachAlpha,
  cronbachAlphaWithN,
  DRIVER_MIN_N,
  distribution,
  driverAnalysis,
  driverMinN,
  favourableShare,
  indexMinItems,
  MARK_FDR,
  MASK_EMAIL,
  MASK_PHONE,
  maskComment,
  mean,
  meanDifferenceCI,
  mergeMoments,
  momentsOf,
  normalTwoSided,
  proportionDifferenceCI,
  relativeWeights,
  respondentIndex,
  SCALES,
  sd,
  shuffle,
  tCritical,
  tTwoSided,
  Z95,
} from './stats';

const agree = SCALES.agree5;

function scoresOf(xs: number[]) {
  return { n: xs.length, sum: xs.reduce((a, b) => a + b, 0), sumSq: xs.reduce((a, b) => a + b * b, 0) };
}
const scores = scoresOf;

/** A small seeded generator (Park–Miller) so a failing property replays exactly. */
function lcg(seed: number) {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

/** Standard normal draw (Box–Muller). */
function gauss(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
}

describe('survey statistics', () => {
  it('computes n, mean, sd, favourable share (top two) and distribution', () => {
    const m = momentsOf([1, 2, 4, 5, 5, null, 3, 7 /* out of range, ignored */], agree);
    expect(m.n).toBe(6);
    expect(mean(m)).toBeCloseTo(20 / 6, 10);
    expect(sd(m)).toBeCloseTo(1.63299, 4);
    expect(favourableShare(m)).toBeCloseTo(3 / 6, 10);
    expect(distribution(m)).toEqual([1 / 6, 1 / 6, 1 / 6, 1 / 6, 2 / 6]);
    const ten = momentsOf([10, 9, 8, 0], SCALES.scale10);
    expect(favourableShare(ten)).toBe(0.5);
    expect(ten.hist).toHaveLength(11);
  });

  it('merges sufficient statistics exactly (units add up the tree)', () => {
    const a = momentsOf([1, 2, 3], agree);
    const b = momentsOf([4, 5], agree);
    const all = momentsOf([1, 2, 3, 4, 5], agree);
    expect(mergeMoments(a, b)).toEqual(all);
  });

  it('value index: mean of the answered items on 0–100', () => {
    expect(respondentIndex([5, 1, null], [agree, agree, agree])).toBe(50);
    expect(respondentIndex([5, null, null], [agree, agree, agree])).toBeNull();
    expect(respondentIndex([10, 3], [SCALES.scale10, agree])).toBe(75);
    expect(respondentIndex([null, null], [agree, agree])).toBeNull();
  });

  it("Cronbach's alpha matches a hand computation and is null when undefined", () => {
    // Three items, five respondents; alpha computed by hand (var of items 1.7,1.3,1.3; total 11.7).
    const rows = [
      [1, 2, 2],
      [2, 2, 3],
      [3, 3, 3],
      [4, 4, 3],
      [4, 5, 5],
    ];
    const items = [0, 1, 2].map((i) => rows.map((r) => r[i]!));
    const v = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
    };
    const expected =
      (3 / 2) * (1 - items.map(v).reduce((a, b) => a + b, 0) / v(rows.map((r) => r[0]! + r[1]! + r[2]!)));
    expect(cronbachAlpha(rows)).toBeCloseTo(expected, 10);
    expect(cronbachAlpha([...rows, [1, null, 2]])).toBeCloseTo(expected, 10);
    expect(cronbachAlpha([[1], [2]])).toBeNull();
    expect(
      cronbachAlpha([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
  });

  it('95% CI of a difference of means and of proportions, with a p-value that agrees with it', () => {
    const big = (mu: number) => {
      const xs = Array.from({ length: 400 }, (_, i) => mu + ((i % 5) - 2));
      return { n: xs.length, sum: xs.reduce((a, b) => a + b, 0), sumSq: xs.reduce((a, b) => a + b * b, 0) };
    };
    const up = meanDifferenceCI(big(3.5), big(3))!;
    expect(up.difference).toBeCloseTo(0.5, 10);
    expect(up.p).toBeLessThan(0.05);
    expect(up.low).toBeGreaterThan(0);
    const flat = meanDifferenceCI(big(3.02), big(3))!;
    expect(flat.p).toBeGreaterThan(0.05);
    expect(flat.low).toBeLessThan(0);
    expect(meanDifferenceCI({ n: 1, sum: 3, sumSq: 9 }, big(3))).toBeNull();
    // Nobody varies in either group: no error estimate, so no interval (not a zero-width one).
    expect(meanDifferenceCI(scores([5, 5, 5]), scores([4, 4, 4, 4]))).toBeNull();

    const p = proportionDifferenceCI({ n: 100, x: 60 }, { n: 100, x: 40 })!;
    expect(p.difference).toBeCloseTo(0.2, 10);
    expect(p.p).toBeLessThan(0.05);
    expect(proportionDifferenceCI({ n: 20, x: 11 }, { n: 20, x: 10 })!.p).toBeGreaterThan(0.05);
  });

  it('t and normal tails match published tables', () => {
    // Two-sided 5% critical values of Student's t (any printed table; R: qt(0.975, df)).
    expect(tCritical(1)).toBeCloseTo(12.7062047361747, 9);
    expect(tCritical(5)).toBeCloseTo(2.57058183563631, 9);
    expect(tCritical(30)).toBeCloseTo(2.04227245630124, 9);
    expect(tCritical(1e7)).toBeCloseTo(Z95, 5);
    // R: 2 * pt(-2.5, 7.3) and 2 * pnorm(-5).
    expect(tTwoSided(2.5, 7.3)).toBeCloseTo(0.0396502346656004, 12);
    expect(normalTwoSided(5) / 5.733031437583866e-7).toBeCloseTo(1, 9);
    expect(normalTwoSided(Z95)).toBeCloseTo(0.05, 12);
  });

  it("Welch's t interval with Welch–Satterthwaite df matches a reference implementation", () => {
    // Values from SciPy 1.17 stats.ttest_ind(x, y, equal_var=False) and its confidence_interval(0.95);
    // R's t.test(x, y) gives the same.
    const cases = [
      {
        x: [4, 5, 3, 4, 5],
        y: [3, 3, 2, 4, 3, 2],
        low: 0.25536763602799906,
        high: 2.4779656973053346,
        p: 0.02179991392841313,
      },
      {
        x: [5, 5, 4, 5, 4, 5, 5, 3],
        y: [4, 5, 5, 4, 5, 5, 4, 5, 5, 4, 5],
        low: -0.8101156263550552,
        high: 0.5373883536277818,
        p: 0.6657318410296234,
      },
    ];
    for (const c of cases) {
      const ci = meanDifferenceCI(scores(c.x), scores(c.y))!;
      expect(ci.low).toBeCloseTo(c.low, 9);
      expect(ci.high).toBeCloseTo(c.high, 9);
      expect(ci.p).toBeCloseTo(c.p, 9);
    }
    // Five against six: Welch's t is wider than 1.96 standard errors (df 8.2, t 2.29).
    const small = meanDifferenceCI(scores([4, 5, 3, 4, 5]), scores([3, 3, 2, 4, 3, 2]))!;
    const se = (small.high - small.low) / 2 / tCritical(8.22330993719985);
    expect(small.high - small.low).toBeGreaterThan(2 * Z95 * se);
  });

  it("Newcombe's hybrid score interval matches Newcombe (1998), Table II, method 10", () => {
    // Newcombe RG. Interval estimation for the difference between independent proportions:
    // comparison of eleven methods. Stat Med 1998;17:873–890, examples (a)–(h), 4 decimals.
    const table: Array<[number, number, number, number, number, number]> = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [6, 7, 2, 7, 0.0582, 0.8062],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [0, 10, 0, 10, -0.2775, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
      [10, 10, 0, 10, 0.6075, 1],
    ];
    for (const [x1, n1, x0, n0, low, high] of table) {
      const ci = proportionDifferenceCI({ x: x1, n: n1 }, { x: x0, n: n0 })!;
      expect(Math.abs(ci.low - low)).toBeLessThan(5e-5);
      expect(Math.abs(ci.high - high)).toBeLessThan(5e-5);
    }
    // Cases the Wald interval got wrong on the demo: inside [−1, 1], not zero-wide,
    // and 30/64 against 17/57 no longer excludes zero.
    const a = proportionDifferenceCI({ x: 7, n: 8 }, { x: 2, n: 11 })!;
    expect(a.high).toBeLessThanOrEqual(1);
    const b = proportionDifferenceCI({ x: 10, n: 10 }, { x: 0, n: 11 })!;
    expect(b.high - b.low).toBeGreaterThan(0.3);
    const c = proportionDifferenceCI({ x: 30, n: 64 }, { x: 17, n: 57 })!;
    expect(c.low).toBeCloseTo(-0.003198, 5);
    expect(c.high).toBeCloseTo(0.328997, 5);
    expect(c.p).toBeGreaterThan(0.05);
  });

  it("Benjamini–Hochberg adjusted p-values equal R's p.adjust(method = 'BH')", () => {
    // By hand, m = 6: sorted p 0.005, 0.01, 0.03, 0.04, 0.04, 0.2 → m·p/rank 0.03, 0.03, 0.06,
    // 0.06, 0.048, 0.2 → running minimum from the top 0.03, 0.03, 0.048, 0.048, 0.048, 0.2.
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.04])).toEqual(
      [0.03, 0.048, 0.048, 0.03, 0.2, 0.048].map((x) => expect.closeTo(x, 12)),
    );
    // Benjamini & Hochberg (1995), J R Stat Soc B 57:289–300, section 4: fifteen p-values; at
    // q* = 0.05 the procedure rejects the four smallest. Adjusted values as R and SciPy's
    // false_discovery_control give them.
    const bh1995 = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
      0.759, 1,
    ];
    const q = benjaminiHochberg(bh1995);
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765,
      0.486, 0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1,
    ];
    for (const [i, x] of q.entries()) expect(x).toBeCloseTo(expected[i]!, 12);
    expect(q.filter((x) => x <= MARK_FDR)).toHaveLength(4);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('property: a difference of shares has an interval inside [−1, 1] around it, never zero-wide', () => {
    const group = fc
      .integer({ min: 1, max: 300 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([x1, n1], [x0, n0]) => {
        const ci = proportionDifferenceCI({ x: x1, n: n1 }, { x: x0, n: n0 })!;
        expect(ci.low).toBeGreaterThanOrEqual(-1);
        expect(ci.high).toBeLessThanOrEqual(1);
        expect(ci.low).toBeLessThanOrEqual(ci.difference + 1e-12);
        expect(ci.high).toBeGreaterThanOrEqual(ci.difference - 1e-12);
        expect(ci.high - ci.low).toBeGreaterThan(0);
        expect(ci.p).toBeGreaterThanOrEqual(0);
        expect(ci.p).toBeLessThanOrEqual(1);
        // The p-value is the interval inverted: below 5% exactly when zero lies outside.
        const excludes = ci.low > 0 || ci.high < 0;
        if (Math.abs(ci.p - 0.05) > 1e-6) expect(ci.p < 0.05).toBe(excludes);
      }),
      { numRuns: 500 },
    );
  });

  it('property: simulated coverage of both intervals is near 95% for small groups', () => {
    const runs = 1500;
    const shareCoverage: number[] = [];
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 5, max: 60 }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (n1, n0, p1, p0, seed) => {
          const rnd = lcg(seed);
          let coveredShare = 0;
          let coveredMean = 0;
          let meanTrials = 0;
          for (let r = 0; r < runs; r++) {
            let x1 = 0;
            let x0 = 0;
            for (let i = 0; i < n1; i++) if (rnd() < p1) x1++;
            for (let i = 0; i < n0; i++) if (rnd() < p0) x0++;
            const ci = proportionDifferenceCI({ x: x1, n: n1 }, { x: x0, n: n0 })!;
            if (ci.low <= p1 - p0 && p1 - p0 <= ci.high) coveredShare++;
            // Normal scores with unequal spread: Welch's setting.
            const a = scoresOf(Array.from({ length: n1 }, () => 10 + 3 * gauss(rnd)));
            const b = scoresOf(Array.from({ length: n0 }, () => 10 + gauss(rnd)));
            const m = meanDifferenceCI(a, b);
            if (m) {
              meanTrials++;
              if (m.low <= 0 && 0 <= m.high) coveredMean++;
            }
          }
          // Newcombe's method 10: exact coverage (binomial enumeration, SciPy) over n 5–60 and
          // p 0.1–0.9 is 0.949 on average and 0.876 at worst (n 6 and 6, p 0.1 against 0.875);
          // 1,500 runs add a standard error of about 0.006-0.009.
          shareCoverage.push(coveredShare / runs);
          expect(coveredShare / runs).toBeGreaterThan(0.85);
          expect(coveredMean / meanTrials).toBeGreaterThan(0.93);
          expect(coveredMean / meanTrials).toBeLessThan(0.97);
        },
      ),
      // Each run is a whole simulation: report the first failure instead of shrinking it.
      { numRuns: 12, endOnFailure: true },
    );
    const average = shareCoverage.reduce((a, b) => a + b, 0) / shareCoverage.length;
    expect(average).toBeGreaterThan(0.935);
    expect(average).toBeLessThan(0.965);
  });

  it('value index needs at least half of its items answered', () => {
    expect(indexMinItems(5)).toBe(3);
    expect(indexMinItems(4)).toBe(2);
    expect(indexMinItems(1)).toBe(1);
    expect(respondentIndex([5, null, null, null], [agree, agree, agree, agree])).toBeNull();
    expect(respondentIndex([5, 1, null, null], [agree, agree, agree, agree])).toBe(50);
  });

  it("Cronbach's alpha reports the listwise n it used", () => {
    const a = cronbachAlphaWithN([
      [1, 2],
      [2, 3],
      [4, 4],
      [5, null],
    ])!;
    expect(a.n).toBe(3);
    expect(a.items).toBe(2);
  });

  it('driver analysis: relative weights on pairwise correlations, one scale, with the n it used', () => {
    // Deterministic pseudo-random data: y depends strongly on item 0, weakly on item 1, not on item 2.
    const rnd = lcg(7);
    const rows: Array<Array<number | null>> = [];
    const y: number[] = [];
    for (let r = 0; r < 200; r++) {
      const a = 1 + Math.floor(rnd() * 5);
      const b = 1 + Math.floor(rnd() * 5);
      const c = 1 + Math.floor(rnd() * 5);
      rows.push([a, b, r % 4 === 0 ? null : c]);
      y.push(a * 10 + b * 3 + rnd() * 10);
    }
    const d = driverAnalysis(rows, y)!;
    const w = d.drivers.map((x) => x.weight!);
    expect(w[0]!).toBeGreaterThan(w[1]!);
    expect(w[1]!).toBeGreaterThan(w[2]!);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(d.drivers[0]!.correlation!).toBeGreaterThan(0.8);
    // Pairwise: the item a quarter skipped costs only its own pairs.
    expect(d.n).toBe(200);
    expect(d.drivers[2]!.n).toBe(150);
    expect(d.nMin).toBe(150);
    expect(d.minN).toBe(driverMinN(3));
    expect(driverMinN(3)).toBe(DRIVER_MIN_N);
    expect(driverMinN(23)).toBe(230);
    expect(driverAnalysis(rows.slice(0, DRIVER_MIN_N - 1), y.slice(0, DRIVER_MIN_N - 1))).toBeNull();
    // 60 rows, of which a quarter skip item 2: its 45 pairs are too few, so it gets no weight and
    // the others share R².
    const few = driverAnalysis(rows.slice(0, 60), y.slice(0, 60))!;
    expect(few.drivers[2]!.weight).toBeNull();
    expect(few.drivers[2]!.n).toBe(45);
    expect(few.drivers[0]!.weight! + few.drivers[1]!.weight!).toBeCloseTo(1, 10);
    expect(few.nMin).toBe(60);
  });

  it("relative weights match Johnson's (2000) decomposition: orthogonal predictors give r², they sum to R²", () => {
    // Uncorrelated predictors: each weight is its squared correlation.
    const id = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const a = relativeWeights(id, [0.5, 0.3, 0.1]);
    expect(a.weights.map((x) => Number(x.toFixed(12)))).toEqual([0.25, 0.09, 0.01]);
    // Two predictors: R² = (r1² + r2² − 2 r1 r2 r12) / (1 − r12²), split between them; two
    // identical predictors share equally.
    const r12 = 0.6;
    const b = relativeWeights(
      [
        [1, r12],
        [r12, 1],
      ],
      [0.5, 0.4],
    );
    expect(b.r2).toBeCloseTo((0.25 + 0.16 - 2 * 0.5 * 0.4 * r12) / (1 - r12 * r12), 10);
    const c = relativeWeights(
      [
        [1, r12],
        [r12, 1],
      ],
      [0.45, 0.45],
    );
    expect(c.weights[0]).toBeCloseTo(c.weights[1]!, 12);
    // A non-positive-definite pairwise matrix still gives finite, non-negative weights.
    const bad = relativeWeights(
      [
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ],
      [0.3, 0.2, 0.1],
    );
    for (const x of bad.weights) {
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
    }
  });

  it('masks e-mail addresses and phone numbers, Belgian formats included', () => {
    const cases: Array<[string, string]> = [
      ['mail jan.peeters@vlaanderen.be gerust', `mail ${MASK_EMAIL} gerust`],
      ['bel +32 2 553 12 34 of', `bel ${MASK_PHONE} of`],
      ['bel 0032 9 123 45 67.', `bel ${MASK_PHONE}.`],
      ['gsm 0470 12 34 56', `gsm ${MASK_PHONE}`],
      ['gsm 0470/12.34.56!', `gsm ${MASK_PHONE}!`],
      ['vast 02/553.12.34', `vast ${MASK_PHONE}`],
      ['tel. 09-123-45-67', `tel. ${MASK_PHONE}`],
      ['+31 6 12345678', MASK_PHONE],
      ['(02) 553 12 34', MASK_PHONE],
    ];
    for (const [input, out] of cases) expect(maskComment(input)).toBe(out);
    // Short numbers stay: a year, a percentage, a room number.
    expect(maskComment('In 2024 was 80% tevreden, lokaal 3.14')).toBe(
      'In 2024 was 80% tevreden, lokaal 3.14',
    );
  });

  it('shuffles: same multiset, order from the random source', () => {
    const xs = Array.from({ length: COMMENTS_MIN_N * 3 }, (_, i) => i);
    const s = shuffle(xs);
    expect([...s].sort((a, b) => a - b)).toEqual(xs);
    expect(shuffle([1, 2, 3], () => 0)).toEqual([2, 3, 1]);
  });
});
