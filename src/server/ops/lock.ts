import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pid of a live process that holds DATA_DIR's lock, if any. */
export function runningServerPid(dataDir: string): number | undefined {
  const lockFile = join(dataDir, 'waarden.lock');
  if (!existsSync(lockFile)) return undefined;
  const pid = Number(readFileSync(lockFile, 'utf8'));
  if (!pid || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
