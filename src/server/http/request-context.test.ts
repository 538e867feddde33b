import { describe, expect, it } from 'vitest';
import { findHostileStructure } from './request-context';

describe('findHostileStructure', () => {
  it('passes ordinary input', () => {
    expect(findHostileStructure({ body: { answers: { '12': 3, '13': [1, 2], '14': 'tekst' } } })).toBeNull();
    expect(findHostileStructure(null)).toBeNull();
    expect(findHostileStructure('plain')).toBeNull();
  });

  it('names the path of a string holding NUL, at any depth', () => {
    expect(findHostileStructure('a\u0000')).toEqual({ path: '', code: 'nul_character' });
    expect(findHostileStructure({ body: { answers: { '14': 'a\u0000b' } } })).toEqual({
      path: 'body.answers.14',
      code: 'nul_character',
    });
    expect(findHostileStructure({ body: { list: [{ x: 1 }, { y: ['ok', '\u0000'] }] } })).toEqual({
      path: 'body.list.1.y.1',
      code: 'nul_character',
    });
  });

  it('refuses input nested deeper than 32 levels without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findHostileStructure(deep)).toMatchObject({ code: 'too_deep', params: { maximum: 32 } });
    let shallow: unknown = 'leaf';
    for (let i = 0; i < 32; i++) shallow = { a: shallow };
    expect(findHostileStructure(shallow)).toBeNull();
  });
});
