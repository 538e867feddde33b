import { z } from 'zod';
import { paths } from '../../../shared/web-paths';
import type { Db } from '../../db/client';
import { type RecognitionEmailMode, type ValueKey, valueKeys } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { translator } from '../../http/i18n';
import { jobType } from '../../jobs/job-queue';
import { type MailMessage, mailJob } from '../../mail/mailer';
import { audit } from '../../platform/audit';
import { DEFAULT_K } from '../../platform/disclosure/planner';
import type { ModuleDeps } from '../../platform/module';
import { notify } from '../../platform/notifications';
import { type Placement, planRelease, subtreeCounts } from '../aggregates/release-planner';
import { latestRelease, publishRelease, type SnapshotBuilder } from '../aggregates/releases.service';
import * as policy from './recognition.policy';
import * as repo from './recognition.repo';
import type { SendInput } from './recognition.schemas';

type UnitStep = { nl: string; en: string | null };

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'events'>;

export const PAGE_SIZE = 20;
/** The weekly digest of appreciations, due at `at`; one per week (the dedupe key is its day). */
export const digestJob = jobType('recognition_digest', z.object({ at: z.string() }));

const iso = (d: string | Date) => new Date(d).toISOString();
const parseValues = (v: ValueKey[] | string): ValueKey[] => (typeof v === 'string' ? JSON.parse(v) : v);

function present(row: repo.MessageRow, viewer: number) {
  const mine =
    row.sender_person_id === viewer ? 'sender' : row.recipient_person_id === viewer ? 'recipient' : 'none';
  return {
    id: row.id,
    kind: row.kind,
    values: parseValues(row.values),
    body: row.body,
    sender: { personId: row.sender_person_id, name: row.sender_name },
    recipient: { personId: row.recipient_person_id, name: row.recipient_name },
    visibility: row.visibility,
    senderVisibility: row.sender_visibility,
    createdAt: iso(row.created_at),
    mine: mine as 'sender' | 'recipient' | 'none',
    canNarrow: mine === 'recipient' && row.visibility !== 'private',
  };
}

export async function searchColleagues(db: Db, actor: Actor, q: string) {
  const me = policy.personOf(actor.principal);
  const rows = await repo.searchColleagues(db, q, me, actor.principal.entityId);
  return rows.map((r) => ({
    personId: r.id,
    name: r.name,
    unitNameNl: r.unit_name_nl,
    unitNameEn: r.unit_name_en,
    unitPath: (typeof r.unit_path === 'string' ? JSON.parse(r.unit_path) : r.unit_path) as UnitStep[],
  }));
}

const mailId = (deps: Deps, local: string) => `<${local}@${new URL(deps.config.publicUrl).hostname}>`;

function notificationMail(
  deps: Deps,
  input: { id: number; kind: SendInput['kind']; senderName: string; email: string; language: 'nl' | 'en' },
): MailMessage {
  const t = translator(input.language);
  return {
    to: [input.email],
    subject: t(`recognition.mail.subject.${input.kind}`, { name: input.senderName }),
    text: t('recognition.mail.body', {
      name: input.senderName,
      url: `${deps.config.publicUrl}/waardering`,
    }),
    messageId: mailId(deps, `recognition-${input.id}`),
  };
}

/** Sends a message; the recipient hears of it by e-mail at once, in the weekly digest, or not, as they chose. */
export async function send(deps: Deps, actor: Actor, input: SendInput) {
  const me = policy.personOf(actor.principal);
  if (input.recipientPersonId === me)
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'body.recipientPersonId', code: 'custom', message: 'recognition.validation.notSelf' },
    ]);
  return deps.db.transaction(async (tx) => {
    const recipient = await repo.findPerson(tx, input.recipientPersonId);
    if (recipient?.status !== 'active' || recipient.unit_id === null)
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'body.recipientPersonId', code: 'custom', message: 'recognition.validation.recipient' },
      ]);
    const mode = await repo.getEmailMode(tx, recipient.id);
    const row = await repo.insertMessage(tx, {
      senderPersonId: me,
      recipientPersonId: recipient.id,
      unitId: recipient.unit_id,
      entityId: recipient.entity_id,
      kind: input.kind,
      body: input.body,
      visibility: input.visibility,
      values: input.values,
      notified: mode === 'immediate',
    });
    const sender = await repo.findPerson(tx, me);
    const senderName = sender ? `${sender.first_name} ${sender.last_name}` : actor.principal.displayName;
    // In the app always; by e-mail only as the recipient's preference says (immediately, weekly or never).
    await notify(
      deps,
      tx,
      { personIds: [recipient.id] },
      { kind: 'appreciation_received', params: { sender: senderName }, link: paths.recognition },
    );
    if (mode === 'immediate') {
      await deps.jobs.enqueue(
        mailJob,
        notificationMail(deps, {
          id: row.id,
          kind: input.kind,
          senderName,
          email: recipient.email,
          language: recipient.language,
        }),
        { dedupeKey: `recognition-${row.id}` },
        tx,
      );
    }
    const full = await repo.findMessage(tx, row.id);
    return present(full!, me);
  });
}

