import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Compiling PGlite's 9 MB WebAssembly module and reading its 6 MB file-system bundle take a few hundred
 * milliseconds. `npm start` begins both before it loads the rest of the server, so V8 compiles the
 * module on its background threads while the main thread loads JavaScript; openDatabase() then hands
 * the results to PGlite instead of letting it start from scratch.
 */
export type PgliteArtifacts = { pgliteWasmModule: WebAssembly.Module; fsBundle: Blob };

let warmingUp: Promise<PgliteArtifacts | null> | null = null;

export function startPgliteWarmup(): void {
  if (warmingUp) return;
  const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  warmingUp = Promise.all([
    readFile(join(dist, 'pglite.wasm')).then((bytes) => WebAssembly.compile(bytes)),
    readFile(join(dist, 'pglite.data')).then((bytes) => new Blob([bytes])),
  ]).then(
    ([pgliteWasmModule, fsBundle]) => ({ pgliteWasmModule, fsBundle }),
    // A failed warm-up only costs time: PGlite then loads its files itself and reports real errors.
    () => null,
  );
}

/** The warmed-up artifacts, once; later callers (and processes that never warmed up) get null. */
export async function takePgliteArtifacts(): Promise<PgliteArtifacts | null> {
  const pending = warmingUp;
  warmingUp = null;
  return pending ? await pending : null;
}
