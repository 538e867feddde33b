import {
  type ItemInput,
  quarterOf,
  quartersFrom,
  type RequestInput,
  type TransitionInput,
} from '../../../../shared/api/entities-support';
import type { Db } from '../../../db/client';
import type { SupportRequestStatus } from '../../../db/schema';
import type { Principal } from '../../../http/access';
import type { Actor } from '../../../http/actor';
import { AppError, type FieldIssue } from '../../../http/errors';
import { translator } from '../../../http/i18n';
import { type MailMessage, mailJob } from '../../../mail/mailer';
import { audit } from '../../../platform/audit';
import type { ModuleDeps } from '../../../platform/module';
import { notify } from '../../../platform/notifications';
import * as policy from './support.policy';
import * as repo from './support.repo';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'events'>;

/** How far ahead an entity may ask: this quarter and the next seven (two years). */
export const REQUESTABLE_QUARTERS = 8;

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const issue = (path: string, message: string, params: Record<string, unknown> = {}): FieldIssue => ({
  path,
  code: 'custom',
  message,
  params,
});

function presentItem(row: repo.ItemRow, quarter: string, taken: number) {
  return {
    id: row.id,
    titleNl: row.titleNl,
    titleEn: row.titleEn,
    descriptionNl: row.descriptionNl,
    descriptionEn: row.descriptionEn,
    format: row.format,
    durationMinutes: row.durationMinutes,
    capacityPerQuarter: row.capacityPerQuarter,
    values: row.values,
    active: row.active,
    synthetic: row.synthetic,
    quarter,
    taken,
    left: Math.max(0, row.capacityPerQuarter - taken),
  };
}

function presentRequest(row: repo.RequestRow, principal: Principal) {
  return {
    id: row.id,
    itemId: row.item_id,
    itemTitleNl: row.item_title_nl,
    itemTitleEn: row.item_title_en,
    entityId: row.entity_id,
    entityNameNl: row.entity_name_nl,
    entityNameEn: row.entity_name_en,
    quarter: row.quarter,
    status: row.status,
    note: row.note,
    requestedBy: row.requested_by_name,
    declineReason: row.decline_reason,
    plannedOn: row.planned_on,
    deliveredAt: iso(row.delivered_at),
    rating: row.rating,
    evaluationComment: row.evaluation_comment,
    synthetic: row.synthetic,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    next: policy.nextSteps(principal, row.entity_id, row.status),
  };
}

// ---- catalogue -------------------------------------------------------------------------------

export async function listItems(
  db: Db,
  actor: Actor,
  query: { quarter?: string; includeInactive?: 'true' | 'false' },
) {
  const quarter = query.quarter ?? quarterOf(new Date());
  // Inactive items are the programme's own business; coordinators see what they can request.
  const includeInactive =
    query.includeInactive === 'true' && actor.principal.roles.includes('programme_admin');
  const [rows, taken] = [await repo.listItems(db, includeInactive), await repo.takenByItem(db, quarter)];
  return { quarter, items: rows.map((row) => presentItem(row, quarter, taken.get(row.id) ?? 0)) };
}

export async function createItem(db: Db, actor: Actor, input: ItemInput) {
  return db.transaction(async (tx) => {
    const row = await repo.insertItem(tx, input);
    await audit(
      tx,
      actor.principal,
      'entities.support.item.create',
      { type: 'support_item', id: row.id },
      {
        titleNl: row.titleNl,
        capacityPerQuarter: row.capacityPerQuarter,
      },
      actor.ip,
    );
    return presentItem(row, quarterOf(new Date()), 0);
  });
}

