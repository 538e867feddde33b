import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_MAX_FILES, DEFAULT_ATTACHMENT_MAX_MB } from '../shared/api/contact-mail';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    message: 'must be one of 1, 0, true, false, yes, no, on, off',
  })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const urlWithProtocols = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** Roster import: the share of active staff that may become leavers without a second confirmation. */
export const DEFAULT_ROSTER_MAX_LEAVER_SHARE = 0.1;

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:']).optional(),
  SMTP_URL: urlWithProtocols(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().email('must be an e-mail address').default('no-reply@waarden.example'),
  OIDC_ISSUER: urlWithProtocols(['http:', 'https:']).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Vlaamse overheid (ACM/IDM)'),
  PUBLIC_URL: urlWithProtocols(['http:', 'https:']).optional(),
  DEMO: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TRUST_PROXY: booleanFlag.default(false),
  CONTACT_MAILBOX: z.string().email('must be an e-mail address').default('1700@vlaanderen.example'),
  INBOUND_SMTP_PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .optional(),
  INBOUND_MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain name')
    .optional(),
  CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  CHAT_WAITING_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(3),
  CHAT_HANDSHAKES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  CHAT_SOCKETS_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).default(10),
  CLAMD_SOCKET: z.string().min(1).optional(),
  CLAMD_HOST: z.string().min(1).optional(),
  CLAMD_PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3310),
  CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  CONTACT_ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(25).default(DEFAULT_ATTACHMENT_MAX_MB),
  CONTACT_ATTACHMENT_MAX_FILES: z.coerce.number().int().min(1).max(10).default(DEFAULT_ATTACHMENT_MAX_FILES),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 1000')
    .max(1000, 'must be between 1 and 1000')
    .default(7),
  BACKUP_INTERVAL_HOURS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 168')
    .max(168, 'must be between 1 and 168')
    .default(24),
  APP_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  SURVEY_MARK_MIN_N: z.coerce.number().int().min(2).max(1000).default(10),
  ROSTER_MAX_LEAVER_SHARE: z.coerce.number().min(0).max(1).default(DEFAULT_ROSTER_MAX_LEAVER_SHARE),
});

const oidcKeys = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/**
 * Several processes on one PostgreSQL must derive the same survey keys, so a server may not invent its own
 * secret there. Checked when a server starts (not in loadConfig): maintenance commands such as `migrate`,
 * `restore` or `import-roster` derive no survey key and run without it.
 */
export function assertServerSecret(config: Pick<Config, 'databaseUrl' | 'appSecret'>): void {
  if (config.databaseUrl && !config.appSecret)
    throw new ConfigError([
      'APP_SECRET: is required with DATABASE_URL (every process must use the same secret)',
    ]);
}

// Checked on the raw values so it is reported together with any other wrong value.
function incompleteOidc(env: Record<string, string | undefined>): string[] {
  if (!oidcKeys.some((key) => env[key]) || oidcKeys.every((key) => env[key])) return [];
  return oidcKeys.filter((key) => !env[key]).map((key) => `${key}: is required when OIDC is configured`);
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  oidc?: { issuer: string; clientId: string; clientSecret: string; name: string };
  publicUrl: string;
  /** undefined: seed the demo organisation only when the database is new. */
  demo?: boolean;
  logLevel: string;
  sessionTtlHours: number;
  trustProxy: boolean;
  /** Contact 1700 e-mail: where citizen questions go, the inbound reply listener and how long contacts are kept. */
  contactMail: {
    mailbox: string;
    /** undefined: no inbound SMTP listener (citizen replies cannot thread back). */
    inboundSmtpPort?: number;
    inboundDomain: string;
    retentionDays: number;
  };
  /**
   * Attachments on e-mail tickets: how many and how large, and the clamd that scans each one. Without clamd
   * every upload is refused (a file that cannot be scanned is never passed); the rest works.
   */
  attachments: {
    clamd?: { socket: string } | { host: string; port: number };
    scanTimeoutMs: number;
    maxBytes: number;
    maxFiles: number;
  };
  /** Per client address: waiting chats, WebSocket handshakes a minute, open citizen sockets. */
  chatLimits: { waitingPerClient: number; handshakesPerMinute: number; socketsPerClient: number };
  /** Scheduled backups; undefined without BACKUP_DIR. */
  backup?: { dir: string; keep: number; intervalHours: number };
  /**
   * The server secret the survey's keys are derived from; it never enters the database. Unset in the
   * environment (embedded database only): createRuntime() reads or creates `DATA_DIR/app-secret`.
   */
  appSecret?: string;
  /** Survey results: least respondents per group (each wave) before a change gets a significance mark. */
  surveyMarkMinN: number;
  /**
   * Roster import: the share of active staff an import may mark as leavers without a second, explicit
   * confirmation (a partial file mistaken for a full one would otherwise empty the organisation).
   */
  rosterMaxLeaverShare: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every wrong value is reported on its own line. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const key = String(issue.path[0] ?? 'environment');
          // A secret is never echoed into logs.
          const value = key.endsWith('_SECRET') ? undefined : cleaned[key];
          return `${key}${value === undefined ? '' : ` (${JSON.stringify(value)})`}: ${issue.message}`;
        })),
    ...incompleteOidc(cleaned),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME,
          }
        : undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    contactMail: {
      mailbox: e.CONTACT_MAILBOX,
      inboundSmtpPort: e.INBOUND_SMTP_PORT,
      inboundDomain: (
        e.INBOUND_MAIL_DOMAIN ?? new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).hostname
      ).toLowerCase(),
      retentionDays: e.CONTACT_RETENTION_DAYS,
    },
    attachments: {
      clamd: e.CLAMD_SOCKET
        ? { socket: e.CLAMD_SOCKET }
        : e.CLAMD_HOST
          ? { host: e.CLAMD_HOST, port: e.CLAMD_PORT }
          : undefined,
      scanTimeoutMs: e.CLAMD_TIMEOUT_MS,
      maxBytes: e.CONTACT_ATTACHMENT_MAX_MB * 1024 * 1024,
      maxFiles: e.CONTACT_ATTACHMENT_MAX_FILES,
    },
    chatLimits: {
      waitingPerClient: e.CHAT_WAITING_PER_CLIENT,
      handshakesPerMinute: e.CHAT_HANDSHAKES_PER_MINUTE,
      socketsPerClient: e.CHAT_SOCKETS_PER_CLIENT,
    },
    backup: e.BACKUP_DIR
      ? { dir: resolve(e.BACKUP_DIR), keep: e.BACKUP_KEEP, intervalHours: e.BACKUP_INTERVAL_HOURS }
      : undefined,
    appSecret: e.APP_SECRET,
    surveyMarkMinN: e.SURVEY_MARK_MIN_N,
    rosterMaxLeaverShare: e.ROSTER_MAX_LEAVER_SHARE,
  };
}
