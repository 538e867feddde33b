// `npm start` runs this first: rebuilds the web app (Vite) and the server bundle (esbuild) when missing or
// older than their sources, so a fresh clone needs nothing but `npm install && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
// Used by test/start.test.ts: build only the server bundle, into a folder of its own (inside the project,
// where the bundle finds package.json and the migrations).
const serverOnly = process.argv.includes('--server-only');
const serverOutArg = process.argv.find((arg) => arg.startsWith('--server-outdir='));
const serverOut = serverOutArg ? at(serverOutArg.slice('--server-outdir='.length)) : at('dist/server');

const EXTERNAL_PACKAGES = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  '@node-rs/argon2',
  'pg-native',
  'sharp',
];

if (
  !serverOnly &&
  (force || isStale(at('dist/web/index.html'), [at('src/web'), at('src/shared'), at('vite.config.ts')]))
) {
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
  precompress(at('dist/web'));
}

/**
 * Writes a .br and a .gz copy next to every compressible file of the web build, at the highest levels
 * (done once here, too slow on every request); the server sends the one the browser accepts. A copy that
 * saves too little is not written, so the server sends the original.
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(path);
      continue;
    }
    // index.html is never sent as it is: the server fills in its head tags per page.
    if (entry.name === 'index.html' || !/\.(js|mjs|css|html|svg|json|txt|xml|map)$/.test(entry.name))
      continue;
    const original = readFileSync(path);
    if (original.length < 1024) continue;
    const variants = [
      ['.br', brotliCompressSync(original, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })],
      ['.gz', gzipSync(original, { level: 9 })],
    ];
    for (const [suffix, compressed] of variants)
      if (compressed.length < original.length * 0.9) writeFileSync(path + suffix, compressed);
  }
}

// One bundled file starts in a fraction of the time tsx needs to transform the sources on every start.
if (
  force ||
  isStale(join(serverOut, 'waarden.js'), [
    at('src/server'),
    at('src/cli'),
    at('src/shared'),
    at('package.json'),
    // Dependencies are bundled: a changed lock file or build script means a new bundle.
    at('package-lock.json'),
    at('scripts/ensure-build.mjs'),
  ])
) {
  console.log('Building the server…');
  // Chunk names carry content hashes: clear the old ones so they do not pile up.
  rmSync(serverOut, { recursive: true, force: true });
  await build({
    entryPoints: { waarden: at('src/cli/entry.ts') },
    outdir: serverOut,
    bundle: true,
    // Chunks for dynamic imports keep rarely used code (the inbound mail listener) out of every start.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies are bundled too: one file to parse starts far faster than Node resolving and
    // loading hundreds of package files. Kept external: packages with native binaries or that find
    // their own files next to their code (PGlite's WebAssembly and data bundle).
    external: EXTERNAL_PACKAGES,
    // Bundled CommonJS packages call require() for Node built-ins; ESM output needs one defined.
    banner: {
      js: "import { createRequire as __waardenCreateRequire } from 'node:module'; const require = __waardenCreateRequire(import.meta.url);",
    },
    sourcemap: true,
    logLevel: 'warning',
  });
}
