import { mkdirSync, writeFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { BackupFileError } from './backup-file';

const text = (block: Buffer, start: number, length: number) => {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
};

/**
 * Writes the files of a tar (the embedded database's data directory, as our snapshot and PGlite's dump
 * write it: ustar, regular files and directories) into `dir`. Paths that would leave `dir` are refused.
 */
export function extractTar(archive: Buffer, dir: string): { files: number; bytes: number } {
  let offset = 0;
  let files = 0;
  let bytes = 0;
  let longName: string | undefined;
  mkdirSync(dir, { recursive: true });
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 48);
    const prefix = text(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    longName = undefined;
    const body = archive.subarray(offset + 512, offset + 512 + size);
    if (body.length !== size) throw new BackupFileError('The backup data ends in the middle of a file.');
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = text(body, 0, body.length);
      continue;
    }
    if (type !== '0' && type !== '\0' && type !== '5') continue;
    const relative = normalize(name.replace(/^\/+/, ''));
    if (relative === '.' || relative === '') continue;
    if (relative.startsWith('..') || relative.startsWith(sep))
      throw new BackupFileError(`The backup holds a path outside the data directory: ${name}`);
    const target = join(dir, relative);
    if (type === '5') mkdirSync(target, { recursive: true });
    else {
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, body, { mode: 0o600 });
      files += 1;
      bytes += size;
    }
  }
  return { files, bytes };
}