export async function list(db: Db, actor: Actor, box: 'received' | 'sent' | 'feed', page: number) {
  const me = policy.personOf(actor.principal);
  const { rows, total } = await repo.listMessages(db, me, box, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return { items: rows.map((r) => present(r, me)), page, pageSize: PAGE_SIZE, total };
}

export async function get(db: Db, actor: Actor, id: number) {
  const me = policy.personOf(actor.principal);
  const row = await repo.findVisibleMessage(db, me, id);
  // Not visible and not existing look the same: nobody learns that a private message exists.
  if (!row) throw new AppError('NOT_FOUND');
  return present(row, me);
}

/** The recipient narrows who sees the message; widening is refused. */
export async function narrow(db: Db, actor: Actor, id: number, to: 'private' | 'manager' | 'team') {
  const me = policy.personOf(actor.principal);
  return db.transaction(async (tx) => {
    const row = await repo.findMessage(tx, id, true);
    if (!row || row.hidden_at || !(row.recipient_person_id === me || row.sender_person_id === me))
      throw new AppError('NOT_FOUND');
    if (row.recipient_person_id !== me) throw new AppError('FORBIDDEN');
    if (!policy.canNarrow(row.visibility, to, true))
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'body.visibility', code: 'custom', message: 'recognition.validation.onlyNarrow' },
      ]);
    await repo.setVisibility(tx, id, to);
    return present({ ...row, visibility: to }, me);
  });
}

export async function report(db: Db, actor: Actor, id: number, reason: string) {
  const me = policy.personOf(actor.principal);
  const row = await repo.findVisibleMessage(db, me, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!(await repo.hasOpenReport(db, id, actor.principal.accountId)))
    await repo.insertReport(db, id, actor.principal.accountId, reason);
  return { ok: true as const };
}

export async function moderationQueue(db: Db, actor: Actor) {
  const { messages, reports } = await repo.listReportedMessages(db, policy.moderationScope(actor.principal));
  return {
    items: messages.map((m) => {
      const { mine: _m, canNarrow: _c, ...message } = present(m, -1);
      return {
        message: { ...message, hidden: !!m.hidden_at },
        entityId: m.entity_id,
        reports: reports
          .filter((r) => r.messageId === m.id)
          .map((r) => ({ id: r.id, reason: r.reason, createdAt: iso(r.createdAt) })),
      };
    }),
  };
}

/** A moderator keeps or hides a reported message; audited. */
export async function resolve(db: Db, actor: Actor, id: number, action: 'keep' | 'hide', note: string) {
  return db.transaction(async (tx) => {
    const row = await repo.findMessage(tx, id, true);
    if (!row) throw new AppError('NOT_FOUND');
    if (!policy.canModerateEntity(actor.principal, row.entity_id)) throw new AppError('FORBIDDEN');
    const resolution = action === 'hide' ? 'hidden' : 'kept';
    const resolved = await repo.resolveReports(tx, id, actor.principal.accountId, resolution, note);
    if (resolved === 0) throw new AppError('NOT_FOUND');
    await audit(
      tx,
      actor.principal,
      `recognition.message.${resolution === 'hidden' ? 'hide' : 'keep'}`,
      { type: 'recognition_message', id },
      { reports: resolved },
      actor.ip,
    );
    return { ok: true as const };
  });
}

export async function getPreferences(db: Db, actor: Actor) {
  return { emailMode: await repo.getEmailMode(db, policy.personOf(actor.principal)) };
}

export async function setPreferences(db: Db, actor: Actor, emailMode: RecognitionEmailMode) {
  await repo.setEmailMode(db, policy.personOf(actor.principal), emailMode);
  return { emailMode };
}

