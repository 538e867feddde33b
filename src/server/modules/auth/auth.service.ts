import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/client';
import type { Principal, Role } from '../../http/access';
import { AppError } from '../../http/errors';
import type { Locale } from '../../http/i18n';
import * as repo from './auth.repo';

export const SESSION_COOKIE = 'wia_session';

/**
 * Back-off instead of a lock: after the free failures, each further failure doubles the wait before the next
 * attempt, up to a cap, so the right password always gets through once the wait is over. Per e-mail address
 * (known or not, so the answers do not tell which accounts exist) and per client address. Reasons and figures:
 * decision 0009.
 */
export const ACCOUNT_BACK_OFF: repo.BackOff = {
  freeFailures: 5,
  baseSeconds: 1,
  capSeconds: 60,
  forgetAfterSeconds: 3600,
};
export const ADDRESS_BACK_OFF: repo.BackOff = {
  freeFailures: 30,
  baseSeconds: 1,
  capSeconds: 300,
  forgetAfterSeconds: 3600,
};

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

const THROTTLE_PURGE_INTERVAL_MS = 10 * 60_000;
const lastThrottlePurge = new WeakMap<Db, number>();

/** Reserves the attempt on every key, or gives the ones already taken back and answers 429 with the wait. */
async function reserveAttempt(db: Db, keys: { key: ThrottleKey; policy: repo.BackOff }[]) {
  const reserved: ThrottleKey[] = [];
  for (const { key, policy } of keys) {
    const outcome = await repo.reserveSignInAttempt(db, key, policy);
    if (!outcome.reserved) {
      for (const taken of reserved) await repo.giveBackSignInAttempt(db, taken);
      throw new AppError('SIGN_IN_THROTTLED', { seconds: outcome.retryAfterSeconds });
    }
    reserved.push(key);
  }
}

type ThrottleKey = Parameters<typeof repo.giveBackSignInAttempt>[1];

/**
 * Unknown e-mail, disabled account and wrong password all take the same path: the attempt is counted against
 * the e-mail address and the client address, a password is verified (against a fixed hash when there is no
 * account) and the answer is INVALID_CREDENTIALS. Only the right password of an enabled account differs.
 */
export async function verifyPasswordSignIn(db: Db, email: string, password: string, ip: string) {
  if (Date.now() - (lastThrottlePurge.get(db) ?? 0) > THROTTLE_PURGE_INTERVAL_MS) {
    lastThrottlePurge.set(db, Date.now());
    await repo.deleteStaleSignInThrottle(
      db,
      Math.max(ACCOUNT_BACK_OFF.forgetAfterSeconds, ADDRESS_BACK_OFF.forgetAfterSeconds),
    );
  }
  const addressKey: ThrottleKey = { scope: 'address', key: ip };
  const accountKey: ThrottleKey = { scope: 'account', key: email.trim().toLowerCase() };
  await reserveAttempt(db, [
    { key: addressKey, policy: ADDRESS_BACK_OFF },
    { key: accountKey, policy: ACCOUNT_BACK_OFF },
  ]);
  const account = await repo.findAccountByEmail(db, email);
  dummyHash ??= hashPassword('not-a-real-password');
  const passwordHash = account && !account.disabled ? account.passwordHash : null;
  const ok = await verify(passwordHash ?? (await dummyHash), password).catch(() => false); // Safe: a malformed stored hash counts as a wrong password, never as a 500 that tells the account exists.
  if (!account || !passwordHash || !ok) throw new AppError('INVALID_CREDENTIALS');
  await repo.giveBackSignInAttempt(db, addressKey);
  await repo.clearSignInThrottle(db, accountKey);
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

/** Keeps the interface language on the account, so it follows the person to another device. */
export async function rememberLocale(db: Db, accountId: number, locale: Locale) {
  await repo.setAccountLocale(db, accountId, locale);
}
