import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The system's Chromium: CHROMIUM_PATH, else `chromium` on PATH, else Debian's /usr/bin/chromium.
 * Never a downloaded browser: the tests use what the machine provides.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH)
    return existsSync(env.CHROMIUM_PATH) && isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'chromium');
    if (existsSync(candidate) && isExecutable(candidate)) return candidate;
  }
  return isExecutable('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}