// ---- weekly digest ---------------------------------------------------------------------------

/** One e-mail per recipient who chose the weekly digest, listing who wrote since the last one. */
export async function runDigest(deps: Deps) {
  return deps.db.transaction(async (tx) => {
    const rows = await repo.takeDigestMessages(tx);
    const byPerson = new Map<number, typeof rows>();
    for (const row of rows)
      byPerson.set(row.recipient_person_id, [...(byPerson.get(row.recipient_person_id) ?? []), row]);
    for (const [personId, items] of byPerson) {
      const first = items[0]!;
      const t = translator(first.language);
      const lines = items
        .sort((a, b) => a.id - b.id)
        .map((m) => `- ${t(`recognition.mail.digestLine.${m.kind}`, { name: m.sender_name })}`);
      const lastId = Math.max(...items.map((m) => m.id));
      await deps.jobs.enqueue(
        mailJob,
        {
          to: [first.email],
          subject: t('recognition.mail.digestSubject', { count: items.length }),
          text: t('recognition.mail.digestBody', {
            lines: lines.join('\n'),
            url: `${deps.config.publicUrl}/waardering`,
          }),
          messageId: mailId(deps, `recognition-digest-${personId}-${lastId}`),
        } satisfies MailMessage,
        { dedupeKey: `recognition-digest-${personId}-${lastId}` },
        tx,
      );
    }
    return { recipients: byPerson.size, messages: rows.length };
  });
}

/** The next Monday 07:00 UTC after `from`. */
export function nextDigestAt(from: Date): Date {
  const next = new Date(from);
  next.setUTCHours(7, 0, 0, 0);
  const days = (8 - next.getUTCDay()) % 7;
  next.setUTCDate(next.getUTCDate() + days);
  if (next <= from) next.setUTCDate(next.getUTCDate() + 7);
  return next;
}

/** The dedupe key makes one digest job per week however many processes schedule it. */
export async function scheduleDigest(deps: Pick<Deps, 'jobs'>, at: Date) {
  await deps.jobs.enqueue(
    digestJob,
    { at: at.toISOString() },
    { runAt: at, dedupeKey: `recognition-digest-${at.toISOString().slice(0, 10)}` },
  );
}

export async function runWeeklyDigest(deps: Deps) {
  await runDigest(deps);
  await scheduleDigest(deps, nextDigestAt(new Date()));
}

// ---- aggregates ------------------------------------------------------------------------------

type AggregateCell = {
  unitId: number;
  parentId: number | null;
  path: string;
  depth: number;
  nameNl: string;
  nameEn: string | null;
  visible: boolean;
  people?: number;
  values?: Record<ValueKey, number>;
};
export type RecognitionPayload = { k: number; cells: AggregateCell[] };

const zeroValues = () => Object.fromEntries(valueKeys.map((k) => [k, 0])) as Record<ValueKey, number>;

/**
 * The appreciation release: every appreciated person is counted, with all their appreciations, under the
 * unit they are in at the snapshot (never the unit of their latest message, so a new message adds itself and
 * does not move a history). Each entity's subtree is a tree of its own; the plan is made for all of them at
 * once, jointly with the kept releases (see release-planner.ts), so two views of the same entity, or two
 * releases, never differ in a way that gives a hidden cell away.
 */
