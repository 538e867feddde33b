/**
 * The layering, checked on every import: the web app and the shared contract never reach into the server;
 * a module never reads another module's repository; the platform layers (db, events, jobs, http, mail,
 * platform) never import a feature module. app.ts, runtime.ts and the CLI are the composition roots and may.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of a file, resolved to a path under src (without extension). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => relative(src, resolve(dirname(file), specifier)));
}

const files = sourceFiles(src).map((file) => ({ file: relative(src, file), imports: importsOf(file) }));

/** The module a path belongs to: `server/modules/contact/chat/x` → `contact/chat`, `server/modules/org/x` → `org`. */
function moduleOf(path: string): string | null {
  const match = /^server\/modules\/([^/]+)(?:\/([^/]+))?\/[^/]+$/.exec(path);
  if (!match) return null;
  const [, first, second] = match;
  return second && first === 'contact' ? `contact/${second}` : first!;
}

const offenders = (rule: (file: string, target: string) => boolean) =>
  files.flatMap(({ file, imports }) =>
    imports.filter((target) => rule(file, target)).map((target) => `${file} → ${target}`),
  );

describe('import boundaries', () => {
  it('keeps the web app and the shared code free of server imports', () => {
    expect(offenders((file, target) => /^(web|shared)\//.test(file) && target.startsWith('server/'))).toEqual(
      [],
    );
  });

  it('keeps each module’s repository to itself', () => {
    expect(
      offenders((file, target) => {
        if (!/\.repo$/.test(target) || !target.startsWith('server/modules/')) return false;
        const owner = moduleOf(`${target}.ts`);
        return owner !== null && owner !== moduleOf(file) && !file.endsWith('.test.ts');
      }),
    ).toEqual([]);
  });

  it('keeps the platform layers free of feature modules', () => {
    const platform = /^server\/(db|events|jobs|http|mail|platform)\//;
    expect(
      offenders(
        (file, target) =>
          platform.test(file) && !file.endsWith('.test.ts') && target.startsWith('server/modules/'),
      ),
    ).toEqual([]);
  });
});
