import { describe, expect, it } from 'vitest';
import { attack } from '../../../platform/disclosure/differencing-attack';
import { planDisclosure } from '../../../platform/disclosure/planner';
import {
  boundedView,
  buildWaveData,
  participationPlan,
  pinnedByBounds,
  planInput,
  planWaveFamily,
  planWithBounds,
  type WaveData,
} from './results.engine';
import type { SnapshotUnitRow, WaveRow } from './results.repo';

/**
 * The invited counts are published (participation pages show them for every unit). As upper
 * bounds of the hidden answered counts they let an attacker close intervals: a unit showing 7
 * answered of 7 invited pins its hidden teams of 1, 2 and 4 as "everybody answered".
 */

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

function unit(unitId: number, parentId: number | null, invited: number, depth: number): SnapshotUnitRow {
  return {
    unitId,
    parentId,
    path: '/',
    depth,
    kind: 'team',
    code: `u${unitId}`,
    nameNl: `u${unitId}`,
    nameEn: null,
    entityId: null,
    invited,
  };
}

/** G → (P → T1, T2, T3), B; everybody in P's teams answered, 15 of B's 20. */
function scenario(answeredOf: Record<number, number>): WaveData {
  const units = [
    unit(1, null, 0, 0),
    unit(2, 1, 0, 1),
    unit(3, 2, 1, 2),
    unit(4, 2, 2, 2),
    unit(5, 2, 4, 2),
    unit(6, 1, 20, 1),
  ];
  const responses = Object.entries(answeredOf).flatMap(([u, n]) =>
    Array.from({ length: n }, () => ({ u: Number(u), s: '', d: '' })),
  );
  return buildWaveData({ wave, units, items: [], demographics: [], responses });
}

describe('disclosure with the invited counts as upper bounds', () => {
  const data = scenario({ 3: 1, 4: 2, 5: 4, 6: 15 });

  it('the bounds attacker pins the teams of a plan made without the bounds', () => {
    const plain = planDisclosure(planInput(data, { type: 'respondents' }, false));
    expect(plain.byKey.get('unit:2')?.visible).toBe(true);
    expect(pinnedByBounds(data, plain).sort()).toEqual(['unit:3', 'unit:4', 'unit:5']);
  });

  it('the wave plan leaves nothing pinned below k and nothing recovered', () => {
    const [plans] = planWaveFamily([data]);
    const plan = plans!.wave;
    expect(pinnedByBounds(data, plan)).toEqual([]);
    expect(plan.byKey.get('unit:1')?.visible).toBe(true);
    const table = boundedView(data, plan);
    const result = attack(table, plan.k);
    // Only cells nobody was invited to may be pinned (their zero is public).
    for (const key of result.recovered.keys()) {
      expect(table.cells.find((c) => c.key === key)?.max).toBe(0);
    }
    expect(result.findings.filter((f) => f.kind === 'small-visible-figure' && f.n > 0)).toEqual([]);
  });

  it('after close the results show a subset of what the last participation page showed', () => {
    // Teams of 6 and 7 next to a team of 2: the running plan hides the 2 and one complement.
    const d = scenario({ 3: 6, 4: 2, 5: 7, 6: 15 });
    const own = new Map([...d.byUnit].map(([id, rs]) => [id, rs.length]));
    const running = participationPlan(d, own);
    const [plans] = planWaveFamily([d]);
    for (const c of plans!.wave.cells) {
      if (c.key.includes('|') || !c.visible || [...(plans!.wave.input.publicCells ?? [])].includes(c.key))
        continue;
      expect(running.byKey.get(c.key)?.visible, c.key).toBe(true);
    }
    const hiddenRunning = running.cells.filter((c) => !c.visible).map((c) => c.key);
    expect(hiddenRunning.length).toBeGreaterThan(0);
    for (const key of hiddenRunning) expect(plans!.wave.byKey.get(key)?.visible, key).toBe(false);
  });

  it('participation of a running wave is planned with the same bounds', () => {
    const open = scenario({ 3: 1, 4: 2, 5: 4, 6: 15 });
    const answered = new Map<number, number>([
      [3, 1],
      [4, 2],
      [5, 4],
      [2, 7],
      [6, 15],
      [1, 22],
    ]);
    const plan = planWithBounds(open, {
      units: open.units.map((u) => ({
        id: String(u.id),
        parentId: u.parentId === null ? null : String(u.parentId),
        n: answered.get(u.id)!,
      })),
      k: 5,
      publicCells: ['direct:1', 'direct:2'],
    });
    expect(pinnedByBounds(open, plan)).toEqual([]);
    expect(plan.byKey.get('unit:2')?.visible).toBe(false);
  });
});
