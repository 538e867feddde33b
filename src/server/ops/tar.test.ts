import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Header, pack } from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupFileError } from './backup-file';
import { extractTar } from './tar';

const scratch = mkdtempSync(join(tmpdir(), 'waarden-tar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An archive written by the library's packer, entry by entry. */
async function archiveOf(
  entries: { header: Header | { name: string; type?: Header['type'] }; body?: string }[],
) {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk) => {
    chunks.push(chunk as Buffer);
  });
  const ended = new Promise<void>((resolve) => archive.on('end', () => resolve()));
  for (const { header, body } of entries)
    await new Promise<void>((resolve, reject) => {
      archive.entry(header, body ?? '', (error) => (error ? reject(error) : resolve()));
    });
  archive.finalize();
  await ended;
  return Buffer.concat(chunks);
}

describe('extractTar', () => {
  it('writes files and directories below the target, files readable by their owner only', async () => {
    const longName = `/base/${'x'.repeat(120)}/${'y'.repeat(60)}`;
    const archive = await archiveOf([
      { header: { name: '/base', type: 'directory' } },
      { header: { name: '/base/1', type: 'file' }, body: 'first' },
      { header: { name: '/PG_VERSION', type: 'file' }, body: '17\n' },
      { header: { name: longName, type: 'file' }, body: 'deep' },
    ]);
    const dir = join(scratch, 'plain');
    const result = await extractTar(archive, dir);
    expect(result).toEqual({ files: 3, bytes: 'first'.length + 3 + 'deep'.length });
    expect(readFileSync(join(dir, 'base/1'), 'utf8')).toBe('first');
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(readFileSync(join(dir, longName), 'utf8')).toBe('deep');
    expect(statSync(join(dir, 'base/1')).mode & 0o777).toBe(0o600);
  });

  it('refuses a path that would leave the target directory', async () => {
    const archive = await archiveOf([{ header: { name: '../outside', type: 'file' }, body: 'escape' }]);
    const dir = join(scratch, 'inner', 'target');
    await expect(extractTar(archive, dir)).rejects.toThrow(BackupFileError);
    await expect(extractTar(archive, dir)).rejects.toThrow(/outside the data directory: \.\.\/outside/);
    expect(existsSync(join(scratch, 'inner', 'outside'))).toBe(false);
  });

  it('refuses data that ends in the middle of a file', async () => {
    const archive = await archiveOf([{ header: { name: '/big', type: 'file' }, body: 'z'.repeat(5000) }]);
    const cut = archive.subarray(0, 512 + 2000);
    await expect(extractTar(cut, join(scratch, 'cut'))).rejects.toThrow(
      'The backup data ends in the middle of a file.',
    );
  });

  it('refuses data that is not an archive, as a backup file error', async () => {
    const noise = Buffer.alloc(2048, 0x41);
    await expect(extractTar(noise, join(scratch, 'noise'))).rejects.toThrow(BackupFileError);
  });

  it("reads PGlite's own dump of its data directory", async () => {
    const db = new PGlite();
    let dump: Buffer;
    try {
      await db.query('create table marker (note text)');
      await db.query("insert into marker values ('kept')");
      dump = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
    } finally {
      await db.close();
    }
    const dir = join(scratch, 'pglite-dump');
    const { files } = await extractTar(dump, dir);
    expect(files).toBeGreaterThan(100);
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim()).toMatch(/^\d+$/);
    const reopened = new PGlite(dir);
    try {
      expect((await reopened.query('select note from marker')).rows).toEqual([{ note: 'kept' }]);
    } finally {
      await reopened.close();
    }
  });
});
