import { expect, it } from 'vitest';
import { assertServerSecret, ConfigError, loadConfig } from './config';

it('uses the documented defaults', () => {
  const config = loadConfig({});
  expect(config.port).toBe(3000);
  expect(config.dataDir).toMatch(/\/data$/);
  expect(config.databaseUrl).toBeUndefined();
  expect(config.smtpUrl).toBeUndefined();
  expect(config.oidc).toBeUndefined();
  expect(config.publicUrl).toBe('http://localhost:3000');
  expect(config.demo).toBeUndefined();
});

it('reports every wrong value on its own line, naming the variable', () => {
  let error: unknown;
  try {
    loadConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      SMTP_URL: 'nonsense',
      DEMO: 'maybe',
      OIDC_ISSUER: 'https://idp.example',
    });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems.join('\n');
  expect(problems).toMatch(/^PORT \("eighty"\): must be a number/m);
  expect(problems).toMatch(/^DATABASE_URL \("mysql:\/\/x"\): must be a URL starting with postgres:\/\//m);
  expect(problems).toMatch(/^SMTP_URL/m);
  expect(problems).toMatch(/^DEMO \("maybe"\)/m);
  expect(problems).toMatch(/^OIDC_CLIENT_ID: is required when OIDC is configured/m);
  expect(problems).toMatch(/^OIDC_CLIENT_SECRET: is required when OIDC is configured/m);
});

it('reads a full configuration', () => {
  const config = loadConfig({
    PORT: '8080',
    DATABASE_URL: 'postgres://u@db:5432/waarden',
    APP_SECRET: 'a-shared-secret-of-at-least-32-characters',
    SMTP_URL: 'smtp://mail:25',
    OIDC_ISSUER: 'https://idp.example',
    OIDC_CLIENT_ID: 'waarden',
    OIDC_CLIENT_SECRET: 's3cret',
    PUBLIC_URL: 'https://waarden.example/',
    DEMO: 'off',
  });
  expect(config).toMatchObject({
    port: 8080,
    databaseUrl: 'postgres://u@db:5432/waarden',
    smtpUrl: 'smtp://mail:25',
    oidc: { issuer: 'https://idp.example', clientId: 'waarden', clientSecret: 's3cret' },
    publicUrl: 'https://waarden.example',
    demo: false,
    appSecret: 'a-shared-secret-of-at-least-32-characters',
  });
});

it('turns scheduled backups on with BACKUP_DIR, daily and keeping 7 by default, and checks their numbers', () => {
  expect(loadConfig({}).backup).toBeUndefined();
  expect(loadConfig({ BACKUP_DIR: '/var/backups/waarden' }).backup).toEqual({
    dir: '/var/backups/waarden',
    keep: 7,
    intervalHours: 24,
  });
  expect(() => loadConfig({ BACKUP_DIR: '/b', BACKUP_KEEP: '0', BACKUP_INTERVAL_HOURS: 'daily' })).toThrow(
    /BACKUP_KEEP \("0"\): must be between 1 and 1000[\s\S]*BACKUP_INTERVAL_HOURS \("daily"\): must be a number/,
  );
});

it('requires APP_SECRET with DATABASE_URL, so that every process derives the same survey keys', () => {
  const withoutSecret = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/waarden' });
  expect(() => assertServerSecret(withoutSecret)).toThrow(/APP_SECRET: is required with DATABASE_URL/);
  expect(() => assertServerSecret({ ...withoutSecret, appSecret: 'x'.repeat(32) })).not.toThrow();
  expect(() => assertServerSecret(loadConfig({}))).not.toThrow();
  expect(() => loadConfig({ APP_SECRET: 'short' })).toThrow(/APP_SECRET: must be at least 32 characters/);
  expect(() => loadConfig({ APP_SECRET: 'short' })).not.toThrow(/"short"/);
  expect(loadConfig({}).appSecret).toBeUndefined();
});
