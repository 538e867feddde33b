import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgUnits, people } from './org';

export { grantableRoles } from '../../../shared/roles';

export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    locale: text('locale').$type<'nl' | 'en'>().notNull().default('nl'),
    disabled: boolean('disabled').notNull().default(false),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('accounts_person_key').on(t.personId),
    uniqueIndex('accounts_oidc_key').on(t.oidcIssuer, t.oidcSubject),
  ],
);

/** Granted roles; scopeUnitId limits entity-level roles to one entity. Manager is derived, never granted. */
export const accountRoles = pgTable(
  'account_roles',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scopeUnitId: integer('scope_unit_id').references(() => orgUnits.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('account_roles_key').on(t.accountId, t.role, sql`coalesce(${t.scopeUnitId}, 0)`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a database leak does not hand out live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    method: text('method').$type<'password' | 'oidc'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed password sign-ins per e-mail address (whether or not an account has it) and per client address: the
 * count sets how long the next attempt must wait. Kept in the database so several processes share it.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    scope: text('scope').$type<'account' | 'address'>().notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('sign_in_throttle_last_failure_idx').on(t.lastFailureAt),
  ],
);

/**
 * A single sign-on identity that matched a person who already has an account: it is linked only once a
 * programme admin confirms, so an identity provider's say-so alone never takes over an existing account.
 */
export const oidcLinkRequests = pgTable(
  'oidc_link_requests',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** What the provider said, for the admin to judge: e-mail, employee number, name. */
    claims: jsonb('claims').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('oidc_link_requests_identity_key').on(t.issuer, t.subject),
    index('oidc_link_requests_account_idx').on(t.accountId),
  ],
);

/** Pending OIDC authorization requests: state → PKCE verifier and nonce, for ten minutes. */
export const oidcLoginRequests = pgTable('oidc_login_requests', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  returnTo: text('return_to').notNull().default('/'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: integer('actor_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
