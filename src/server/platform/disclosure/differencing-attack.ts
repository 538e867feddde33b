/**
 * The differencing attacker: the test oracle of the anonymity engine.
 *
 * It receives exactly what leaves the server — the public structure of the published table
 * (which cells exist and which sums hold between them: a unit is the sum of its sub-units and
 * its direct members, a unit's total is the sum of its demographic categories) and the counts
 * of the *visible* cells — and tries to learn what it must not:
 *
 * 1. **Exact recovery.** It solves the linear system "total = sum of parts" for all relations,
 *    with the visible counts as constants and the hidden counts as unknowns, by Gaussian
 *    elimination to reduced row-echelon form. A hidden cell is *determined* iff its unit vector
 *    lies in the row space of the system, i.e. iff its pivot row has no other entry. This is
 *    complete for linear reasoning: it finds everything that "parent − visible children",
 *    across both dimensions and repeated to any depth, can find, and also what only a
 *    combination of many equations gives. Arithmetic is done modulo the prime 94,906,249
 *    (all products stay below 2^53, so no BigInt is needed); counts are far below the
 *    modulus, so a determined value maps back to the exact integer. Working over a prime
 *    field instead of the rationals is exact unless the prime divides a denominator that the
 *    rational elimination would produce (a minor of a matrix of 0/±1 entries); then a
 *    determination could be missed (or a spurious one reported, which only makes the planner
 *    hide one cell more). For hierarchies (totally unimodular systems) minors are 0/±1 and this
 *    cannot happen; for crossed tables the integer bounds check below and the exhaustive test
 *    on tiny tables cover the gap in practice.
 * 2. **Small derived groups.** For every relation whose total is visible, the attacker knows
 *    the combined count of the hidden parts (total − visible parts). It then subtracts every
 *    visible figure nested inside those hidden parts (recursively, through both relation
 *    kinds, taking the decomposition that covers most) and obtains the size of a group of
 *    real people whose combined answers it could also compute by the same subtraction. If
 *    that group has fewer than k people — including zero, which tells it that every hidden
 *    part is exactly its visible content — it is reported.
 * 3. **Bounds.** Counts are integers ≥ 0 (and at most a published upper bound such as the number
 *    invited, when the table gives one), so the attacker also propagates intervals through
 *    every relation (part ≥ total − Σ max(other parts), part ≤ total − Σ min(other parts), and
 *    the total between the sums of the parts' minima and maxima) to a fixed point. A hidden cell
 *    whose interval closes to a single value is recovered even when linear algebra alone
 *    cannot pin it (e.g. "x + y = 5 and x ≥ 5, so y = 0").
 * 4. **Visible small figures.** Any visible cell with n < k is reported directly.
 *
 * The attacker never looks at hidden counts; the tests compare its findings with the truth.
 */

/** A cell of a published table, without its count (the structure is public). */
export interface PublicCell {
  key: string;
  visible: boolean;
  /** Only for visible cells. */
  n?: number;
  /**
   * A published upper bound of a hidden cell's count (e.g. how many people were invited to the
   * group): the bounds attacker starts from it instead of from infinity.
   */
  max?: number;
}

/** total = sum(parts), as indices into the cell list. */
export interface Relation {
  total: number;
  parts: number[];
}

export interface PublicTable {
  cells: PublicCell[];
  relations: Relation[];
}

export interface AttackFinding {
  kind: 'hidden-count-recovered' | 'small-derived-group' | 'small-visible-figure';
  /** Cell key, or for a derived group "total − visible" a description. */
  subject: string;
  /** The count the attacker obtained. */
  n: number;
}

export interface AttackResult {
  /** Hidden cells whose exact count the attacker derived, by key. */
  recovered: Map<string, number>;
  findings: AttackFinding[];
}

export const MODULUS = 94_906_249;

function mod(a: number): number {
  const r = a % MODULUS;
  return r < 0 ? r + MODULUS : r;
}

