import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const requireClamav = process.env.REQUIRE_CLAMAV === '1';

/** The EICAR test file: harmless, and detected as a virus by every scanner by agreement. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
/** A harmless marker the test database also detects, to tell our signatures from any built-in ones. */
export const TEST_MARKER = 'WAARDEN-IN-ACTIE-TEST-SIGNATURE-7f3a';

const clamdBinary = () =>
  ['/usr/sbin/clamd', '/usr/bin/clamd'].find((path) => existsSync(path)) ??
  (spawnSync('sh', ['-c', 'command -v clamd']).stdout?.toString().trim() || null);

/** Whether Debian's clamd is installed; tests needing it skip without it unless REQUIRE_CLAMAV=1. */
export function clamdAvailable(): boolean {
  const found = clamdBinary() !== null;
  if (!found && requireClamav) throw new Error('REQUIRE_CLAMAV=1 but clamd is not installed');
  return found;
}

const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex');

export type TestClamd = { socket: string; stop(): Promise<void> };

/**
 * Starts clamd in the foreground with a two-signature database of its own (no freshclam, no download): the
 * EICAR string and the test marker, each anywhere in any file (.ndb body signatures). It answers in well
 * under a second, since it loads nothing else.
 */
export async function startClamd(): Promise<TestClamd> {
  const binary = clamdBinary();
  if (!binary) throw new Error('clamd is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'waarden-clamd-'));
  const socket = join(dir, 'clamd.sock');
  writeFileSync(
    join(dir, 'test.ndb'),
    `Waarden.Test.EICAR:0:*:${hex(EICAR)}\nWaarden.Test.Marker:0:*:${hex(TEST_MARKER)}\n`,
  );
  writeFileSync(
    join(dir, 'clamd.conf'),
    [
      `DatabaseDirectory ${dir}`,
      `LocalSocket ${socket}`,
      'Foreground yes',
      'LogSyslog no',
      `TemporaryDirectory ${dir}`,
      'StreamMaxLength 30M',
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-c', join(dir, 'clamd.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  while (!(await answers(socket))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error('clamd did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    socket,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PING → PONG: clamd has loaded its database and listens. */
function answers(socket: string): Promise<boolean> {
  if (!existsSync(socket)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const client = connect(socket);
    let reply = '';
    client.setTimeout(1000, () => client.destroy());
    client.on('connect', () => client.write('zPING\0'));
    client.on('data', (chunk) => {
      reply += chunk.toString();
    });
    client.on('close', () => resolve(reply.startsWith('PONG')));
    client.on('error', () => resolve(false));
  });
}