export const buildRecognitionSnapshot: SnapshotBuilder = async (db, priors) => {
  const units = await repo.unitsWithinEntities(db);
  const received = await repo.appreciationsPerRecipient(db);
  const inForest = new Set(units.map((u) => u.id));
  const perPerson = new Map<number, { unitId: number; values: Record<ValueKey, number> }>();
  for (const r of received) {
    if (!inForest.has(r.unit_id)) continue;
    const entry = perPerson.get(r.person_id) ?? { unitId: r.unit_id, values: zeroValues() };
    entry.values[r.value_key] += r.n;
    perPerson.set(r.person_id, entry);
  }
  const subjects = new Map<string, Placement>();
  for (const [personId, p] of perPerson)
    subjects.set(String(personId), {
      unit: String(p.unitId),
      fp: valueKeys.map((k) => p.values[k]).join('.'),
    });
  // An entity is the root of its own tree, also when it sits under another unit in the org chart.
  const parentOf = (u: repo.UnitRow) => (u.kind === 'entity' || u.parent_id === null ? null : u.parent_id);
  const tree = units.map((u) => ({
    id: String(u.id),
    parentId: parentOf(u) === null ? null : String(parentOf(u)),
  }));
  const release = planRelease({
    k: DEFAULT_K,
    units: subtreeCounts(tree, subjects),
    subjects,
    priors: priors.flatMap((b) => (b.units ? [b.units] : [])),
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  const sums = new Map<number, { people: number; values: Record<ValueKey, number> }>();
  for (const p of perPerson.values()) {
    const seen = new Set<number>();
    for (let id: number | null = p.unitId; id !== null && !seen.has(id); ) {
      seen.add(id);
      if (release.visible(`unit:${id}`)) {
        const sum = sums.get(id) ?? { people: 0, values: zeroValues() };
        sum.people += 1;
        for (const k of valueKeys) sum.values[k] += p.values[k];
        sums.set(id, sum);
      }
      const unit = byId.get(id);
      id = unit ? parentOf(unit) : null;
    }
  }
  const payload: RecognitionPayload = {
    k: DEFAULT_K,
    cells: units.map((u) => {
      const visible = release.visible(`unit:${u.id}`);
      const sum = sums.get(u.id) ?? { people: 0, values: zeroValues() };
      return {
        unitId: u.id,
        parentId: parentOf(u),
        path: u.path,
        depth: u.depth,
        nameNl: u.name_nl,
        nameEn: u.name_en,
        visible,
        ...(visible ? { people: sum.people, values: sum.values } : {}),
      };
    }),
  };
  return { payload, basis: { units: release.basis } };
};

/** Takes a new appreciation snapshot now (the periodic job, and tests that play a day forward). */
export const publishRecognitionRelease = (db: Db) =>
  publishRelease<RecognitionPayload>(db, 'recognition', buildRecognitionSnapshot);

/**
 * How often each value is recognised (appreciations), per unit, for the units the viewer may look at, from
 * the latest release (figures as of its date).
 */
export async function aggregates(db: Db, actor: Actor, unitId: number | undefined) {
  const roots = policy.aggregateRoots(actor.principal);
  const release = await latestRelease<RecognitionPayload>(db, 'recognition', buildRecognitionSnapshot);
  const cells = release.payload.cells;
  const byId = new Map(cells.map((c) => [c.unitId, c]));
  const scopeRows = roots.all
    ? cells.filter((c) => c.parentId === null).sort((a, b) => a.nameNl.localeCompare(b.nameNl, 'nl'))
    : (await repo.listUnitsByIds(db, roots.unitIds)).flatMap((u) =>
        byId.has(u.id) ? [byId.get(u.id)!] : [],
      );
  const scopes = scopeRows.map((u) => ({ unitId: u.unitId, nameNl: u.nameNl, nameEn: u.nameEn }));
  const empty = { k: release.payload.k, releasedAt: release.releasedAt, scopes, unitId: null, units: [] };
  const chosenId = unitId ?? scopes[0]?.unitId;
  if (chosenId === undefined) return empty;
  const chosen = byId.get(chosenId);
  if (!chosen) {
    // A unit outside every entity (or created after the release) has no figures; one that does not exist is 404.
    if (!(await repo.findUnit(db, chosenId))) throw new AppError('NOT_FOUND');
    if (unitId !== undefined && !roots.all) throw new AppError('FORBIDDEN');
    return { ...empty, unitId: chosenId };
  }
  const allowed = roots.all || scopeRows.some((s) => chosen.path.startsWith(s.path));
  if (!allowed) throw new AppError('FORBIDDEN');
  const within = (c: AggregateCell) => {
    for (
      let at: AggregateCell | undefined = c;
      at;
      at = at.parentId === null ? undefined : byId.get(at.parentId)
    )
      if (at.unitId === chosen.unitId) return true;
    return false;
  };
  const shown = cells
    .filter(within)
    .sort((a, b) => a.depth - b.depth || a.nameNl.localeCompare(b.nameNl, 'nl') || a.unitId - b.unitId);
  return {
    k: release.payload.k,
    releasedAt: release.releasedAt,
    scopes,
    unitId: chosen.unitId,
    units: shown.map((u) => ({
      unitId: u.unitId,
      parentId: u.unitId === chosen.unitId ? null : u.parentId,
      nameNl: u.nameNl,
      nameEn: u.nameEn,
      depth: u.depth - chosen.depth,
      visible: u.visible,
      ...(u.visible ? { people: u.people, values: u.values } : {}),
    })),
  };
}
