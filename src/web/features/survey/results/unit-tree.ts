/** The unit picker's options: the organisation tree in its own order, with equal names told apart. */
export type TreeUnit = { id: number; parentId: number | null; depth: number };
export type UnitOption = { id: number; label: string; depth: number };

/**
 * Orders units depth-first (children by name under their parent), indents them by their depth in the
 * list, and adds the nearest ancestors' names to a name that occurs more than once, as few as needed to
 * tell the units apart ("Team Applicatiebeheer (Afdeling Klantenrelaties)").
 */
export function unitOptions<U extends TreeUnit>(
  units: U[],
  name: (unit: U) => string,
  locale: string,
): UnitOption[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<number | null, U[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && byId.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const ordered: { unit: U; level: number }[] = [];
  const visit = (parent: number | null, level: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => collator.compare(name(a), name(b)));
    for (const unit of list) {
      ordered.push({ unit, level });
      visit(unit.id, level + 1);
    }
  };
  visit(null, 0);

  const ancestors = (unit: U): U[] => {
    const out: U[] = [];
    let current = unit.parentId === null ? undefined : byId.get(unit.parentId);
    while (current) {
      out.push(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return out;
  };
  const labels = new Map<number, string>(units.map((u) => [u.id, name(u)]));
  const groups = new Map<string, U[]>();
  for (const unit of units) groups.set(name(unit), [...(groups.get(name(unit)) ?? []), unit]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const paths = group.map(ancestors);
    const longest = Math.max(...paths.map((p) => p.length));
    for (let depth = 1; depth <= longest; depth++) {
      const candidate = group.map((unit, i) => {
        const path = paths[i]!.slice(0, depth).map(name);
        return path.length ? `${name(unit)} (${path.join(' › ')})` : name(unit);
      });
      for (const [i, unit] of group.entries()) labels.set(unit.id, candidate[i]!);
      if (new Set(candidate).size === candidate.length) break;
    }
  }
  return ordered.map(({ unit, level }) => ({
    id: unit.id,
    depth: level,
    label: `${'\u00a0\u00a0'.repeat(level)}${labels.get(unit.id)}`,
  }));
}
