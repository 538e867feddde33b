import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { BaseLogger } from 'pino';

type Log = Pick<BaseLogger, 'info' | 'warn' | 'error'>;

import type { PgliteThread } from '../db/pglite-thread-client';
import { snapshotEmbedded, writeEmbeddedBackup } from './backup';
import { OpsError } from './backup-file';

/**
 * PGlite lets one process open a data directory, so a backup of a running embedded instance is taken by the
 * serving process: it listens on a Unix socket in DATA_DIR (mode 0600, so only the account that runs it,
 * which can read DATA_DIR anyway, may connect) and answers POST /backup with the backup's bytes.
 */
export const controlSocketPath = (dataDir: string) => join(dataDir, 'control.sock');

// Unix socket paths are limited to 107 bytes on Linux.
const MAX_SOCKET_PATH = 107;

export async function startControlSocket(
  dataDir: string,
  embedded: PgliteThread,
  logger: Log,
): Promise<(() => Promise<void>) | undefined> {
  const path = controlSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    logger.warn(
      { path },
      'DATA_DIR path too long for the control socket: `waarden backup` needs the server stopped',
    );
    return undefined;
  }
  // We hold DATA_DIR's lock, so a socket file left here belongs to a process that died.
  if (existsSync(path)) rmSync(path, { force: true });
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    snapshotEmbedded(embedded).then(
      async (snapshot) => {
        logger.info({ bytes: snapshot.payload.length }, 'backup sent over the control socket');
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        await writeEmbeddedBackup(res, snapshot);
        res.end();
      },
      (error) => {
        logger.error({ err: error }, 'backup over the control socket failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end((error as Error).message);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  server.unref();
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(path, { force: true });
    });
}

/** Asks the server that holds DATA_DIR for a backup and streams it to `out`. */
export function requestBackupFromServer(dataDir: string, out: Writable, onBytes?: (bytes: number) => void) {
  const path = controlSocketPath(dataDir);
  if (!existsSync(path))
    return Promise.reject(
      new OpsError(
        `The embedded database in ${dataDir} is in use, but its server offers no control socket (${path}); stop the server or upgrade it.`,
      ),
    );
  return new Promise<void>((resolve, reject) => {
    const req = request({ socketPath: path, path: '/backup', method: 'POST' }, (res) => {
      if (res.statusCode !== 200) {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => reject(new OpsError(`The server could not take the backup: ${text}`)));
        return;
      }
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        onBytes?.(bytes);
      });
      res.pipe(out, { end: false });
      res.on('end', () => resolve());
      res.on('error', reject);
    });
    req.on('error', (error) => reject(new OpsError(`Cannot reach the running server: ${error.message}`)));
    req.end();
  });
}
