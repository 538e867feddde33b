import { describe, expect, it } from 'vitest';
import {
  COMMENTS_MIN_N,
  cronbachAlpha,
  DRIVER_MIN_N,
  distribution,
  driverAnalysis,
  favourableShare,
  MASK_EMAIL,
  MASK_PHONE,
  maskComment,
  mean,
  meanDifferenceCI,
  mergeMoments,
  momentsOf,
  proportionDifferenceCI,
  respondentIndex,
  SCALES,
  sd,
  shuffle,
} from './stats';

const agree = SCALES.agree5;

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

  it('95% CI of a difference of means and of proportions, with the significance mark', () => {
    const big = (mu: number) => {
      const xs = Array.from({ length: 400 }, (_, i) => mu + ((i % 5) - 2));
      return { n: xs.length, sum: xs.reduce((a, b) => a + b, 0), sumSq: xs.reduce((a, b) => a + b * b, 0) };
    };
    const up = meanDifferenceCI(big(3.5), big(3))!;
    expect(up.difference).toBeCloseTo(0.5, 10);
    expect(up.significant).toBe(true);
    expect(up.low).toBeLessThan(0.5);
    expect(up.high).toBeGreaterThan(0.5);
    const flat = meanDifferenceCI(big(3.02), big(3))!;
    expect(flat.significant).toBe(false);
    expect(meanDifferenceCI({ n: 1, sum: 3, sumSq: 9 }, big(3))).toBeNull();

    const p = proportionDifferenceCI({ n: 100, x: 60 }, { n: 100, x: 40 })!;
    expect(p.difference).toBeCloseTo(0.2, 10);
    // se = sqrt(.24/100 + .24/100) = 0.069282
    expect(p.high - p.low).toBeCloseTo(2 * 1.959964 * 0.069282, 4);
    expect(p.significant).toBe(true);
    expect(proportionDifferenceCI({ n: 20, x: 11 }, { n: 20, x: 10 })!.significant).toBe(false);
  });

  it('driver analysis finds the item that drives the outcome, only from 30 respondents', () => {
    // Deterministic pseudo-random data: y depends strongly on item 0, weakly on item 1, not on item 2.
    let seed = 7;
    const rnd = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const rows: number[][] = [];
    const y: number[] = [];
    for (let r = 0; r < 200; r++) {
      const a = 1 + Math.floor(rnd() * 5);
      const b = 1 + Math.floor(rnd() * 5);
      const c = 1 + Math.floor(rnd() * 5);
      rows.push([a, b, c]);
      y.push(a * 10 + b * 3 + rnd() * 10);
    }
    const d = driverAnalysis(rows, y)!;
    expect(d.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(d[0]!.beta!).toBeGreaterThan(d[1]!.beta!);
    expect(d[1]!.beta!).toBeGreaterThan(Math.abs(d[2]!.beta!));
    expect(d[0]!.correlation!).toBeGreaterThan(0.8);
    expect(driverAnalysis(rows.slice(0, DRIVER_MIN_N - 1), y.slice(0, DRIVER_MIN_N - 1))).toBeNull();
    expect(driverAnalysis(rows.slice(0, DRIVER_MIN_N), y.slice(0, DRIVER_MIN_N))).not.toBeNull();
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
