import { describe, expect, it } from 'vitest';
import { compareFrameworks, compareLists, compareText } from './compare';

const joined = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

describe('comparing two versions of the values framework', () => {
  it('marks the words that changed, and each side still reads as its own text', () => {
    const line = compareText('We zijn open en eerlijk.', 'We zijn open, eerlijk en transparant.');
    expect(line.kind).toBe('changed');
    expect(joined(line.older)).toBe('We zijn open en eerlijk.');
    expect(joined(line.newer)).toBe('We zijn open, eerlijk en transparant.');
    expect(line.newer.some((p) => p.change === 'added' && p.text.includes('transparant'))).toBe(true);
    expect(line.older.every((p) => p.change !== 'added')).toBe(true);
  });

  it('pairs a reworded statement with its old wording, and shows new and dropped statements alone', () => {
    const lines = compareLists(
      ['Ik luister.', 'Ik deel kennis.', 'Ik geef feedback.'],
      ['Ik luister.', 'Ik deel mijn kennis.', 'Ik vraag feedback.', 'Ik durf fouten te maken.'],
    );
    expect(lines.map((l) => l.kind)).toEqual(['same', 'changed', 'changed', 'added']);
    expect(joined(lines[1]!.older)).toBe('Ik deel kennis.');
    expect(joined(lines[1]!.newer)).toBe('Ik deel mijn kennis.');
    expect(joined(lines[3]!.newer)).toBe('Ik durf fouten te maken.');

    const dropped = compareLists(['A.', 'B.', 'C.'], ['A.', 'C.']);
    expect(dropped.map((l) => l.kind)).toEqual(['same', 'removed', 'same']);
  });

  it('counts the changed lines over title, intro, headings and statements', () => {
    const version = (statement: string) => ({
      title: 'Waarden',
      intro: 'Intro',
      values: [
        { key: 'openheid', name: 'Openheid', heading: 'Openheid', statements: ['Ik luister.', statement] },
      ],
    });
    expect(compareFrameworks(version('Ik deel.'), version('Ik deel.')).changes).toBe(0);
    const compared = compareFrameworks(version('Ik deel.'), version('Ik deel alles.'));
    expect(compared.changes).toBe(1);
    expect(compared.values[0]!.statements[1]!.kind).toBe('changed');
  });
});
