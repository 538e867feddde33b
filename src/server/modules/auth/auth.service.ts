import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/client';
import type { Principal, Role } from '../../http/access';
import { AppError } from '../../http/errors';
import type { Locale } from '../../http/i18n';
import * as repo from './auth.repo';

export const SESSION_COOKIE = 'wia_session';
const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 10;

// argon2id with OWASP's minimum memory/time settings; tests may lower cost through the options.
const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// A fixed hash to verify against when the account does not exist, so timing does not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPasswordSignIn(db: Db, email: string, password: string) {
  const account = await repo.findAccountByEmail(db, email);
  if (!account?.passwordHash || account.disabled) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.lockedUntil && account.lockedUntil > new Date()) throw new AppError('ACCOUNT_LOCKED');
  const ok = await verify(account.passwordHash, password).catch(() => false);
  if (!ok) {
    await repo.recordFailedSignIn(db, account.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await repo.recordSuccessfulSignIn(db, account.id);
  return account;
}

// Expired sessions are swept as a side effect of signing in, at most every ten minutes per database handle:
// sign-ins are frequent enough to keep the table small, and no separate scheduler is needed.
const SESSION_PURGE_INTERVAL_MS = 10 * 60_000;
const lastSessionPurge = new WeakMap<Db, number>();

export async function purgeExpiredSessions(db: Db): Promise<void> {
  lastSessionPurge.set(db, Date.now());
  await repo.deleteExpiredSessions(db);
}

export async function createSession(
  db: Db,
  accountId: number,
  method: 'password' | 'oidc',
  ttlHours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  if (Date.now() - (lastSessionPurge.get(db) ?? 0) > SESSION_PURGE_INTERVAL_MS)
    await purgeExpiredSessions(db);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await repo.insertSession(db, { tokenHash: hashToken(token), accountId, csrfToken, method, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function endSession(db: Db, token: string) {
  await repo.deleteSession(db, hashToken(token));
}

/** Sliding expiry, refreshed at most every five minutes to keep writes off the hot path. */
export async function loadPrincipal(db: Db, token: string, ttlHours: number): Promise<Principal | null> {
  const tokenHash = hashToken(token);
  const session = await repo.findLiveSession(db, tokenHash);
  if (!session) return null;
  const account = await repo.findAccountById(db, session.accountId);
  if (!account || account.disabled) return null;
  if (Date.now() - session.lastSeenAt.getTime() > 5 * 60_000) {
    await repo.touchSession(db, tokenHash, new Date(Date.now() + ttlHours * 3600_000));
  }
  return buildPrincipal(db, account, session.csrfToken, session.method);
}

export async function buildPrincipal(
  db: Db,
  account: repo.AccountRow,
  csrfToken: string,
  method: 'password' | 'oidc',
): Promise<Principal> {
  const granted = await repo.listGrantedRoles(db, account.id);
  const roleSet = new Set<Role>();
  const coordinatorOf: number[] = [];
  const executiveOf: number[] = [];
  for (const grant of granted) {
    roleSet.add(grant.role as Role);
    if (grant.role === 'entity_coordinator' && grant.scopeUnitId) coordinatorOf.push(grant.scopeUnitId);
    if (grant.role === 'top_executive' && grant.scopeUnitId) executiveOf.push(grant.scopeUnitId);
  }
  let managerOf: number[] = [];
  let unitId: number | null = null;
  let entityId: number | null = null;
  if (account.personId) {
    const placement = await repo.findPersonPlacement(db, account.personId);
    if (placement && placement.status === 'active') {
      roleSet.add('employee');
      unitId = placement.unit_id;
      entityId = placement.entity_id;
      managerOf = await repo.listManagedUnitIds(db, account.personId);
      if (managerOf.length > 0) roleSet.add('manager');
    }
  }
  return {
    accountId: account.id,
    personId: account.personId,
    email: account.email,
    displayName: account.displayName,
    locale: account.locale as Locale,
    roles: [...roleSet].sort(),
    managerOf,
    coordinatorOf,
    executiveOf,
    unitId,
    entityId,
    csrfToken,
    sessionMethod: method,
  };
}

export async function audit(
  db: Db,
  actor: Principal | null,
  action: string,
  target?: { type: string; id?: string | number },
  details?: Record<string, unknown>,
  ip?: string,
) {
  await repo.insertAuditEntry(db, {
    actorAccountId: actor?.accountId ?? null,
    action,
    targetType: target?.type,
    targetId: target?.id,
    details,
    ip,
  });
}
