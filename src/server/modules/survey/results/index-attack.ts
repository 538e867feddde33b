/**
 * The index-minus-items attacker: a test oracle of the survey results' disclosure plans.
 *
 * A value index is, per person, the mean of their answered items of the value on 0–100. Where a
 * reader holds a group's index (its n and sum, shown or derived by subtraction) and every item of
 * the value but one (n, sum and, when shown, the distribution), the index pins the remaining item:
 *
 *   index sum = 100/(m·r) · Σ_full (Σ_items x − m·min) + 100/((m−1)·r) · Σ_skip (Σ_visible x − (m−1)·min)
 *
 * with m items, r = max − min, "full" the c people who answered the hidden item and "skip" the
 * n − c who did not. Solving for the hidden item's deviation sum A' = A − c·min gives
 *
 *   A' = (m·r/100) · index sum − V' − S'/(m − 1)
 *
 * where V' is the visible items' deviation sum and S' the skippers' share of it. A' must be a
 * whole number in [0, c·r]; S' lies between the sums of the skippers' smallest and largest possible
 * answers that the visible distributions allow. Enumerating c and S' under these integer
 * constraints leaves, often, a single (c, A): the hidden item's count and sum, hence its mean.
 *
 * Its model: everybody counted in the index answered every visible item (each visible n equals
 * the index n) and skipped at most the hidden one. Outside that model it claims nothing.
 */

export interface IndexRelease {
  /** People with an index, and the sum of their indexes (0–100 each). */
  n: number;
  sum: number;
}

export interface ItemRelease {
  n?: number;
  /** Sum of the answers on the item's own scale. */
  sum?: number;
  /** Answer counts per scale point (min … max), when the distribution is shown. */
  hist?: number[];
}

export interface Reconstruction {
  /** Every (count, sum) of the hidden item consistent with what was released. */
  candidates: Array<{ count: number; sum: number }>;
  /** The hidden item's sum, when all candidates agree. */
  sum: number | null;
  /** The hidden item's mean, when all candidates agree on it. */
  mean: number | null;
}

const EPS = 1e-6;

/** Sum of the `s` smallest (or largest) deviations x − min that a distribution contains. */
function extremeSum(hist: number[], s: number, largest: boolean): number {
  let left = s;
  let total = 0;
  const order = hist.map((_, i) => i);
  if (largest) order.reverse();
  for (const i of order) {
    const take = Math.min(left, hist[i]!);
    total += take * i;
    left -= take;
    if (left === 0) break;
  }
  return left > 0 ? Number.NaN : total;
}

/**
 * Reconstruct the one item of a value whose sum is not released, from the value's index and the
 * other items. `items` lists every item of the value; exactly one must lack `sum`.
 */
export function reconstructHiddenItem(input: {
  scale: { min: number; max: number };
  index: IndexRelease;
  items: ItemRelease[];
}): Reconstruction | null {
  const { min, max } = input.scale;
  const r = max - min;
  const m = input.items.length;
  const unknown = input.items.filter((i) => i.sum === undefined);
  if (m < 2 || unknown.length !== 1) return null;
  const hidden = unknown[0]!;
  const visible = input.items.filter((i) => i.sum !== undefined);
  const nI = input.index.n;
  if (nI <= 0 || !visible.every((i) => i.n === nI)) return null;
  const vDev = visible.reduce((s, i) => s + i.sum! - nI * min, 0);
  const scaled = (m * r * input.index.sum) / 100;
  const counts = hidden.n !== undefined ? [hidden.n] : Array.from({ length: nI }, (_, i) => i + 1);
  const candidates: Array<{ count: number; sum: number }> = [];
  for (const c of counts) {
    if (c < 1 || c > nI) continue;
    const s = nI - c;
    let lo = 0;
    let hi = s * (m - 1) * r;
    if (visible.every((i) => i.hist)) {
      lo = visible.reduce((t, i) => t + extremeSum(i.hist!, s, false), 0);
      hi = visible.reduce((t, i) => t + extremeSum(i.hist!, s, true), 0);
      if (Number.isNaN(lo) || Number.isNaN(hi)) continue;
    }
    for (let sDev = lo; sDev <= hi; sDev++) {
      const aDev = scaled - vDev - sDev / (m - 1);
      const whole = Math.round(aDev);
      if (Math.abs(aDev - whole) > EPS || whole < 0 || whole > c * r) continue;
      const sum = whole + c * min;
      if (!candidates.some((x) => x.count === c && x.sum === sum)) candidates.push({ count: c, sum });
    }
  }
  if (candidates.length === 0) return { candidates, sum: null, mean: null };
  const first = candidates[0]!;
  const sameSum = candidates.every((x) => x.sum === first.sum && x.count === first.count);
  const sameMean = candidates.every((x) => Math.abs(x.sum / x.count - first.sum / first.count) < EPS);
  return {
    candidates,
    sum: sameSum ? first.sum : null,
    mean: sameMean ? first.sum / first.count : null,
  };
}
