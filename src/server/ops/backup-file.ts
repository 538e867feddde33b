import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { z } from 'zod';

/**
 * A backup file is the payload followed by its manifest and a fixed-length footer:
 *
 *   payload bytes | manifest (JSON, UTF-8) | "\nWAARDEN-BACKUP/1 " + 12-digit manifest length + "\n"
 *
 * The manifest goes last so a payload can be streamed straight from pg_dump into the file while its
 * SHA-256 is computed; a reader finds the manifest from the end without reading the payload.
 */
const FOOTER_PREFIX = '\nWAARDEN-BACKUP/1 ';
const FOOTER_LENGTH = FOOTER_PREFIX.length + 12 + 1;

export const manifestSchema = z.object({
  format: z.literal(1),
  /** `pglite`: a tar of the embedded data directory; `pg_dump`: pg_dump's custom format. */
  kind: z.enum(['pglite', 'pg_dump']),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.string(),
  /** The latest migration applied to the database when the backup was taken. */
  schemaVersion: z.object({ tag: z.string(), when: z.number() }),
  payloadBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Rows per table, counted in the same snapshot as the payload. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** The PostgreSQL version that wrote the payload (pg_dump: the server's). */
  serverVersion: z.string(),
  /** Files outside the database that the backup carries; none today (uploads live in the database). */
  files: z.array(z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** A fault the operator can fix (a refused target, a missing tool, a damaged file): reported without a stack. */
export class OpsError extends Error {}

/** A backup file that cannot be read or whose checksum is wrong: never restored. */
export class BackupFileError extends OpsError {}

export function footerFor(manifest: Manifest): Buffer {
  const json = Buffer.from(JSON.stringify(manifest));
  return Buffer.concat([json, Buffer.from(`${FOOTER_PREFIX}${String(json.length).padStart(12, '0')}\n`)]);
}

/** Reads the manifest from the end of the file; the payload is not checked here (see verifyPayload). */
export async function readManifest(file: string): Promise<Manifest> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new BackupFileError(`Cannot read ${file}: no such file.`);
  }
  if (size < FOOTER_LENGTH)
    throw new BackupFileError(`${file} is not a Waarden in Actie backup (too short).`);
  const handle = await open(file, 'r');
  try {
    const footer = Buffer.alloc(FOOTER_LENGTH);
    await handle.read(footer, 0, FOOTER_LENGTH, size - FOOTER_LENGTH);
    const text = footer.toString('latin1');
    const length = Number(text.slice(FOOTER_PREFIX.length, FOOTER_PREFIX.length + 12));
    if (!text.startsWith(FOOTER_PREFIX) || !Number.isInteger(length) || length > size - FOOTER_LENGTH)
      throw new BackupFileError(`${file} is not a Waarden in Actie backup (no manifest at its end).`);
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, size - FOOTER_LENGTH - length);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw new BackupFileError(`${file}: its manifest is damaged.`);
    }
    const manifest = manifestSchema.safeParse(parsed);
    if (!manifest.success)
      throw new BackupFileError(`${file}: its manifest is damaged or of an unknown format.`);
    if (manifest.data.payloadBytes !== size - FOOTER_LENGTH - length)
      throw new BackupFileError(
        `${file} is damaged: the manifest announces ${manifest.data.payloadBytes} bytes of data, the file holds ${size - FOOTER_LENGTH - length}.`,
      );
    return manifest.data;
  } finally {
    await handle.close();
  }
}

/** Streams the payload through SHA-256 and compares it with the manifest's checksum. */
export async function verifyPayload(
  file: string,
  manifest: Manifest,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const hash = createHash('sha256');
  let done = 0;
  if (manifest.payloadBytes > 0) {
    const stream = createReadStream(file, {
      start: 0,
      end: manifest.payloadBytes - 1,
      highWaterMark: 1 << 20,
    });
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      done += (chunk as Buffer).length;
      onProgress?.(done, manifest.payloadBytes);
    }
  }
  if (hash.digest('hex') !== manifest.sha256)
    throw new BackupFileError(
      `${file} is damaged: the checksum of its data does not match the manifest. Nothing was restored.`,
    );
}

/** The payload in memory, its checksum verified (an embedded database's tar is restored from memory). */
export async function readVerifiedPayload(file: string, manifest: Manifest): Promise<Buffer> {
  const handle = await open(file, 'r');
  let buffer: Buffer;
  try {
    buffer = Buffer.alloc(manifest.payloadBytes);
    await handle.read(buffer, 0, manifest.payloadBytes, 0);
  } finally {
    await handle.close();
  }
  if (createHash('sha256').update(buffer).digest('hex') !== manifest.sha256)
    throw new BackupFileError(
      `${file} is damaged: the checksum of its data does not match the manifest. Nothing was restored.`,
    );
  return buffer;
}
