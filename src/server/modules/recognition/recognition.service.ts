import type { AppDeps } from '../../app';
import type { Db } from '../../db/client';
import { type RecognitionEmailMode, type ValueKey, valueKeys } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { translator } from '../../http/i18n';
import { MAIL_QUEUE, type MailMessage } from '../../mail/mailer';
import { audit } from '../auth/auth.service';
import { cellKey, DEFAULT_K, planDisclosure } from '../survey/anonymity/suppression';
import * as policy from './recognition.policy';
import * as repo from './recognition.repo';
import type { SendInput } from './recognition.schemas';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'config'>;

export const PAGE_SIZE = 20;
export const DIGEST_QUEUE = 'recognition_digest';

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
    if (mode === 'immediate') {
      const sender = await repo.findPerson(tx, me);
      await deps.jobs.enqueue(
        MAIL_QUEUE,
        notificationMail(deps, {
          id: row.id,
          kind: input.kind,
          senderName: sender ? `${sender.first_name} ${sender.last_name}` : actor.principal.displayName,
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
        MAIL_QUEUE,
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
    DIGEST_QUEUE,
    { at: at.toISOString() },
    { runAt: at, dedupeKey: `recognition-digest-${at.toISOString().slice(0, 10)}` },
  );
}

export async function runWeeklyDigest(deps: Deps) {
  await runDigest(deps);
  await scheduleDigest(deps, nextDigestAt(new Date()));
}

// ---- aggregates ------------------------------------------------------------------------------

/**
 * How often each value is recognised (appreciations), per unit, for the units the viewer may look at.
 * The plan is always made for the whole entity, whatever part of it is shown, so that two views of
 * the same entity (a manager's and a coordinator's) never differ in a way that gives a hidden cell away.
 */
export async function aggregates(db: Db, actor: Actor, unitId: number | undefined) {
  const roots = policy.aggregateRoots(actor.principal);
  const scopeRows = roots.all ? await repo.listEntities(db) : await repo.listUnitsByIds(db, roots.unitIds);
  const scopes = scopeRows.map((u) => ({ unitId: u.id, nameNl: u.name_nl, nameEn: u.name_en }));
  const empty = { k: DEFAULT_K, scopes, unitId: null, units: [] };
  const chosenId = unitId ?? scopes[0]?.unitId;
  if (chosenId === undefined) return empty;
  const chosen = await repo.findUnit(db, chosenId);
  if (!chosen) throw new AppError('NOT_FOUND');
  const allowed = roots.all || scopeRows.some((s) => chosen.path.startsWith(s.path));
  if (!allowed) throw new AppError('FORBIDDEN');
  const entity = (await repo.entityOfUnit(db, chosen.id)) ?? chosen;
  const units = await repo.listSubtree(db, entity.path);
  const counts = await repo.appreciationCounts(db, entity.path);

  const direct = new Map<number, number>();
  const valuesDirect = new Map<number, Map<ValueKey, number>>();
  for (const c of counts) {
    direct.set(c.unit_id, c.people);
    if (c.value_key) {
      const m = valuesDirect.get(c.unit_id) ?? new Map<ValueKey, number>();
      m.set(c.value_key, c.n);
      valuesDirect.set(c.unit_id, m);
    }
  }
  // Subtree sums, deepest units first.
  const subtreePeople = new Map<number, number>();
  const subtreeValues = new Map<number, Record<ValueKey, number>>();
  const zero = () => Object.fromEntries(valueKeys.map((k) => [k, 0])) as Record<ValueKey, number>;
  for (const u of units) {
    subtreePeople.set(u.id, direct.get(u.id) ?? 0);
    const v = zero();
    for (const [k, n] of valuesDirect.get(u.id) ?? []) v[k] += n;
    subtreeValues.set(u.id, v);
  }
  for (const u of [...units].sort((a, b) => b.depth - a.depth)) {
    if (u.id === entity.id || u.parent_id === null || !subtreePeople.has(u.parent_id)) continue;
    subtreePeople.set(u.parent_id, subtreePeople.get(u.parent_id)! + subtreePeople.get(u.id)!);
    const pv = subtreeValues.get(u.parent_id)!;
    for (const k of valueKeys) pv[k] += subtreeValues.get(u.id)![k];
  }
  const plan = planDisclosure({
    units: units.map((u) => ({
      id: String(u.id),
      parentId: u.id === entity.id ? null : String(u.parent_id),
      n: subtreePeople.get(u.id)!,
    })),
    k: DEFAULT_K,
  });
  const shown = units.filter((u) => u.path.startsWith(chosen.path));
  return {
    k: plan.k,
    scopes,
    unitId: chosen.id,
    units: shown.map((u) => {
      const visible = plan.byKey.get(cellKey('unit', String(u.id)))?.visible ?? false;
      return {
        unitId: u.id,
        parentId: u.id === chosen.id ? null : u.parent_id,
        nameNl: u.name_nl,
        nameEn: u.name_en,
        depth: u.depth - chosen.depth,
        visible,
        ...(visible ? { people: subtreePeople.get(u.id)!, values: subtreeValues.get(u.id)! } : {}),
      };
    }),
  };
}
