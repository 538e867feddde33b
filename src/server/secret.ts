import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertServerSecret, type Config } from './config';

export const SECRET_FILE = 'app-secret';

/**
 * The server secret: `APP_SECRET` when set; otherwise (embedded database, one process) a random secret
 * created once in `DATA_DIR/app-secret`, readable by the owner only. It lives outside the database on
 * purpose: whoever holds only the database (a backup, a DBA) cannot derive the survey's keys from it.
 */
export async function resolveAppSecret(config: Config): Promise<string> {
  assertServerSecret(config);
  if (config.appSecret) return config.appSecret;
  const file = join(config.dataDir, SECRET_FILE);
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return stored;
    throw new Error(
      `${file} holds no usable secret (fewer than 32 characters); restore it or set APP_SECRET`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx': two processes starting at once cannot both write; the loser reads the winner's secret.
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  }
}

/** The resolved secret of a runtime's config; its absence is a wiring mistake, not a user error. */
export function appSecretOf(config: Pick<Config, 'appSecret'>): string {
  if (!config.appSecret) throw new Error('the server secret was not resolved (createRuntime sets it)');
  return config.appSecret;
}
