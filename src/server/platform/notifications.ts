/**
 * The one way a module tells people something in the app: `notify()` stores one notification per recipient
 * account in the caller's transaction and wakes the open notification streams after the commit. Modules
 * never write the notifications table themselves; the notifications module lists, marks read and expires.
 *
 * A notification carries a kind (its text is rendered in the reader's language when listed), a few values
 * for that text and a link. It must never carry what a survey answer or an aggregate below k would reveal.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { type NotificationKind, notificationKinds } from '../../shared/notifications';
import type { Db } from '../db/client';
import { accounts, notifications } from '../db/schema';
import type { EventBus } from '../events/event-bus';

export { type NotificationKind, notificationKinds };

/** The event channel on which new notifications are announced: `{ accountIds }`, never their content. */
export const NOTIFICATIONS_CHANNEL = 'notifications';

export type NotificationInput = {
  kind: NotificationKind;
  /**
   * Values for the kind's text. A pair `xNl`/`xEn` becomes `x` in the reader's language; a value under a name
   * ending in `Key` is a catalogue key, translated for the reader (a status).
   */
  params?: Record<string, string | number>;
  link?: string | null;
};

/** Recipients by account, or by person (the account of each person, when they have one). */
export type Recipients = { accountIds?: readonly number[]; personIds?: readonly number[] };

const CHUNK = 500;

export async function notify(
  deps: { events: EventBus },
  db: Db,
  to: Recipients,
  notification: NotificationInput,
): Promise<number[]> {
  const ids = new Set(to.accountIds ?? []);
  const personIds = [...new Set(to.personIds ?? [])];
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const rows = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        and(
          inArray(accounts.personId, personIds.slice(i, i + CHUNK)),
          eq(accounts.disabled, false),
          isNotNull(accounts.personId),
        ),
      );
    for (const row of rows) ids.add(row.id);
  }
  const accountIds = [...ids];
  if (accountIds.length === 0) return [];
  for (let i = 0; i < accountIds.length; i += CHUNK) {
    await db.insert(notifications).values(
      accountIds.slice(i, i + CHUNK).map((accountId) => ({
        accountId,
        kind: notification.kind,
        params: notification.params ?? {},
        link: notification.link ?? null,
      })),
    );
  }
  // Only ids travel (NOTIFY payloads are small); each stream reads its own count after the commit.
  for (let i = 0; i < accountIds.length; i += CHUNK)
    await deps.events.publishOnCommit(db, NOTIFICATIONS_CHANNEL, {
      accountIds: accountIds.slice(i, i + CHUNK),
    });
  return accountIds;
}
