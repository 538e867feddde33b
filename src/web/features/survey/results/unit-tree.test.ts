import { describe, expect, it } from 'vitest';
import { unitOptions } from './unit-tree';

const unit = (id: number, parentId: number | null, name: string, depth: number) => ({
  id,
  parentId,
  name,
  depth,
});

describe('the results unit picker', () => {
  it('lists each team under its own division, and tells equal names apart by their parents', () => {
    // As the API lists them: by depth, so every team came after the last division.
    const units = [
      unit(1, null, 'Entiteit', 1),
      unit(2, 1, 'Afdeling Personeel', 2),
      unit(3, 1, 'Afdeling Klantenrelaties', 2),
      unit(4, 2, 'Team Applicatiebeheer', 3),
      unit(5, 3, 'Team Applicatiebeheer', 3),
      unit(6, 3, 'Team Onthaal', 3),
    ];
    const options = unitOptions(units, (u) => u.name, 'nl');
    expect(options.map((o) => [o.id, o.depth])).toEqual([
      [1, 0],
      [3, 1],
      [5, 2],
      [6, 2],
      [2, 1],
      [4, 2],
    ]);
    const label = (id: number) => options.find((o) => o.id === id)!.label.trim();
    expect(label(5)).toBe('Team Applicatiebeheer (Afdeling Klantenrelaties)');
    expect(label(4)).toBe('Team Applicatiebeheer (Afdeling Personeel)');
    expect(label(6)).toBe('Team Onthaal');
  });

  it('goes up as many levels as it takes, and starts a new tree where a parent is not listed', () => {
    const units = [
      unit(10, 99, 'Afdeling A', 2),
      unit(11, 10, 'Cel', 3),
      unit(12, 11, 'Team X', 4),
      unit(20, 99, 'Afdeling B', 2),
      unit(21, 20, 'Cel', 3),
      unit(22, 21, 'Team X', 4),
    ];
    const options = unitOptions(units, (u) => u.name, 'nl');
    const label = (id: number) => options.find((o) => o.id === id)!.label.trim();
    expect(label(12)).toBe('Team X (Cel › Afdeling A)');
    expect(label(22)).toBe('Team X (Cel › Afdeling B)');
    expect(options[0]).toMatchObject({ id: 10, depth: 0 });
  });
});
