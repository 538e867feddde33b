import { describe, expect, it } from 'vitest';
import { determinedHiddenCells, type PublicTable } from '../../../platform/disclosure/differencing-attack';
import { type DisclosurePlan, planDisclosure } from '../../../platform/disclosure/planner';
import { reconstructHiddenItem } from './index-attack';
import {
  aggregate,
  buildWaveData,
  MeasurePlanner,
  planInput,
  planWaveFamily,
  type WaveData,
} from './results.engine';
import type { SnapshotUnitRow, WaveItemRow, WaveRow } from './results.repo';
import { respondentIndex, SCALES } from './stats';

/**
 * A value index is the per-person mean of the value's items, so an index beside the visible
 * items pins a hidden item (the unit 299: openheid index and four items visible, "apply"
 * hidden, its mean for the 4 who answered follows from the whole-number constraint).
 */

const agree5 = SCALES.agree5;

function hist(xs: number[]): number[] {
  const h = [0, 0, 0, 0, 0];
  for (const x of xs) h[x - 1]!++;
  return h;
}

describe('the index-minus-items attacker', () => {
  // Five people, five items of one value; the fifth person skipped the last item ("apply").
  const rows: Array<Array<number | null>> = [
    [4, 4, 5, 4, 4],
    [4, 4, 4, 4, 3],
    [4, 4, 5, 4, 4],
    [4, 4, 4, 4, 3],
    [4, 4, 4, 4, null],
  ];
  const indexSum = rows.reduce(
    (s, r) =>
      s +
      respondentIndex(
        r,
        r.map(() => agree5),
      )!,
    0,
  );
  const visible = [0, 1, 2, 3].map((j) => {
    const xs = rows.map((r) => r[j]!);
    return { n: 5, sum: xs.reduce((a, b) => a + b, 0), hist: hist(xs) };
  });

  it('pins the hidden item from the index, the visible items and their distributions', () => {
    const got = reconstructHiddenItem({
      scale: agree5,
      index: { n: 5, sum: indexSum },
      items: [...visible, { n: 4 }],
    });
    expect(got?.candidates).toEqual([{ count: 4, sum: 14 }]);
    expect(got?.mean).toBe(3.5);
  });

  it('without the hidden count it still narrows to candidates that include the truth', () => {
    const got = reconstructHiddenItem({
      scale: agree5,
      index: { n: 5, sum: indexSum },
      items: [...visible, {}],
    });
    expect(got?.candidates).toContainEqual({ count: 4, sum: 14 });
  });

  it('claims nothing outside its model (a visible item with skippers)', () => {
    const items = [{ ...visible[0]!, n: 4 }, ...visible.slice(1), {}];
    expect(reconstructHiddenItem({ scale: agree5, index: { n: 5, sum: indexSum }, items })).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

const wave: WaveRow = {
  id: 1,
  titleNl: 'p',
  titleEn: 'p',
  status: 'closed',
  opensOn: '2026-06-01',
  closesOn: '2026-06-30',
  k: 5,
  previousWaveId: null,
  closedAt: '2026-06-30 20:00:00+00',
};

function unit(unitId: number, parentId: number | null, invited: number): SnapshotUnitRow {
  return {
    unitId,
    parentId,
    path: '/',
    depth: parentId === null ? 0 : 1,
    kind: 'team',
    code: `u${unitId}`,
    nameNl: `u${unitId}`,
    nameEn: null,
    entityId: null,
    invited,
  };
}

function item(position: number): WaveItemRow {
  return {
    id: position,
    position,
    slot: position,
    itemKey: `openheid.${position}`,
    sectionPosition: 1,
    sectionTitleNl: 's',
    sectionTitleEn: 's',
    kind: 'agree5',
    textNl: 't',
    textEn: 't',
    options: [],
    valueKey: 'openheid',
    objective: null,
    outcome: false,
  };
}

/** G (nobody directly) → A (10 people), B (8 people, 4 of whom skipped item 3). */
function scenario(): WaveData {
  const responses = [
    ...Array.from({ length: 10 }, (_, i) => ({
      u: 2,
      s: `${3 + (i % 3)},${2 + (i % 4)},${1 + (i % 5)}`,
      d: '',
    })),
    ...Array.from({ length: 8 }, (_, i) => ({ u: 3, s: `4,4,${i < 4 ? 2 + (i % 3) : ''}`, d: '' })),
  ];
  return buildWaveData({
    wave,
    units: [unit(1, null, 0), unit(2, 1, 10), unit(3, 1, 8)],
    items: [item(1), item(2), item(3)],
    demographics: [],
    responses,
  });
}

/**
 * Which units' index sums a reader holds: released, or derived by subtraction. With `itemPlans`
 * an index is released only where every item is visible too (the service's rule); without, wherever
 * the value's plan shows it (the rule before the fix).
 */
function indexSumsHeld(data: WaveData, valuePlan: DisclosurePlan, itemPlans: DisclosurePlan[] = []) {
  const agg = aggregate(data);
  const o = data.values[0]!.offset;
  // Index sums × 6 are whole numbers for a value of 3 items (a person's index is 100·D/(2·4) or 100·D/(3·4)).
  const scaled = (id: number) => Math.round((agg.get(id)![o + 1]! * 6 * 4) / 100);
  const released = (key: string) =>
    (valuePlan.byKey.get(key)?.visible ?? false) && itemPlans.every((p) => p.byKey.get(key)?.visible);
  const table: PublicTable = {
    cells: valuePlan.cells.map((c) =>
      released(c.key)
        ? { key: c.key, visible: true, n: c.kind === 'unit' ? scaled(Number(c.unitId)) : 0 }
        : { key: c.key, visible: false },
    ),
    relations: valuePlan.relations,
  };
  const held = new Map<string, number>();
  table.cells.forEach((c) => {
    if (c.visible) held.set(c.key, (c.n! * 100) / 24);
  });
  for (const [i, v] of determinedHiddenCells(table)) held.set(table.cells[i]!.key, (v * 100) / 24);
  return held;
}

/**
 * The attacker on team B, given (generously) the hidden item's count: with three items the
 * whole-number constraint alone leaves one candidate per count.
 */
function attackB(data: WaveData, held: Map<string, number>, itemPlans: DisclosurePlan[]) {
  const sum = held.get('unit:3');
  if (sum === undefined) return null;
  const agg = aggregate(data).get(3)!;
  const items = data.scored.map((s, i) => {
    if (!itemPlans[i]!.byKey.get('unit:3')?.visible) return { n: agg[s.offset]! };
    const o = s.offset;
    return { n: agg[o]!, sum: agg[o + 1]!, hist: Array.from(agg.subarray(o + 4, o + 9)) };
  });
  return reconstructHiddenItem({ scale: agree5, index: { n: 8, sum }, items });
}

describe('a value planned together with its items', () => {
  const data = scenario();
  const truth = aggregate(data).get(3)!;
  const o3 = data.scored[2]!.offset;

  it('a value plan made apart from its items shows B’s index, which pins the hidden item', () => {
    const [plans] = planWaveFamily([data]);
    const planner = new MeasurePlanner(data, plans!);
    const itemPlans = data.scored.map((_, i) => planner.plan({ type: 'item', index: i }));
    expect(itemPlans[2]!.byKey.get('unit:3')?.visible).toBe(false);
    const apart = planDisclosure(planInput(data, { type: 'value', index: 0 }, false));
    expect(apart.byKey.get('unit:3')?.visible).toBe(true);
    const held = indexSumsHeld(data, apart);
    const got = attackB(data, held, itemPlans);
    expect(got?.sum).toBe(truth[o3 + 1]);
    expect(got?.candidates).toEqual([{ count: 4, sum: truth[o3 + 1] }]);
  });

  it('the joint plan hides B’s index so that no subtraction reaches it: the attacker gets nothing', () => {
    const [plans] = planWaveFamily([data]);
    const planner = new MeasurePlanner(data, plans!);
    const itemPlans = data.scored.map((_, i) => planner.plan({ type: 'item', index: i }));
    const joint = planner.plan({ type: 'value', index: 0 });
    expect(joint.byKey.get('unit:3')?.visible).toBe(false);
    const held = indexSumsHeld(data, joint, itemPlans);
    expect(held.has('unit:3')).toBe(false);
    expect(attackB(data, held, itemPlans)).toBeNull();
    // Every cell where an item is hidden is hidden in the value's plan as well.
    for (const p of itemPlans)
      for (const c of p.cells) if (!c.visible) expect(joint.byKey.get(c.key)?.visible, c.key).toBe(false);
  });
});
