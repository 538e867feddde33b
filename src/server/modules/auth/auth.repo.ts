import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { accountRoles, accounts, auditLog, sessions, unitManagers } from '../../db/schema';

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

export async function recordFailedSignIn(db: Db, accountId: number, lockAfter: number, lockMinutes: number) {
  await db.execute(sql`
    update accounts set
      failed_sign_ins = failed_sign_ins + 1,
      locked_until = case when failed_sign_ins + 1 >= ${lockAfter}
        then now() + make_interval(mins => ${lockMinutes}) else locked_until end
    where id = ${accountId}`);
}

export async function recordSuccessfulSignIn(db: Db, accountId: number) {
  await db
    .update(accounts)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() })
    .where(eq(accounts.id, accountId));
}

export async function insertSession(
  db: Db,
  values: { tokenHash: string; accountId: number; csrfToken: string; method: 'password' | 'oidc'; expiresAt: Date },
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
  await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
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
          (select e.id from org_units e
            where e.kind = 'entity' and u.path like e.path || '%'
            order by e.depth desc limit 1) as entity_id
        from people p left join org_units u on u.id = p.unit_id
        where p.id = ${personId}`,
  );
  return rows[0];
}

export async function insertAuditEntry(
  db: Db,
  entry: {
    actorAccountId: number | null;
    action: string;
    targetType?: string;
    targetId?: string | number;
    details?: Record<string, unknown>;
    ip?: string;
  },
) {
  await db.insert(auditLog).values({
    actorAccountId: entry.actorAccountId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}
