/**
 * The audit log: who did what to which record, from where. Every module writes its decisions here, in the
 * transaction that makes them; the admin's audit page reads it (auth module).
 */
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import type { Principal } from '../http/access';

export async function audit(
  db: Db,
  actor: Principal | null,
  action: string,
  target?: { type: string; id?: string | number },
  details?: Record<string, unknown>,
  ip?: string,
) {
  await db.insert(auditLog).values({
    actorAccountId: actor?.accountId ?? null,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id === undefined ? null : String(target.id),
    details: details ?? {},
    ip: ip ?? null,
  });
}
