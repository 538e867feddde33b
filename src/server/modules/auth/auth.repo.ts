import { and, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  accountRoles,
  accounts,
  oidcLinkRequests,
  oidcLoginRequests,
  sessions,
  unitManagers,
} from '../../db/schema';
import { entityOf } from '../../platform/org-tree';

export type AccountRow = typeof accounts.$inferSelect;

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const rows = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows[0];
}

export async function findAccountById(db: Db, id: number): Promise<AccountRow | undefined> {
  const rows = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return rows[0];
}

/** How a throttle key's required wait grows: free failures first, then base × 2^n seconds, capped. */
export type BackOff = {
  freeFailures: number;
  baseSeconds: number;
  capSeconds: number;
  forgetAfterSeconds: number;
};

type ThrottleKey = { scope: 'account' | 'address'; key: string };

/**
 * Counts an attempt as a failure up front, in one statement, unless the key must still wait: so processes
 * racing on the same key cannot slip several guesses into one window. A successful sign-in gives it back.
 * The count starts again once the last failure is older than `forgetAfterSeconds`.
 */
export async function reserveSignInAttempt(
  db: Db,
  { scope, key }: ThrottleKey,
  policy: BackOff,
): Promise<{ reserved: true } | { reserved: false; retryAfterSeconds: number }> {
  const forget = sql`make_interval(secs => ${policy.forgetAfterSeconds})`;
  const count = sql`case when t.last_failure_at < now() - ${forget} then 1 else t.failures + 1 end`;
  const waitFor = (failures: SQL) =>
    sql`make_interval(secs => case when ${failures} > ${policy.freeFailures}
      then least(${policy.capSeconds}::float8,
        ${policy.baseSeconds}::float8 * power(2::float8, least(${failures} - ${policy.freeFailures} - 1, 40)))
      else 0 end)`;
  const rows = await queryRows<{ reserved: number | string; wait_seconds: number | string | null }>(
    db,
    sql`with attempt as (
          insert into sign_in_throttle as t (scope, key, failures, last_failure_at, blocked_until)
          values (${scope}, ${key}, 1, now(), now() + ${waitFor(sql`1`)})
          on conflict (scope, key) do update set
            failures = ${count},
            last_failure_at = now(),
            blocked_until = now() + ${waitFor(count)}
          where t.blocked_until <= now()
          returning 1)
        select (select count(*) from attempt) as reserved,
          (select ceil(extract(epoch from blocked_until - now())) from sign_in_throttle
            where scope = ${scope} and key = ${key}) as wait_seconds`,
  );
  const row = rows[0];
  if (Number(row?.reserved ?? 0) > 0) return { reserved: true };
  return { reserved: false, retryAfterSeconds: Math.max(1, Number(row?.wait_seconds ?? 1)) };
}

/** Undoes a reservation that was no password guess after all (signed in, or refused by another key). */
export async function giveBackSignInAttempt(db: Db, { scope, key }: ThrottleKey) {
  await db.execute(sql`
    update sign_in_throttle set failures = greatest(failures - 1, 0), blocked_until = now()
    where scope = ${scope} and key = ${key}`);
}

export async function clearSignInThrottle(db: Db, { scope, key }: ThrottleKey) {
  await db.execute(sql`delete from sign_in_throttle where scope = ${scope} and key = ${key}`);
}

export async function deleteStaleSignInThrottle(db: Db, forgetAfterSeconds: number) {
  await db.execute(sql`
    delete from sign_in_throttle
    where last_failure_at < now() - make_interval(secs => ${forgetAfterSeconds}) and blocked_until < now()`);
}

export async function recordSuccessfulSignIn(db: Db, accountId: number) {
  await db.update(accounts).set({ lastSignInAt: new Date() }).where(eq(accounts.id, accountId));
}

export async function insertSession(
  db: Db,
  values: {
    tokenHash: string;
    accountId: number;
    csrfToken: string;
    method: 'password' | 'oidc';
    expiresAt: Date;
  },
) {
  await db.insert(sessions).values(values);
}

export async function findLiveSession(db: Db, tokenHash: string) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return rows[0];
}

export async function touchSession(db: Db, tokenHash: string, expiresAt: Date) {
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date(), expiresAt })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export async function deleteSessionsOfAccount(db: Db, accountId: number): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(eq(sessions.accountId, accountId))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}

export async function setAccountDisabled(db: Db, accountId: number, disabled: boolean) {
  await db.update(accounts).set({ disabled }).where(eq(accounts.id, accountId));
}

