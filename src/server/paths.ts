import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, found by walking up to our package.json: the same code runs from src/ (tsx, tests)
 * and bundled from dist/server/ (npm start), so paths must not depend on the file's own depth.
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'waarden-in-actie')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the waarden-in-actie project root');
    dir = parent;
  }
}

export const projectRoot = findProjectRoot();
export const migrationsFolder = join(projectRoot, 'src/server/db/migrations');
export const defaultWebDist = join(projectRoot, 'dist/web');