function mulMod(a: number, b: number): number {
  return (a * b) % MODULUS;
}

function invMod(a: number): number {
  let [oldR, r] = [mod(a), MODULUS];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS);
}

interface Row {
  coef: Map<number, number>;
  rhs: number;
}

/**
 * Which hidden cells are uniquely determined by the relations and the visible counts.
 * Returns cell index → derived count. Used by the tests (as part of the attack) and by the
 * planner (to verify a suppression pattern before it is released).
 */
export function determinedHiddenCells(table: PublicTable): Map<number, number> {
  const { cells, relations } = table;
  // Pivot rows in reduced row-echelon form, keyed by pivot variable.
  const pivots = new Map<number, Row>();
  // For each variable, the pivots whose row mentions it (to keep the form reduced cheaply).
  const mentions = new Map<number, Set<number>>();
  const mention = (v: number, pivot: number) => {
    let s = mentions.get(v);
    if (!s) {
      s = new Set();
      mentions.set(v, s);
    }
    s.add(pivot);
  };

  for (const rel of relations) {
    const row: Row = { coef: new Map(), rhs: 0 };
    const add = (idx: number, sign: number) => {
      const cell = cells[idx]!;
      if (cell.visible) {
        row.rhs = mod(row.rhs - sign * (cell.n ?? 0));
      } else {
        row.coef.set(idx, mod((row.coef.get(idx) ?? 0) + sign));
      }
    };
    add(rel.total, -1);
    for (const p of rel.parts) add(p, 1);
    // sum(hidden coef * x) = rhs
    for (const [v, c] of [...row.coef]) if (c === 0) row.coef.delete(v);
    if (row.coef.size === 0) continue;

    // Reduce by existing pivots.
    for (const v of [...row.coef.keys()]) {
      const c = row.coef.get(v);
      const p = pivots.get(v);
      if (c === undefined || c === 0 || !p) continue;
      for (const [w, pc] of p.coef) {
        const next = mod((row.coef.get(w) ?? 0) - mulMod(c, pc));
        if (next === 0) row.coef.delete(w);
        else row.coef.set(w, next);
      }
      row.rhs = mod(row.rhs - mulMod(c, p.rhs));
    }
    if (row.coef.size === 0) continue;
    // New pivot: the smallest variable, normalised to coefficient 1.
    const pv = Math.min(...row.coef.keys());
    const inv = invMod(row.coef.get(pv)!);
    for (const [w, c] of row.coef) row.coef.set(w, mulMod(c, inv));
    row.rhs = mulMod(row.rhs, inv);
    // Eliminate pv from the existing pivot rows that mention it.
    for (const other of [...(mentions.get(pv) ?? [])]) {
      const o = pivots.get(other);
      if (!o) continue;
      const c = o.coef.get(pv);
      if (c === undefined) continue;
      for (const [w, rc] of row.coef) {
        const next = mod((o.coef.get(w) ?? 0) - mulMod(c, rc));
        if (next === 0) {
          o.coef.delete(w);
          mentions.get(w)?.delete(other);
        } else {
          o.coef.set(w, next);
          mention(w, other);
        }
      }
      o.rhs = mod(o.rhs - mulMod(c, row.rhs));
    }
    pivots.set(pv, row);
    for (const w of row.coef.keys()) mention(w, pv);
  }

  const out = new Map<number, number>();
  for (const [v, row] of pivots) {
    if (row.coef.size === 1) out.set(v, row.rhs);
  }
  return out;
}

/**
 * Interval propagation over integers ≥ 0: for every cell, the smallest and largest count that is
 * consistent with the relations and the visible counts (as far as propagation finds; capped
 * passes). Visible cells have lo = hi = n.
 */
