// `npm start` runs this first: rebuilds the web app (Vite) and the server bundle (esbuild) when missing or
// older than their sources, so a fresh clone needs nothing but `npm install && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(root, ...parts);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const isStale = (output, inputs) =>
  !existsSync(output) || statSync(output).mtimeMs < Math.max(...inputs.map((input) => newestMtime(input)));

const force = process.argv.includes('--force');

if (force || isStale(at('dist/web/index.html'), [at('src/web'), at('src/shared'), at('vite.config.ts')])) {
  console.log('Building the web app…');
  const result = spawnSync(
    process.execPath,
    [at('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// One bundled file starts in a fraction of the time tsx needs to transform the sources on every start.
if (
  force ||
  isStale(at('dist/server/waarden.js'), [
    at('src/server'),
    at('src/cli'),
    at('src/shared'),
    at('package.json'),
  ])
) {
  console.log('Building the server…');
  // Chunk names carry content hashes: clear the old ones so they do not pile up.
  rmSync(at('dist/server'), { recursive: true, force: true });
  await build({
    entryPoints: [at('src/cli/waarden.ts')],
    outdir: at('dist/server'),
    bundle: true,
    // Chunks for dynamic imports keep rarely used code (the inbound mail listener) out of every start.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
