import { type AccountSummary, type OidcLinkRequest, scopedRoles } from '../../../shared/api/auth-admin';
import type { Db } from '../../db/client';
import type { Principal } from '../../http/access';
import { AppError, type FieldIssue, notFound } from '../../http/errors';
import { audit } from '../../platform/audit';
import { assertCanAdministerAccounts, assertKeepsOwnAdminRole, assertMayChangeStatus } from './auth.policy';
import * as repo from './auth.repo';

export const ADMIN_PAGE_SIZE = 25;

const toIso = (value: string | Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function toSummary(row: repo.AccountListRow): AccountSummary {
  return {
    id: Number(row.id),
    email: row.email,
    displayName: row.display_name,
    personId: row.person_id === null ? null : Number(row.person_id),
    employeeNumber: row.employee_number,
    locale: row.locale,
    disabled: row.disabled,
    signInMethods: { password: row.has_password, oidc: row.oidc_linked },
    lastSignInAt: toIso(row.last_sign_in_at),
    createdAt: toIso(row.created_at)!,
    roles: (row.roles ?? []).map((grant) => ({
      role: grant.role,
      scopeUnitId: grant.scopeUnitId === null ? null : Number(grant.scopeUnitId),
      scopeUnitName: grant.scopeUnitName,
    })),
  };
}

async function loadSummary(db: Db, accountId: number): Promise<AccountSummary> {
  const row = await repo.findAccountListRow(db, accountId);
  if (!row) throw notFound();
  return toSummary(row);
}

export async function listAccounts(db: Db, actor: Principal, input: { query?: string; page: number }) {
  assertCanAdministerAccounts(actor);
  const { rows, total } = await repo.listAccounts(db, {
    query: input.query || undefined,
    limit: ADMIN_PAGE_SIZE,
    offset: (input.page - 1) * ADMIN_PAGE_SIZE,
  });
  return { items: rows.map(toSummary), page: input.page, pageSize: ADMIN_PAGE_SIZE, total };
}

/** The whole set of granted roles is replaced; employee and manager are never granted (the org tree decides). */
export async function setGrantedRoles(
  db: Db,
  actor: Principal,
  accountId: number,
  grants: { role: string; scopeUnitId: number | null }[],
  ip?: string,
): Promise<AccountSummary> {
  const account = await repo.findAccountById(db, accountId);
  if (!account) throw notFound();

  const kinds = await repo.findUnitKinds(db, [
    ...new Set(grants.flatMap((grant) => (grant.scopeUnitId === null ? [] : [grant.scopeUnitId]))),
  ]);
  const issues: FieldIssue[] = [];
  grants.forEach((grant, index) => {
    if (scopedRoles.includes(grant.role) && kinds.get(grant.scopeUnitId ?? -1) !== 'entity') {
      issues.push({
        path: `body.roles.${index}.scopeUnitId`,
        code: 'custom',
        message: 'auth.validation.scopeMustBeEntity',
      });
    }
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', {}, issues);
  assertKeepsOwnAdminRole(actor, accountId, grants);

  await db.transaction(async (tx) => {
    const before = await repo.listGrantedRoles(tx, accountId);
    await repo.replaceGrantedRoles(tx, accountId, grants);
    await audit(
      tx,
      actor,
      'account.roles_changed',
      { type: 'account', id: accountId },
      { before, after: grants },
      ip,
    );
  });
  return loadSummary(db, accountId);
}

/** Disabling also ends every session of the account at once, instead of waiting for them to expire. */
export async function setAccountDisabled(
  db: Db,
  actor: Principal,
  accountId: number,
  disabled: boolean,
  ip?: string,
): Promise<AccountSummary> {
  const account = await repo.findAccountById(db, accountId);
  if (!account) throw notFound();
  assertMayChangeStatus(actor, accountId, disabled);
  await db.transaction(async (tx) => {
    await repo.setAccountDisabled(tx, accountId, disabled);
    const sessionsEnded = disabled ? await repo.deleteSessionsOfAccount(tx, accountId) : 0;
    await audit(
      tx,
      actor,
      disabled ? 'account.disabled' : 'account.enabled',
      { type: 'account', id: accountId },
      { sessionsEnded },
      ip,
    );
  });
  return loadSummary(db, accountId);
}

export async function listAuditLog(
  db: Db,
  actor: Principal,
  input: { action?: string; actor?: string; from?: string; to?: string; page: number },
) {
  assertCanAdministerAccounts(actor);
  const { rows, total } = await repo.listAuditEntries(db, {
    action: input.action || undefined,
    actor: input.actor || undefined,
    from: input.from,
    to: input.to,
    limit: ADMIN_PAGE_SIZE,
    offset: (input.page - 1) * ADMIN_PAGE_SIZE,
  });
  return {
    items: rows.map((row) => ({
      id: Number(row.id),
      at: toIso(row.at)!,
      actorAccountId: row.actor_account_id === null ? null : Number(row.actor_account_id),
      actorEmail: row.actor_email,
      actorName: row.actor_name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      targetName: row.target_name,
      details:
        typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
      ip: row.ip,
    })),
    page: input.page,
    pageSize: ADMIN_PAGE_SIZE,
    total,
  };
}

/** Pending requests shown at once; more than this means something to look into, not to page through. */
export const LINK_REQUEST_LIMIT = 200;

export async function listOidcLinkRequests(db: Db, actor: Principal) {
  assertCanAdministerAccounts(actor);
  const { rows, total } = await repo.listOidcLinkRequests(db, LINK_REQUEST_LIMIT);
  const items: OidcLinkRequest[] = rows.map((row) => {
    const claims = (typeof row.claims === 'string' ? JSON.parse(row.claims) : row.claims) as Record<
      string,
      string
    >;
    return {
      id: Number(row.id),
      account: {
        id: Number(row.account_id),
        email: row.account_email,
        displayName: row.account_display_name,
        hasPassword: row.has_password,
        roles: row.roles ?? [],
      },
      person: { id: Number(row.person_id), name: row.person_name, employeeNumber: row.employee_number },
      issuer: row.issuer,
      subject: row.subject,
      claims: {
        email: claims.email,
        employeeNumber: claims.employeeNumber,
        name: claims.name,
        voOrgcode: claims.voOrgcode,
      },
      requestedAt: toIso(row.created_at)!,
    };
  });
  return { items, total };
}

const linkTaken = () =>
  new AppError('CONFLICT', {}, [{ path: 'params.id', code: 'custom', message: 'auth.validation.linkTaken' }]);

/**
 * Links the identity to the account, after which the person signs in with single sign-on. Refused when the
 * identity, the person or the account has meanwhile been tied to something else; the request then stays.
 */
export async function confirmOidcLink(
  db: Db,
  actor: Principal,
  requestId: number,
  ip?: string,
): Promise<AccountSummary> {
  assertCanAdministerAccounts(actor);
  const accountId = await db.transaction(async (tx) => {
    const request = await repo.takeOidcLinkRequest(tx, requestId);
    if (!request) throw notFound();
    const account = await repo.findAccountById(tx, request.accountId);
    if (!account) throw notFound();
    const identityHolder = await repo.findAccountByOidcSubject(tx, request.issuer, request.subject);
    const personHolder = await repo.findAccountByPersonId(tx, request.personId);
    if (
      (identityHolder && identityHolder.id !== account.id) ||
      (personHolder && personHolder.id !== account.id) ||
      (account.personId !== null && account.personId !== request.personId)
    )
      throw linkTaken();
    await repo.linkAccountToOidc(tx, account.id, {
      issuer: request.issuer,
      subject: request.subject,
      personId: request.personId,
    });
    await audit(
      tx,
      actor,
      'account.oidc_link_confirmed',
      { type: 'account', id: account.id },
      {
        issuer: request.issuer,
        subject: request.subject,
        personId: request.personId,
        claims: request.claims,
      },
      ip,
    );
    return account.id;
  });
  return loadSummary(db, accountId);
}

export async function refuseOidcLink(db: Db, actor: Principal, requestId: number, ip?: string) {
  assertCanAdministerAccounts(actor);
  await db.transaction(async (tx) => {
    const request = await repo.takeOidcLinkRequest(tx, requestId);
    if (!request) throw notFound();
    await audit(
      tx,
      actor,
      'account.oidc_link_refused',
      { type: 'account', id: request.accountId },
      {
        issuer: request.issuer,
        subject: request.subject,
        personId: request.personId,
        claims: request.claims,
      },
      ip,
    );
  });
  return { ok: true as const };
}