// --- OIDC ---------------------------------------------------------------------------------------

export async function insertOidcLoginRequest(
  db: Db,
  values: { state: string; codeVerifier: string; nonce: string; returnTo: string },
) {
  await db.insert(oidcLoginRequests).values(values);
}

/** Single use: the row is deleted as it is read, so a replayed callback finds nothing. */
export async function takeOidcLoginRequest(db: Db, state: string, maxAgeMinutes: number) {
  const rows = await queryRows<{ code_verifier: string; nonce: string; return_to: string; fresh: boolean }>(
    db,
    sql`delete from oidc_login_requests where state = ${state}
        returning code_verifier, nonce, return_to,
          created_at > now() - make_interval(mins => ${maxAgeMinutes}) as fresh`,
  );
  const row = rows[0];
  return row
    ? { codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to, fresh: row.fresh }
    : undefined;
}

export async function deleteStaleOidcLoginRequests(db: Db, maxAgeMinutes: number) {
  await db.execute(
    sql`delete from oidc_login_requests where created_at < now() - make_interval(mins => ${maxAgeMinutes})`,
  );
}

export async function findAccountByOidcSubject(db: Db, issuer: string, subject: string) {
  const rows = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.oidcIssuer, issuer), eq(accounts.oidcSubject, subject)))
    .limit(1);
  return rows[0];
}

export async function findAccountByPersonId(db: Db, personId: number) {
  const rows = await db.select().from(accounts).where(eq(accounts.personId, personId)).limit(1);
  return rows[0];
}

export type PersonForSignIn = {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  language: 'nl' | 'en';
  status: 'active' | 'left';
  entityCode: string | null;
};

const personForSignInColumns = sql`p.id, p.email, p.first_name, p.last_name, p.language, p.status,
  ${entityOf(sql`u.path`, 'code')} as entity_code`;

type PersonForSignInRow = {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  language: 'nl' | 'en';
  status: 'active' | 'left';
  entity_code: string | null;
};

const toPersonForSignIn = (row: PersonForSignInRow): PersonForSignIn => ({
  id: Number(row.id),
  email: row.email,
  firstName: row.first_name,
  lastName: row.last_name,
  language: row.language,
  status: row.status,
  entityCode: row.entity_code,
});

export async function findPersonForSignInById(
  db: Db,
  personId: number,
): Promise<PersonForSignIn | undefined> {
  const rows = await queryRows<PersonForSignInRow>(
    db,
    sql`select ${personForSignInColumns}
        from people p left join org_units u on u.id = p.unit_id
        where p.id = ${personId}`,
  );
  return rows[0] && toPersonForSignIn(rows[0]);
}

/** Active people with this employee number or (case-insensitive) e-mail; the caller decides what several mean. */
export async function findActivePeopleForSignIn(
  db: Db,
  by: { employeeNumber?: string; email?: string },
): Promise<PersonForSignIn[]> {
  const condition = by.employeeNumber
    ? sql`p.employee_number = ${by.employeeNumber}`
    : sql`lower(p.email) = ${(by.email ?? '').toLowerCase()}`;
  const rows = await queryRows<PersonForSignInRow>(
    db,
    sql`select ${personForSignInColumns}
        from people p left join org_units u on u.id = p.unit_id
        where p.status = 'active' and ${condition}
        order by p.id
        limit 2`,
  );
  return rows.map(toPersonForSignIn);
}

export async function linkAccountToOidc(
  db: Db,
  accountId: number,
  link: { issuer: string; subject: string; personId: number },
) {
  await db
    .update(accounts)
    .set({ oidcIssuer: link.issuer, oidcSubject: link.subject, personId: link.personId })
    .where(eq(accounts.id, accountId));
}

export async function insertOidcAccount(
  db: Db,
  values: {
    email: string;
    displayName: string;
    personId: number;
    locale: 'nl' | 'en';
    issuer: string;
    subject: string;
  },
): Promise<AccountRow> {
  const [row] = await db
    .insert(accounts)
    .values({
      email: values.email,
      displayName: values.displayName,
      personId: values.personId,
      locale: values.locale,
      oidcIssuer: values.issuer,
      oidcSubject: values.subject,
    })
    .returning();
  return row!;
}