export function boundsOfCells(table: PublicTable, maxPasses = 200): { lo: number[]; hi: number[] } {
  const lo = table.cells.map((c) => (c.visible ? (c.n ?? 0) : 0));
  const hi = table.cells.map((c) => (c.visible ? (c.n ?? 0) : (c.max ?? Number.POSITIVE_INFINITY)));
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    const tighten = (idx: number, l: number, h: number) => {
      if (l > lo[idx]!) {
        lo[idx] = l;
        changed = true;
      }
      if (h < hi[idx]!) {
        hi[idx] = h;
        changed = true;
      }
    };
    for (const rel of table.relations) {
      let sumLo = 0;
      let finiteHi = 0;
      let infinite = 0;
      for (const p of rel.parts) {
        sumLo += lo[p]!;
        if (Number.isFinite(hi[p]!)) finiteHi += hi[p]!;
        else infinite++;
      }
      tighten(rel.total, sumLo, infinite > 0 ? Number.POSITIVE_INFINITY : finiteHi);
      for (const p of rel.parts) {
        const othersLo = sumLo - lo[p]!;
        const own = Number.isFinite(hi[p]!);
        const othersHi =
          infinite - (own ? 0 : 1) > 0 ? Number.POSITIVE_INFINITY : finiteHi - (own ? hi[p]! : 0);
        const l = lo[rel.total]! - othersHi;
        const h = hi[rel.total]! - othersLo;
        tighten(p, Math.max(0, l), h);
      }
    }
    if (!changed) break;
  }
  return { lo, hi };
}

/**
 * The largest count inside a hidden cell that the attacker can account for with visible
 * figures (and recovered counts), by decomposing it through the relations where it is the total.
 */
function coverage(table: PublicTable, known: (idx: number) => number | undefined): (idx: number) => number {
  const asTotal = new Map<number, Relation[]>();
  for (const rel of table.relations) {
    const list = asTotal.get(rel.total) ?? [];
    list.push(rel);
    asTotal.set(rel.total, list);
  }
  const memo = new Map<number, number>();
  const cov = (idx: number): number => {
    const k = known(idx);
    if (k !== undefined) return k;
    const m = memo.get(idx);
    if (m !== undefined) return m;
    let best = 0;
    for (const rel of asTotal.get(idx) ?? []) {
      let s = 0;
      for (const p of rel.parts) s += cov(p);
      if (s > best) best = s;
    }
    memo.set(idx, best);
    return best;
  };
  return cov;
}

/** Run the full attack on what a viewer receives. */
export function attack(table: PublicTable, k: number): AttackResult {
  const findings: AttackFinding[] = [];
  const recoveredIdx = determinedHiddenCells(table);
  const { lo, hi } = boundsOfCells(table);
  table.cells.forEach((c, idx) => {
    if (!c.visible && lo[idx] === hi[idx] && !recoveredIdx.has(idx)) recoveredIdx.set(idx, lo[idx]!);
  });
  const recovered = new Map<string, number>();
  for (const [idx, n] of recoveredIdx) {
    const key = table.cells[idx]!.key;
    recovered.set(key, n);
    findings.push({ kind: 'hidden-count-recovered', subject: key, n });
  }
  table.cells.forEach((c) => {
    if (c.visible && (c.n ?? 0) < k)
      findings.push({ kind: 'small-visible-figure', subject: c.key, n: c.n ?? 0 });
  });

  const known = (idx: number): number | undefined => {
    const c = table.cells[idx]!;
    if (c.visible) return c.n ?? 0;
    return recoveredIdx.get(idx);
  };
  const cov = coverage(table, known);
  for (const rel of table.relations) {
    const total = known(rel.total);
    if (total === undefined) continue;
    const hidden = rel.parts.filter((p) => known(p) === undefined);
    if (hidden.length === 0) continue;
    let residual = total;
    for (const p of rel.parts) residual -= cov(p);
    if (residual < k) {
      findings.push({
        kind: 'small-derived-group',
        subject: `${table.cells[rel.total]!.key} − visible figures (hidden: ${hidden
          .map((h) => table.cells[h]!.key)
          .join(', ')})`,
        n: residual,
      });
    }
  }
  return { recovered, findings };
}
