import { z } from 'zod';
import { NOTIFICATIONS_PAGE_SIZE } from '../../../shared/api/notifications';
import type { NotificationKind } from '../../../shared/notifications';
import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';
import { type Locale, translator } from '../../http/i18n';
import { jobType } from '../../jobs/job-queue';
import type { ModuleDeps } from '../../platform/module';
import { NOTIFICATIONS_CHANNEL } from '../../platform/notifications';
import * as repo from './notifications.repo';

type Deps = Pick<ModuleDeps, 'db' | 'events' | 'jobs' | 'background'>;

/** Notifications older than this are deleted by the daily job, read or not. */
export const RETENTION_DAYS = 90;

export const purgeJob = jobType('notifications_purge', z.object({ day: z.string() }));

/** The stored values in the reader's language: `xNl`/`xEn` pairs become `x`, `…Key` values are translated. */
export function localizedParams(params: Record<string, string | number>, locale: Locale) {
  const t = translator(locale);
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Nl')) {
      const base = name.slice(0, -2);
      const en = params[`${base}En`];
      out[base] = locale === 'en' && en ? en : value;
    } else if (name.endsWith('Key') && typeof value === 'string') out[name.slice(0, -3)] = t(value);
    else if (!name.endsWith('En')) out[name] = value;
  }
  return out;
}

function present(row: repo.NotificationRow, locale: Locale) {
  const t = translator(locale);
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    text: t(`notifications.kinds.${row.kind}`, localizedParams(row.params, locale)),
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  };
}

/** The own notifications in the language of the request (the language switch, else the account's). */
export async function list(
  deps: Deps,
  principal: Principal,
  query: { page: number; unread: boolean },
  locale: Locale = principal.locale,
) {
  const { rows, total } = await repo.listOwn(
    deps.db,
    principal.accountId,
    query.unread,
    NOTIFICATIONS_PAGE_SIZE,
    (query.page - 1) * NOTIFICATIONS_PAGE_SIZE,
  );
  return {
    items: rows.map((row) => present(row, locale)),
    page: query.page,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
    total,
    unread: await repo.countUnread(deps.db, principal.accountId),
  };
}

export async function unread(deps: Pick<Deps, 'db'>, accountId: number) {
  return { unread: await repo.countUnread(deps.db, accountId) };
}

/** Tells the account's other open streams (other tabs, other processes) that its count changed. */
async function countChanged(deps: Deps, accountId: number) {
  // The change is committed; a lost wake-up only leaves another tab's badge stale until its next event.
  await deps.events
    .publish(NOTIFICATIONS_CHANNEL, { accountIds: [accountId] })
    .catch((error: unknown) => deps.background.report('notifications:event', error, { accountId }));
}

export async function markRead(deps: Deps, principal: Principal, id: number) {
  // Someone else's notification is answered like a missing one, so ids reveal nothing.
  if (!(await repo.markRead(deps.db, principal.accountId, id, new Date()))) throw new AppError('NOT_FOUND');
  await countChanged(deps, principal.accountId);
  return unread(deps, principal.accountId);
}

export async function markAllRead(deps: Deps, principal: Principal) {
  await repo.markAllRead(deps.db, principal.accountId, new Date());
  await countChanged(deps, principal.accountId);
  return unread(deps, principal.accountId);
}

export async function purgeExpired(deps: Pick<Deps, 'db'>, now = new Date()) {
  return repo.deleteCreatedBefore(deps.db, new Date(now.getTime() - RETENTION_DAYS * 86_400_000));
}

const dayKey = (date: Date) => date.toISOString().slice(0, 10);

export async function schedulePurge(deps: Pick<Deps, 'jobs'>, at: Date) {
  await deps.jobs.enqueue(
    purgeJob,
    { day: dayKey(at) },
    { runAt: at, dedupeKey: `notifications-purge-${dayKey(at)}` },
  );
}

export async function runDailyPurge(deps: Deps) {
  await purgeExpired(deps);
  const tomorrow = new Date();
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  tomorrow.setUTCHours(2, 30, 0, 0);
  await schedulePurge(deps, tomorrow);
}