/** Lowering the capacity never cancels requests already made; it only stops new ones. */
export async function updateItem(db: Db, actor: Actor, id: number, input: ItemInput) {
  return db.transaction(async (tx) => {
    const before = await repo.lockItem(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const row = (await repo.updateItem(tx, id, input))!;
    await audit(
      tx,
      actor.principal,
      'entities.support.item.update',
      { type: 'support_item', id },
      {
        capacityPerQuarter: [before.capacityPerQuarter, row.capacityPerQuarter],
        active: [before.active, row.active],
      },
      actor.ip,
    );
    const quarter = quarterOf(new Date());
    return presentItem(row, quarter, await repo.countHeld(tx, id, quarter));
  });
}

// ---- requests --------------------------------------------------------------------------------

export async function listRequests(
  db: Db,
  actor: Actor,
  query: { status?: SupportRequestStatus; entityId?: number },
) {
  const rows = await repo.listRequests(db, {
    entityIds: policy.requestScope(actor.principal),
    ...query,
  });
  return { items: rows.map((row) => presentRequest(row, actor.principal)) };
}

export async function getRequest(db: Db, actor: Actor, id: number) {
  const row = await repo.findRequest(db, id);
  // Another entity's request looks like no request at all.
  if (!row || !policy.canSeeRequest(actor.principal, row.entity_id)) throw new AppError('NOT_FOUND');
  return presentRequest(row, actor.principal);
}

/**
 * Asks for an item in a quarter. The item's row is locked first, so the count of held places and the new
 * request are one step for every other request of that item: the last place goes to one request only, on
 * one server or several. Both sides are mailed in the same transaction.
 */
export async function request(deps: Deps, actor: Actor, input: RequestInput) {
  if (!policy.canRequestFor(actor.principal, input.entityId)) throw new AppError('FORBIDDEN');
  const current = quarterOf(new Date());
  if (!quartersFrom(current, REQUESTABLE_QUARTERS).includes(input.quarter))
    throw new AppError('VALIDATION_FAILED', {}, [
      issue('body.quarter', 'entities-support.validation.quarterRange', { from: current }),
    ]);
  const entity = await repo.findEntity(deps.db, input.entityId);
  if (!entity)
    throw new AppError('VALIDATION_FAILED', {}, [
      issue('body.entityId', 'entities-support.validation.entity'),
    ]);
  const id = await deps.db.transaction(async (tx) => {
    const item = await repo.lockItem(tx, input.itemId);
    if (!item?.active)
      throw new AppError('VALIDATION_FAILED', {}, [issue('body.itemId', 'entities-support.validation.item')]);
    const held = await repo.countHeld(tx, item.id, input.quarter);
    if (held >= item.capacityPerQuarter)
      throw new AppError('CONFLICT', {}, [
        issue('body.quarter', 'entities-support.errors.full', { quarter: input.quarter }),
      ]);
    const id = await repo.insertRequest(tx, {
      itemId: item.id,
      entityId: entity.id,
      quarter: input.quarter,
      note: input.note,
      requestedBy: actor.principal.accountId,
    });
    await audit(
      tx,
      actor.principal,
      'entities.support.request.create',
      { type: 'support_request', id },
      {
        itemId: item.id,
        entityId: entity.id,
        quarter: input.quarter,
      },
      actor.ip,
    );
    await mailBothSides(deps, tx, (await repo.findRequest(tx, id))!, actor.principal.accountId);
    return id;
  });
  return presentRequest((await repo.findRequest(deps.db, id))!, actor.principal);
}

/**
 * One step of a request. The request row is locked, so two steps on it cannot both start from the same
 * state; an acceptance also locks the item and checks that accepted requests stay within the capacity.
 */
export async function transition(deps: Deps, actor: Actor, id: number, input: TransitionInput) {
  await deps.db.transaction(async (tx) => {
    const row = await repo.findRequest(tx, id, true);
    if (!row || !policy.canSeeRequest(actor.principal, row.entity_id)) throw new AppError('NOT_FOUND');
    if (!policy.isLegal(row.status, input.to))
      throw new AppError('CONFLICT', {}, [
        issue('body.to', 'entities-support.errors.illegalTransition', { from: row.status, to: input.to }),
      ]);
    if (!policy.mayTake(actor.principal, row.entity_id, row.status, input.to))
      throw new AppError('FORBIDDEN');
    switch (input.to) {
      case 'accepted': {
        const item = (await repo.lockItem(tx, row.item_id))!;
        if ((await repo.countAccepted(tx, row.item_id, row.quarter)) >= item.capacityPerQuarter)
          throw new AppError('CONFLICT', {}, [
            issue('body.to', 'entities-support.errors.full', { quarter: row.quarter }),
          ]);
        await repo.updateRequest(tx, id, { status: 'accepted' });
        break;
      }
      case 'declined':
        await repo.updateRequest(tx, id, { status: 'declined', declineReason: input.reason });
        break;
      case 'planned':
        if (Number.isNaN(Date.parse(`${input.date}T00:00:00Z`)))
          throw new AppError('VALIDATION_FAILED', {}, [
            issue('body.date', 'entities-support.validation.date'),
          ]);
        await repo.updateRequest(tx, id, { status: 'planned', plannedOn: input.date });
        break;
      case 'withdrawn':
        // The row lock above orders this against a concurrent acceptance or planning: whichever comes second
        // sees the other's status and gets a 409. The place is free once this commits.
        await repo.updateRequest(tx, id, { status: 'withdrawn' });
        break;
      case 'delivered':
        await repo.updateRequest(tx, id, { status: 'delivered', deliveredAt: new Date() });
        break;
      case 'evaluated':
        await repo.updateRequest(tx, id, {
          status: 'evaluated',
          rating: input.rating,
          evaluationComment: input.comment,
        });
        break;
    }
    const { to, ...details } = input;
    await audit(
      tx,
      actor.principal,
      `entities.support.request.${to}`,
      { type: 'support_request', id },
      {
        from: row.status,
        ...details,
      },
      actor.ip,
    );
    await mailBothSides(deps, tx, (await repo.findRequest(tx, id))!, actor.principal.accountId);
  });
  return presentRequest((await repo.findRequest(deps.db, id))!, actor.principal);
}

// ---- mail ------------------------------------------------------------------------------------

const mailId = (deps: Deps, local: string) => `<${local}@${new URL(deps.config.publicUrl).hostname}>`;

/** Each side hears of every step, in its own language, with a link to where it acts next. */
async function mailBothSides(deps: Deps, tx: Db, row: repo.RequestRow, actorAccountId: number) {
  const recipients = await repo.mailRecipients(tx, row.entity_id, row.requested_by);
  // The same people hear of the step in the app, once each, except whoever took it.
  const onEntitySide = new Set(recipients.entity.map((r) => r.account_id));
  for (const [side, list] of [
    ['entity', recipients.entity],
    ['programme', recipients.programme.filter((r) => !onEntitySide.has(r.account_id))],
  ] as const)
    await notify(
      deps,
      tx,
      { accountIds: list.map((r) => r.account_id).filter((accountId) => accountId !== actorAccountId) },
      {
        kind: 'support_request_status',
        params: {
          itemNl: row.item_title_nl,
          itemEn: row.item_title_en,
          entityNl: row.entity_name_nl,
          entityEn: row.entity_name_en ?? row.entity_name_nl,
          statusKey: `entities-support.status.${row.status}`,
        },
        link: side === 'programme' ? '/beheer/ondersteuning' : '/mijn/ondersteuning',
      },
    );
  const stamp = Date.now().toString(36);
  const seen = new Set<string>();
  for (const [side, list] of [
    ['entity', recipients.entity],
    ['programme', recipients.programme],
  ] as const) {
    for (const recipient of list) {
      const address = recipient.email.toLowerCase();
      if (seen.has(address)) continue;
      seen.add(address);
      const t = translator(recipient.locale);
      const item = recipient.locale === 'en' ? row.item_title_en : row.item_title_nl;
      const entity = (recipient.locale === 'en' && row.entity_name_en) || row.entity_name_nl;
      const status = t(`entities-support.status.${row.status}`);
      const details = [
        row.status === 'declined' && row.decline_reason
          ? t('entities-support.mail.reason', { reason: row.decline_reason })
          : '',
        row.status === 'planned' && row.planned_on
          ? t('entities-support.mail.date', { date: row.planned_on })
          : '',
        row.status === 'evaluated' && row.rating
          ? t('entities-support.mail.rating', { rating: row.rating, comment: row.evaluation_comment ?? '' })
          : '',
      ]
        .filter(Boolean)
        .join('\n');
      const message: MailMessage = {
        to: [recipient.email],
        subject: t('entities-support.mail.subject', { item, entity, status }),
        text: t('entities-support.mail.body', {
          item,
          entity,
          quarter: row.quarter,
          status,
          details,
          url: `${deps.config.publicUrl}${side === 'programme' ? '/beheer/ondersteuning' : '/mijn/ondersteuning'}`,
        }),
        messageId: mailId(deps, `support-${row.id}-${row.status}-${recipient.account_id}-${stamp}`),
      };
      await deps.jobs.enqueue(
        mailJob,
        message,
        { dedupeKey: `support-${row.id}-${row.status}-${recipient.account_id}-${stamp}` },
        tx,
      );
    }
  }
}
