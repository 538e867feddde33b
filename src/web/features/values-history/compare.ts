import { diffArrays, diffWordsWithSpace } from 'diff';

/** A run of text in a compared pair: the same in both versions, only in the older, or only in the newer. */
export type Piece = { text: string; change: 'same' | 'removed' | 'added' };

/** One line of the side-by-side view: the older text on the left, the newer on the right, changes marked. */
export type ComparedLine = {
  /** `same`: identical; `changed`: in both, worded differently; `removed`/`added`: only on one side. */
  kind: 'same' | 'changed' | 'removed' | 'added';
  older: Piece[];
  newer: Piece[];
};

/** Word-level comparison of two texts, split into what each side shows. */
export function compareText(older: string, newer: string): ComparedLine {
  if (older === newer) {
    const same: Piece[] = older ? [{ text: older, change: 'same' }] : [];
    return { kind: 'same', older: same, newer: same };
  }
  if (!older) return { kind: 'added', older: [], newer: [{ text: newer, change: 'added' }] };
  if (!newer) return { kind: 'removed', older: [{ text: older, change: 'removed' }], newer: [] };
  const left: Piece[] = [];
  const right: Piece[] = [];
  for (const part of diffWordsWithSpace(older, newer)) {
    if (part.added) right.push({ text: part.value, change: 'added' });
    else if (part.removed) left.push({ text: part.value, change: 'removed' });
    else {
      left.push({ text: part.value, change: 'same' });
      right.push({ text: part.value, change: 'same' });
    }
  }
  return { kind: 'changed', older: left, newer: right };
}

/**
 * Compares two lists of statements. Statements have no identity across versions, so they are matched by
 * their text; a removed statement directly followed by an added one is read as the same statement
 * reworded (the usual edit), and compared word by word.
 */
export function compareLists(older: string[], newer: string[]): ComparedLine[] {
  const lines: ComparedLine[] = [];
  let removed: string[] = [];
  const flushRemoved = () => {
    for (const text of removed) lines.push(compareText(text, ''));
    removed = [];
  };
  for (const part of diffArrays(older, newer)) {
    if (part.removed) {
      flushRemoved();
      removed = [...part.value];
    } else if (part.added) {
      const pairs = Math.min(removed.length, part.value.length);
      for (let index = 0; index < pairs; index++)
        lines.push(compareText(removed[index]!, part.value[index]!));
      for (const text of removed.slice(pairs)) lines.push(compareText(text, ''));
      for (const text of part.value.slice(pairs)) lines.push(compareText('', text));
      removed = [];
    } else {
      flushRemoved();
      for (const text of part.value) lines.push(compareText(text, text));
    }
  }
  flushRemoved();
  return lines;
}

/** The parts of a framework version that the comparison shows, already in the reader's language. */
export type FrameworkText = {
  title: string;
  intro: string;
  values: { key: string; name: string; heading: string; statements: string[] }[];
};

export type ComparedValue = { key: string; name: string; heading: ComparedLine; statements: ComparedLine[] };

export type ComparedFramework = {
  title: ComparedLine;
  intro: ComparedLine;
  values: ComparedValue[];
  /** How many lines differ, so the page can say "no changes" plainly. */
  changes: number;
};

/** Compares two versions value by value (values keep their key across versions). */
export function compareFrameworks(older: FrameworkText, newer: FrameworkText): ComparedFramework {
  const keys = [...new Set([...older.values.map((v) => v.key), ...newer.values.map((v) => v.key)])];
  const values = keys.map((key) => {
    const before = older.values.find((v) => v.key === key);
    const after = newer.values.find((v) => v.key === key);
    return {
      key,
      name: after?.name ?? before?.name ?? key,
      heading: compareText(before?.heading ?? '', after?.heading ?? ''),
      statements: compareLists(before?.statements ?? [], after?.statements ?? []),
    };
  });
  const title = compareText(older.title, newer.title);
  const intro = compareText(older.intro, newer.intro);
  const lines = [title, intro, ...values.flatMap((v) => [v.heading, ...v.statements])];
  return { title, intro, values, changes: lines.filter((line) => line.kind !== 'same').length };
}
