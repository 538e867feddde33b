/**
 * Scanning files with ClamAV's clamd over its socket (a Unix socket or TCP), with the INSTREAM command: the
 * file is sent in length-prefixed chunks, ended by a zero length, and clamd answers one line. A few lines
 * over `net` instead of a client library: the protocol is small, and owning it lets every failure (no
 * daemon, timeout, clamd's own error, an answer we do not understand) become "could not scan", which
 * callers refuse exactly like a virus. Nothing is ever passed unscanned.
 */
import { connect, type Socket } from 'node:net';

export type ClamdAddress = { socket: string } | { host: string; port: number };

export type ScanResult =
  | { status: 'clean' }
  | { status: 'infected'; signature: string }
  /** clamd is not configured, down, too slow, or answered with an error: the file was not scanned. */
  | { status: 'unscanned'; reason: string };

export interface VirusScanner {
  scan(data: Buffer): Promise<ScanResult>;
}

/** clamd's default StreamMaxLength is 25 MB; chunks well below its buffer keep memory flat on both sides. */
const CHUNK = 64 * 1024;

export class ClamdScanner implements VirusScanner {
  constructor(
    private readonly address: ClamdAddress | undefined,
    private readonly timeoutMs: number,
  ) {}

  scan(data: Buffer): Promise<ScanResult> {
    const address = this.address;
    if (!address) return Promise.resolve({ status: 'unscanned', reason: 'clamd is not configured' });
    return new Promise((resolve) => {
      let settled = false;
      const chunks: Buffer[] = [];
      const socket: Socket =
        'socket' in address ? connect(address.socket) : connect(address.port, address.host);
      const finish = (result: ScanResult) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        resolve(result);
      };
      socket.setTimeout(this.timeoutMs, () => finish({ status: 'unscanned', reason: 'clamd timed out' }));
      socket.on('error', (error) => finish({ status: 'unscanned', reason: error.message }));
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => finish(parseReply(Buffer.concat(chunks).toString('utf8'))));
      socket.on('close', () => finish(parseReply(Buffer.concat(chunks).toString('utf8'))));
      socket.on('connect', () => {
        // "z" prefix: the command and clamd's answer end with NUL.
        socket.write('zINSTREAM\0');
        for (let offset = 0; offset < data.length; offset += CHUNK) {
          const part = data.subarray(offset, offset + CHUNK);
          const size = Buffer.alloc(4);
          size.writeUInt32BE(part.length);
          socket.write(size);
          socket.write(part);
        }
        socket.write(Buffer.alloc(4));
      });
    });
  }
}

/** `stream: OK`, `stream: <signature> FOUND`, or an error such as `INSTREAM size limit exceeded. ERROR`. */
export function parseReply(reply: string): ScanResult {
  const line = reply.replace(/\0/g, '').trim();
  if (line === 'stream: OK') return { status: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { status: 'infected', signature: found[1]! };
  return { status: 'unscanned', reason: line === '' ? 'clamd closed without an answer' : line };
}
