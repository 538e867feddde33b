import { z } from 'zod';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { type Locale, translator } from '../../../http/i18n';
import { jobType } from '../../../jobs/job-queue';
import { mailJob } from '../../../mail/mailer';
import { audit } from '../../../platform/audit';
import type { ModuleDeps } from '../../../platform/module';
import * as policy from '../instruments/instruments.policy';
import * as monitor from '../monitor.service';
import { shiftPeriod } from '../periods';
import type { ReportInput } from './report.model';
import { renderReportPdf } from './report.pdf';
import * as repo from './report.repo';
import { renderReportXlsx } from './report.xlsx';

/** Quarters the report's trend shows, the report's own included. */
export const REPORT_TREND_PERIODS = 4;

/** The report of a quarter once its snapshot is there; scheduled after each quarter's end. */
export const reportJob = jobType('monitor_report', z.object({ periodKey: z.string() }));

/** An hour after the quarter's end: the snapshot (half an hour after the end) has normally been taken. */
const AFTER_END_MS = 60 * 60_000;

const present = (row: Awaited<ReturnType<typeof repo.insertReport>>) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

/** What the report of a period holds: the staff audience's released figures of the government and entities. */
export async function reportInput(
  db: Db,
  periodKey: string,
  locale: Locale,
  now = new Date(),
): Promise<ReportInput> {
  const periods = (await monitor.listPeriods(db)).sort((a, b) => a.key.localeCompare(b.key));
  const index = periods.findIndex((p) => p.key === periodKey);
  if (index < 0)
    throw new AppError('NOT_FOUND', {}, [
      {
        path: 'body.periodKey',
        code: 'custom',
        message: 'monitor-io.validation.noFigures',
        params: { period: periodKey },
      },
    ]);
  const shown = periods.slice(Math.max(0, index - REPORT_TREND_PERIODS + 1), index + 1);
  const [catalogue, figures] = await Promise.all([
    monitor.catalogue(db),
    monitor.releasedFigures(db, {
      periodKeys: shown.map((p) => p.key),
      audience: 'staff',
      unitKinds: ['entity'],
      government: true,
      locale,
    }),
  ]);
  return { period: periods[index]!, periods: shown, catalogue, figures, locale, generatedAt: now };
}

async function generate(
  db: Db,
  periodKey: string,
  locale: Locale,
  trigger: 'on-demand' | 'snapshot',
  actor: Actor | null,
) {
  const input = await reportInput(db, periodKey, locale);
  const [pdf, xlsx] = await Promise.all([renderReportPdf(input), renderReportXlsx(input)]);
  return db.transaction(async (tx) => {
    const row = await repo.insertReport(tx, {
      periodKey,
      locale,
      pdf,
      xlsx,
      trigger,
      accountId: actor?.principal.accountId ?? null,
    });
    await audit(
      tx,
      actor?.principal ?? null,
      'monitor.report.generate',
      { type: 'monitor_report', id: row.id },
      { periodKey, locale, trigger },
      actor?.ip,
    );
    return row;
  });
}

export async function list(db: Db, actor: Actor) {
  policy.assertMayManage(actor.principal);
  return { items: (await repo.listReports(db)).map(present) };
}

export async function createOnDemand(db: Db, actor: Actor, periodKey: string, locale: Locale) {
  policy.assertMayManage(actor.principal);
  return present(await generate(db, periodKey, locale, 'on-demand', actor));
}

export async function file(db: Db, actor: Actor, id: number, format: 'pdf' | 'xlsx') {
  policy.assertMayManage(actor.principal);
  const row = await repo.reportFile(db, id, format);
  if (!row) throw new AppError('NOT_FOUND');
  const base = row.locale === 'nl' ? 'managementrapport' : 'management-report';
  return { fileName: `${base}-${row.periodKey}-${row.locale}.${format}`, content: row.file };
}

/**
 * After a quarter's snapshot: one report per language the subscribers read (Dutch always), and to each
 * subscriber a mail with the links. Throws while the snapshot is missing, so the job queue tries again later.
 */
export async function afterSnapshot(deps: ModuleDeps, periodKey: string) {
  const periods = await monitor.listPeriods(deps.db);
  if (!periods.some((p) => p.key === periodKey))
    throw new Error(`the snapshot of ${periodKey} is not there yet`);
  const subscribers = await repo.listSubscribers(deps.db);
  const locales = new Set<Locale>(['nl', ...subscribers.map((s) => s.locale)]);
  const made = new Map<Locale, number>();
  for (const locale of locales) {
    if (await repo.snapshotReportExists(deps.db, periodKey, locale)) continue;
    made.set(locale, (await generate(deps.db, periodKey, locale, 'snapshot', null)).id);
  }
  const host = new URL(deps.config.publicUrl).hostname;
  for (const subscriber of subscribers) {
    const id = made.get(subscriber.locale);
    if (id === undefined) continue;
    const t = translator(subscriber.locale);
    const link = (format: string) => `${deps.config.publicUrl}/api/monitor/reports/${id}/report.${format}`;
    await deps.jobs.enqueue(
      mailJob,
      {
        to: [subscriber.email],
        subject: t('monitor-io.report.mailSubject', { period: periodKey }),
        text: t('monitor-io.report.mailBody', { period: periodKey, pdf: link('pdf'), xlsx: link('xlsx') }),
        messageId: `<monitor-report-${id}-${subscriber.id}@${host}>`,
      },
      { dedupeKey: `monitor-report-${id}-${subscriber.id}` },
    );
  }
}

/** The report job of the quarter after `periodKey`, due an hour after that quarter ends. */
export async function scheduleAfter(deps: ModuleDeps, periodKey: string) {
  const next = shiftPeriod(periodKey, 1);
  await deps.jobs.enqueue(
    reportJob,
    { periodKey: next.key },
    { runAt: new Date(next.end.getTime() + AFTER_END_MS), dedupeKey: `monitor-report-${next.key}` },
  );
}

export async function subscribers(db: Db, actor: Actor) {
  policy.assertMayManage(actor.principal);
  return {
    items: (await repo.listSubscribers(db)).map((s) => ({
      id: s.id,
      email: s.email,
      locale: s.locale,
      createdAt: s.createdAt.toISOString(),
    })),
  };
}

export async function addSubscriber(db: Db, actor: Actor, input: { email: string; locale: Locale }) {
  policy.assertMayManage(actor.principal);
  return db.transaction(async (tx) => {
    if (await repo.findSubscriberByEmail(tx, input.email))
      throw new AppError('CONFLICT', {}, [
        { path: 'body.email', code: 'custom', message: 'monitor-io.validation.subscriberTaken' },
      ]);
    const row = await repo.insertSubscriber(tx, input);
    await audit(
      tx,
      actor.principal,
      'monitor.report.subscribe',
      { type: 'monitor_report_subscriber', id: row.id },
      { email: row.email },
      actor.ip,
    );
    return { id: row.id, email: row.email, locale: row.locale, createdAt: row.createdAt.toISOString() };
  });
}

export async function removeSubscriber(db: Db, actor: Actor, id: number) {
  policy.assertMayManage(actor.principal);
  return db.transaction(async (tx) => {
    const removed = await repo.removeSubscriber(tx, id);
    if (!removed) throw new AppError('NOT_FOUND');
    await audit(
      tx,
      actor.principal,
      'monitor.report.unsubscribe',
      { type: 'monitor_report_subscriber', id },
      { email: removed.email },
      actor.ip,
    );
    return { ok: true as const };
  });
}
