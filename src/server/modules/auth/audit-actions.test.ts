import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../shared/domain';
import en from '../../../shared/i18n/en/auth.json' with { type: 'json' };
import nl from '../../../shared/i18n/nl/auth.json' with { type: 'json' };

const serverRoot = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text of the action argument (the third) of every `audit(...)` call in the server's code. */
function actionArguments(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  for (const file of sourceFiles(serverRoot)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?<![\w.])audit\(/g)) {
      let depth = 1;
      let i = (match.index ?? 0) + match[0].length;
      const args: string[] = [''];
      while (depth > 0 && i < source.length) {
        const c = source[i++]!;
        if ('([{'.includes(c)) depth++;
        else if (')]}'.includes(c)) depth--;
        if (depth === 1 && c === ',') args.push('');
        else if (depth > 0) args[args.length - 1] += c;
      }
      if (args.length >= 3 && !file.endsWith(join('platform', 'audit.ts')))
        found.push({ file, text: args[2]!.trim() });
    }
  }
  return found;
}

const labelOf = (catalogue: typeof nl, action: string) =>
  action
    .split('.')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      catalogue.auth.auditActions,
    );

describe('audit actions', () => {
  it('lists every action the code audits, so the audit page can label and filter it', () => {
    const calls = actionArguments();
    expect(calls.length).toBeGreaterThan(40);
    const known = new Set<string>(auditActions);
    for (const { file, text } of calls) {
      // Plain strings must be known; a template (`stories.story.${decision}`) must be the start of known ones.
      const literals = [...text.matchAll(/'([a-z0-9_.]+)'/g)].map((m) => m[1]!);
      const template = /^`([a-z0-9_.]+)\$\{/.exec(text)?.[1];
      if (template) {
        expect(
          [...known].some((a) => a.startsWith(template)),
          `${file}: ${text}`,
        ).toBe(true);
        continue;
      }
      if (literals.length === 0) {
        // A variable: the function that passes it through is fed literals checked elsewhere in the same file.
        expect(text, file).toMatch(/^[a-zA-Z]+$/);
        continue;
      }
      for (const literal of literals) expect(known.has(literal), `${file}: ${literal}`).toBe(true);
    }
  });

  it('labels every known action in Dutch and English', () => {
    for (const action of auditActions) {
      expect(typeof labelOf(nl, action), `nl ${action}`).toBe('string');
      expect(typeof labelOf(en, action), `en ${action}`).toBe('string');
    }
  });
});