/** One request per identity: signing in again refreshes it instead of queueing another. */
export async function upsertOidcLinkRequest(
  db: Db,
  values: {
    accountId: number;
    personId: number;
    issuer: string;
    subject: string;
    claims: Record<string, string>;
  },
) {
  await db
    .insert(oidcLinkRequests)
    .values(values)
    .onConflictDoUpdate({
      target: [oidcLinkRequests.issuer, oidcLinkRequests.subject],
      set: {
        accountId: values.accountId,
        personId: values.personId,
        claims: values.claims,
        createdAt: sql`now()`,
      },
    });
}

export type OidcLinkRequestRow = {
  id: number;
  account_id: number;
  account_email: string;
  account_display_name: string;
  has_password: boolean;
  roles: string[] | null;
  person_id: number;
  person_name: string;
  employee_number: string | null;
  issuer: string;
  subject: string;
  claims: Record<string, string> | string;
  created_at: string | Date;
};

export async function listOidcLinkRequests(db: Db, limit: number) {
  const rows = await queryRows<OidcLinkRequestRow>(
    db,
    sql`select r.id, r.account_id, a.email as account_email, a.display_name as account_display_name,
          a.password_hash is not null as has_password,
          (select coalesce(json_agg(distinct g.role), '[]'::json) from account_roles g where g.account_id = a.id)
            as roles,
          r.person_id, trim(p.first_name || ' ' || p.last_name) as person_name, p.employee_number,
          r.issuer, r.subject, r.claims, r.created_at
        from oidc_link_requests r
        join accounts a on a.id = r.account_id
        join people p on p.id = r.person_id
        order by r.created_at, r.id
        limit ${limit}`,
  );
  const [count] = await queryRows<{ total: number | string }>(
    db,
    sql`select count(*) as total from oidc_link_requests`,
  );
  return { rows, total: Number(count?.total ?? 0) };
}

/** Deleted as it is read, inside the deciding transaction: a confirmation and a refusal cannot both act on it. */
export async function takeOidcLinkRequest(db: Db, id: number) {
  const rows = await db.delete(oidcLinkRequests).where(eq(oidcLinkRequests.id, id)).returning();
  return rows[0];
}

// --- Account administration ---------------------------------------------------------------------

export type AccountListRow = {
  id: number;
  email: string;
  display_name: string;
  person_id: number | null;
  employee_number: string | null;
  locale: 'nl' | 'en';
  disabled: boolean;
  has_password: boolean;
  oidc_linked: boolean;
  last_sign_in_at: string | Date | null;
  created_at: string | Date;
  roles: { role: string; scopeUnitId: number | null; scopeUnitName: string | null }[] | null;
};

const accountListColumns = sql`a.id, a.email, a.display_name, a.person_id, p.employee_number, a.locale, a.disabled,
  a.password_hash is not null as has_password, a.oidc_subject is not null as oidc_linked,
  a.last_sign_in_at, a.created_at,
  (select coalesce(json_agg(json_build_object('role', r.role, 'scopeUnitId', r.scope_unit_id, 'scopeUnitName', u.name_nl)
      order by r.role, r.scope_unit_id), '[]'::json)
    from account_roles r left join org_units u on u.id = r.scope_unit_id
    where r.account_id = a.id) as roles`;

