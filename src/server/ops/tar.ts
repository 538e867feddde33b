import { mkdirSync, writeFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { extract } from 'tar-stream';
import { BackupFileError } from './backup-file';

/**
 * A fault of the archive itself (a bad header checksum, data that stops early) as the operator's error;
 * faults of the disk being written to keep their own error.
 */
function archiveError(error: unknown): BackupFileError {
  if (error instanceof BackupFileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/unexpected end/i.test(message))
    return new BackupFileError('The backup data ends in the middle of a file.');
  return new BackupFileError(`The backup data is not a readable archive: ${message}`);
}

async function readAll(source: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of source) chunks.push(chunk as Buffer);
  } catch (error) {
    throw archiveError(error);
  }
  // The archive arrives as one buffer, so a body is almost always one slice of it: no copy then.
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

/**
 * Writes the files of a tar (the embedded database's data directory, as our snapshot and PGlite's dump
 * write it: ustar, regular files and directories) into `dir`. Paths that would leave `dir` are refused;
 * archive data that stops before its last file is complete is refused too.
 */
export async function extractTar(archive: Buffer, dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  mkdirSync(dir, { recursive: true });
  const reader = extract();
  const entries = reader[Symbol.asyncIterator]();
  reader.end(archive);
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof entries.next>>;
      try {
        next = await entries.next();
      } catch (error) {
        throw archiveError(error);
      }
      if (next.done) break;
      const entry = next.value;
      const { name, type } = entry.header;
      // Every body is read, even one that is skipped: the parser waits until it is, and a short one is
      // how a cut-off archive shows.
      const body = await readAll(entry);
      if (type !== 'file' && type !== 'contiguous-file' && type !== 'directory') continue;
      const relative = normalize(name.replace(/^\/+/, ''));
      if (relative === '.' || relative === '') continue;
      if (relative.startsWith('..') || relative.startsWith(sep))
        throw new BackupFileError(`The backup holds a path outside the data directory: ${name}`);
      const target = join(dir, relative);
      if (type === 'directory') mkdirSync(target, { recursive: true });
      else {
        mkdirSync(join(target, '..'), { recursive: true });
        writeFileSync(target, body, { mode: 0o600 });
        files += 1;
        bytes += body.length;
      }
    }
  } finally {
    reader.destroy();
  }
  return { files, bytes };
}
