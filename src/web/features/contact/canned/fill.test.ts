import { describe, expect, it } from 'vitest';
import { type CannedAnswer, cannedByShortcut, cannedFor, fillCanned } from './fill';

const greet: CannedAnswer = {
  id: 1,
  queue: null,
  title: 'Groet',
  textNl: 'Dag {naam}, je vraag heeft referentie {referentie}.',
  textEn: 'Hello {name}, your question has reference {reference}.',
  shortcut: 'hallo',
};
const tax: CannedAnswer = { ...greet, id: 2, queue: 'belastingen', shortcut: 'aanslag' };

describe('canned answers', () => {
  it('fills the citizen’s name and the reference in either spelling, and drops an unknown value', () => {
    expect(fillCanned(greet, 'nl', { name: 'An', reference: 'T-12' })).toBe(
      'Dag An, je vraag heeft referentie T-12.',
    );
    expect(fillCanned(greet, 'en', { name: 'An', reference: 'T-12' })).toBe(
      'Hello An, your question has reference T-12.',
    );
    expect(
      fillCanned({ ...greet, textNl: 'Dag {name}, {Referentie}' }, 'nl', { name: 'Jo', reference: 'R1' }),
    ).toBe('Dag Jo, R1');
    expect(fillCanned(greet, 'nl', {})).toBe('Dag, je vraag heeft referentie.');
    expect(fillCanned({ ...greet, textNl: 'Kost {prijs} euro' }, 'nl', {})).toBe('Kost {prijs} euro');
  });

  it('finds an answer by its /shortcut and offers a queue its own answers and the general ones', () => {
    expect(cannedByShortcut([greet, tax], '/Hallo')?.id).toBe(1);
    expect(cannedByShortcut([greet, tax], '/hallo daar')).toBeUndefined();
    expect(cannedByShortcut([greet, tax], '/onbekend')).toBeUndefined();
    expect(cannedFor([greet, tax], 'algemeen').map((a) => a.id)).toEqual([1]);
    expect(cannedFor([greet, tax], 'belastingen').map((a) => a.id)).toEqual([1, 2]);
  });
});
