import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from './config';
import { resolveAppSecret, SECRET_FILE } from './secret';

const dir = mkdtempSync(join(tmpdir(), 'waarden-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('creates the embedded server secret once, readable by the owner only, and reads it back', async () => {
  const config = loadConfig({ DATA_DIR: join(dir, 'data') });
  const first = await resolveAppSecret(config);
  expect(first.length).toBeGreaterThanOrEqual(32);
  expect(statSync(join(dir, 'data', SECRET_FILE)).mode & 0o777).toBe(0o600);
  expect(await resolveAppSecret(config)).toBe(first);
  // APP_SECRET wins over the file.
  const given = 'x'.repeat(40);
  expect(await resolveAppSecret(loadConfig({ DATA_DIR: join(dir, 'data'), APP_SECRET: given }))).toBe(given);
});