function accountSearchCondition(query: string | undefined) {
  if (!query) return sql`true`;
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(lower(a.email) like ${pattern} or lower(a.display_name) like ${pattern} or p.employee_number = ${query})`;
}

export async function listAccounts(db: Db, options: { query?: string; limit: number; offset: number }) {
  const where = accountSearchCondition(options.query);
  const rows = await queryRows<AccountListRow>(
    db,
    sql`select ${accountListColumns}
        from accounts a left join people p on p.id = a.person_id
        where ${where}
        order by lower(a.email), a.id
        limit ${options.limit} offset ${options.offset}`,
  );
  const [count] = await queryRows<{ total: number | string }>(
    db,
    sql`select count(*) as total from accounts a left join people p on p.id = a.person_id where ${where}`,
  );
  return { rows, total: Number(count?.total ?? 0) };
}

export async function findAccountListRow(db: Db, accountId: number): Promise<AccountListRow | undefined> {
  const rows = await queryRows<AccountListRow>(
    db,
    sql`select ${accountListColumns}
        from accounts a left join people p on p.id = a.person_id
        where a.id = ${accountId}`,
  );
  return rows[0];
}

export async function findUnitKinds(db: Db, unitIds: number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{ id: number; kind: string }>(
    db,
    sql`select id, kind from org_units where id in (${sql.join(
      unitIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((row) => [Number(row.id), row.kind]));
}

export async function replaceGrantedRoles(
  db: Db,
  accountId: number,
  grants: { role: string; scopeUnitId: number | null }[],
) {
  await db.delete(accountRoles).where(eq(accountRoles.accountId, accountId));
  if (grants.length > 0) {
    await db.insert(accountRoles).values(grants.map((grant) => ({ accountId, ...grant })));
  }
}

export type AuditListRow = {
  id: number;
  at: string | Date;
  actor_account_id: number | null;
  actor_email: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  details: Record<string, unknown> | string;
  ip: string | null;
};

export type AuditFilter = { action?: string; actor?: string; from?: string; to?: string };

function auditWhere(filter: AuditFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.action) conditions.push(sql`l.action = ${filter.action}`);
  if (filter.actor) {
    const start = `${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`exists (select 1 from accounts a left join people p on p.id = a.person_id
      where a.id = l.actor_account_id
        and (a.email ilike ${start} or a.display_name ilike ${start} or p.first_name ilike ${start}
             or p.last_name ilike ${start} or (p.first_name || ' ' || p.last_name) ilike ${start}))`);
  }
  // Days are Brussels calendar days, as the admin reads them on the page.
  if (filter.from)
    conditions.push(sql`l.at >= (${filter.from}::date::timestamp at time zone 'Europe/Brussels')`);
  if (filter.to)
    conditions.push(sql`l.at < ((${filter.to}::date + 1)::timestamp at time zone 'Europe/Brussels')`);
  return sql.join(conditions, sql` and `);
}

/**
 * A readable name for the target of an entry, where the target still exists. Target ids are text (some
 * targets are not numeric), so they are only cast after checking they are digits.
 */
const targetName = sql`case when l.target_id ~ '^[0-9]{1,9}$' then case l.target_type
    when 'account' then (select coalesce(tp.first_name || ' ' || tp.last_name, ta.display_name)
      from accounts ta left join people tp on tp.id = ta.person_id where ta.id = l.target_id::int)
    when 'org_unit' then (select u.name_nl from org_units u where u.id = l.target_id::int)
    when 'survey_wave' then (select w.title_nl from survey_waves w where w.id = l.target_id::int)
    when 'survey_questionnaire' then (select q.title_nl from survey_questionnaires q where q.id = l.target_id::int)
    when 'story' then (select st.title from stories st where st.id = l.target_id::int)
    end end`;

export async function listAuditEntries(db: Db, options: AuditFilter & { limit: number; offset: number }) {
  const where = auditWhere(options);
  const rows = await queryRows<AuditListRow>(
    db,
    sql`select l.id, l.at, l.actor_account_id, a.email as actor_email,
          coalesce(p.first_name || ' ' || p.last_name, a.display_name) as actor_name,
          l.action, l.target_type, l.target_id, ${targetName} as target_name, l.details, l.ip
        from audit_log l left join accounts a on a.id = l.actor_account_id
          left join people p on p.id = a.person_id
        where ${where}
        order by l.at desc, l.id desc
        limit ${options.limit} offset ${options.offset}`,
  );
  const [count] = await queryRows<{ total: number | string }>(
    db,
    sql`select count(*) as total from audit_log l where ${where}`,
  );
  return { rows, total: Number(count?.total ?? 0) };
}

export async function listGrantedRoles(db: Db, accountId: number) {
  return db
    .select({ role: accountRoles.role, scopeUnitId: accountRoles.scopeUnitId })
    .from(accountRoles)
    .where(eq(accountRoles.accountId, accountId));
}

export async function listManagedUnitIds(db: Db, personId: number): Promise<number[]> {
  const rows = await db
    .select({ unitId: unitManagers.unitId })
    .from(unitManagers)
    .where(eq(unitManagers.personId, personId));
  return rows.map((row) => row.unitId);
}

/** The person's unit and the entity above it (or the unit itself when it is an entity). */
export async function findPersonPlacement(db: Db, personId: number) {
  const rows = await queryRows<{ unit_id: number | null; entity_id: number | null; status: string }>(
    db,
    sql`select p.unit_id, p.status,
          ${entityOf(sql`u.path`)} as entity_id
        from people p left join org_units u on u.id = p.unit_id
        where p.id = ${personId}`,
  );
  return rows[0];
}

export async function setAccountLocale(db: Db, accountId: number, locale: AccountRow['locale']) {
  await db.update(accounts).set({ locale }).where(eq(accounts.id, accountId));
}
