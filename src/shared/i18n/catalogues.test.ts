import { expect, it } from 'vitest';
import { catalogues } from './index';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

function placeholders(value: unknown): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string')
      result.set(prefix, [...node.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!).sort());
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(value, '');
  return result;
}

it('has the same keys in Dutch and English', () => {
  const nl = keys(catalogues.nl).sort();
  const en = keys(catalogues.en).sort();
  expect(en.filter((k) => !nl.includes(k))).toEqual([]);
  expect(nl.filter((k) => !en.includes(k))).toEqual([]);
});

it('uses the same interpolation placeholders in both languages', () => {
  const nl = placeholders(catalogues.nl);
  const en = placeholders(catalogues.en);
  const mismatches = [...nl.entries()].filter(
    ([key, names]) => JSON.stringify(en.get(key)) !== JSON.stringify(names),
  );
  expect(mismatches).toEqual([]);
});

it('has no empty texts', () => {
  const empty = [...placeholders(catalogues.nl).keys(), ...placeholders(catalogues.en).keys()].filter(
    (key) => {
      const get = (root: unknown) =>
        key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], root);
      return get(catalogues.nl) === '' || get(catalogues.en) === '';
    },
  );
  expect(empty).toEqual([]);
});
