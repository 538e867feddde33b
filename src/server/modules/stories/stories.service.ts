import { type SubmissionData, submissionData } from '../../../shared/api/stories';
import { paths } from '../../../shared/web-paths';
import type { Db } from '../../db/client';
import type { StoryReaction, StoryStatus, ValueKey } from '../../db/schema';
import type { Principal } from '../../http/access';
import type { Actor } from '../../http/actor';
import { AppError, type FieldIssue } from '../../http/errors';
import { translator } from '../../http/i18n';
import { type MailMessage, mailJob } from '../../mail/mailer';
import { audit } from '../../platform/audit';
import type { ModuleDeps } from '../../platform/module';
import { notify } from '../../platform/notifications';
import { MAX_IMAGES, type ProcessedImage, processImage } from './stories.images';
import * as policy from './stories.policy';
import * as repo from './stories.repo';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'events'>;

export const PAGE_SIZE = 12;

const iso = (d: string | Date) => new Date(d).toISOString();
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
export const imageUrl = (id: number) => `/api/stories/images/${id}`;

function present(row: repo.StoryRow, principal: Principal | null) {
  const mine = policy.isAuthor(principal, row.author_person_id);
  const images = json<{ id: number; alt: string; width: number; height: number }[]>(row.images);
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    values: json<ValueKey[]>(row.values),
    images: images.map((i) => ({ ...i, url: imageUrl(i.id) })),
    entity:
      row.entity_id === null
        ? null
        : { id: row.entity_id, nameNl: row.entity_name_nl ?? '', nameEn: row.entity_name_en },
    authorName: row.author_name,
    createdAt: iso(row.created_at),
    status: row.status,
    publicConsent: row.public_consent,
    rejectReason: policy.canReadRejectReason(principal, {
      authorPersonId: row.author_person_id,
      entityId: row.entity_id,
    })
      ? row.reject_reason
      : null,
    reactions: json<Record<StoryReaction, number>>(row.reactions),
    myReaction: row.my_reaction,
    mine,
  };
}

export type Upload = { fileName: string; mimeType: string; bytes: Buffer };

/** Validates the text part as the JSON routes do, with the same error shape (paths under `body.`). */
export function parseSubmission(raw: string | undefined): SubmissionData {
  let data: unknown;
  try {
    data = JSON.parse(raw ?? '');
  } catch {
    // Not JSON (or missing): the client's mistake, answered as a missing field like any other.
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.data', code: 'required' }]);
  }
  const parsed = submissionData.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => {
    const { path, code, message, input: _input, ...params } = issue as typeof issue & { input?: unknown };
    return {
      path: ['body', ...path.map(String)].join('.'),
      code: code === 'invalid_type' && _input === undefined ? 'required' : code,
      message,
      params: params as Record<string, unknown>,
    };
  });
  throw new AppError('VALIDATION_FAILED', {}, issues);
}

/** A new story waits for moderation; its images are checked by content and re-encoded before anything is stored. */
export async function submit(deps: Deps, actor: Actor, data: SubmissionData, uploads: Upload[]) {
  const authorId = policy.authorOf(actor.principal);
  if (uploads.length > MAX_IMAGES)
    throw new AppError('VALIDATION_FAILED', {}, [
      {
        path: 'body.images',
        code: 'custom',
        message: 'stories.errors.tooManyImages',
        params: { max: MAX_IMAGES },
      },
    ]);
  if (data.alts.length !== uploads.length)
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'body.alts', code: 'custom', message: 'stories.validation.altPerImage' },
    ]);
  const images: ProcessedImage[] = [];
  for (const [index, upload] of uploads.entries()) images.push(await processImage(index, upload));
  const author = await repo.findAuthor(deps.db, authorId);
  const id = await deps.db.transaction(async (tx) => {
    const storyId = await repo.insertStory(tx, {
      authorPersonId: authorId,
      entityId: author?.entity_id ?? null,
      title: data.title,
      body: data.body,
      publicConsent: data.publicConsent,
      values: data.values,
      images: images.map((image, i) => ({
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
        alt: data.alts[i]!,
        data: image.data,
      })),
    });
    const moderators = await repo.moderatorAccounts(tx, author?.entity_id ?? null);
    await notify(
      deps,
      tx,
      { accountIds: moderators.filter((accountId) => accountId !== actor.principal.accountId) },
      { kind: 'story_awaiting_moderation', params: { title: data.title }, link: paths.moderation },
    );
    return storyId;
  });
  return present((await repo.findStory(deps.db, id, actor.principal.accountId))!, actor.principal);
}

export async function gallery(
  db: Db,
  actor: Actor,
  query: { value?: ValueKey; entityId?: number; page: number },
) {
  const { rows, total } = await repo.listStories(
    db,
    { kind: 'gallery', value: query.value, entityId: query.entityId },
    actor.principal.accountId,
    PAGE_SIZE,
    (query.page - 1) * PAGE_SIZE,
  );
  const entities = await repo.entitiesWithApprovedStories(db);
  return {
    items: rows.map((r) => present(r, actor.principal)),
    page: query.page,
    pageSize: PAGE_SIZE,
    total,
    entities: entities.map((e) => ({ id: e.id, nameNl: e.name_nl, nameEn: e.name_en })),
  };
}

export async function mine(db: Db, actor: Actor) {
  const authorId = policy.authorOf(actor.principal);
  const { rows, total } = await repo.listStories(
    db,
    { kind: 'author', personId: authorId },
    actor.principal.accountId,
    100,
    0,
  );
  return { items: rows.map((r) => present(r, actor.principal)), page: 1, pageSize: 100, total, entities: [] };
}

export async function publicList(db: Db, query: { value?: ValueKey; page: number }) {
  const { rows, total } = await repo.listStories(
    db,
    { kind: 'public', value: query.value },
    null,
    PAGE_SIZE,
    (query.page - 1) * PAGE_SIZE,
  );
  return {
    items: rows.map((r) => {
      const p = present(r, null);
      return {
        id: p.id,
        title: p.title,
        body: p.body,
        values: p.values,
        images: p.images,
        // Public: the entity, never the author's name.
        entity: p.entity ? { nameNl: p.entity.nameNl, nameEn: p.entity.nameEn } : null,
        createdAt: p.createdAt,
      };
    }),
    page: query.page,
    pageSize: PAGE_SIZE,
    total,
  };
}

async function visibleStory(db: Db, principal: Principal | null, id: number) {
  const row = await repo.findStory(db, id, principal?.accountId ?? null);
  if (
    !row ||
    !policy.canSee(principal, {
      status: row.status,
      publicConsent: row.public_consent,
      authorPersonId: row.author_person_id,
      entityId: row.entity_id,
    })
  )
    throw new AppError('NOT_FOUND');
  return row;
}

export async function get(db: Db, actor: Actor, id: number) {
  return present(await visibleStory(db, actor.principal, id), actor.principal);
}

export async function moderationQueue(db: Db, actor: Actor, status: StoryStatus) {
  const scope = policy.moderatedEntities(actor.principal);
  const { rows, total } = await repo.listStories(
    db,
    { kind: 'moderation', status, entityIds: scope },
    actor.principal.accountId,
    100,
    0,
    'oldest',
  );
  return { items: rows.map((r) => present(r, actor.principal)), page: 1, pageSize: 100, total, entities: [] };
}

/** Approve or reject (with a reason the author reads); the author hears of it by e-mail; audited. */
export async function moderate(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { decision: 'approve' | 'reject'; reason: string },
) {
  await deps.db.transaction(async (tx) => {
    const story = await repo.lockStory(tx, id);
    if (!story) throw new AppError('NOT_FOUND');
    if (!policy.canModerate(actor.principal, story.entityId)) throw new AppError('FORBIDDEN');
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await repo.setModeration(tx, id, {
      status,
      accountId: actor.principal.accountId,
      reason: status === 'rejected' ? input.reason : null,
    });
    await audit(
      tx,
      actor.principal,
      `stories.story.${input.decision}`,
      { type: 'story', id },
      status === 'rejected' ? { reason: input.reason } : {},
      actor.ip,
    );
    const author = await repo.findAuthor(tx, story.authorPersonId);
    if (author?.status === 'active') {
      const t = translator(author.language);
      const mail: MailMessage = {
        to: [author.email],
        subject: t(`stories.mail.${status}.subject`, { title: story.title }),
        text: t(`stories.mail.${status}.body`, {
          title: story.title,
          reason: input.reason,
          url: `${deps.config.publicUrl}/galerij/mijn`,
        }),
        messageId: `<story-${id}-${status}-${Date.now()}@${new URL(deps.config.publicUrl).hostname}>`,
      };
      await deps.jobs.enqueue(mailJob, mail, {}, tx);
    }
  });
  return present((await repo.findStory(deps.db, id, actor.principal.accountId))!, actor.principal);
}

/** The author gives or withdraws consent for the public site at any time. */
export async function setConsent(db: Db, actor: Actor, id: number, publicConsent: boolean) {
  policy.authorOf(actor.principal);
  const row = await repo.findStory(db, id, actor.principal.accountId);
  if (!row || !policy.isAuthor(actor.principal, row.author_person_id)) throw new AppError('NOT_FOUND');
  await repo.setConsent(db, id, publicConsent);
  return present((await repo.findStory(db, id, actor.principal.accountId))!, actor.principal);
}

/** The author withdraws a story, or a moderator removes it (audited). */
export async function remove(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const story = await repo.lockStory(tx, id);
    if (!story) throw new AppError('NOT_FOUND');
    if (!policy.canRemove(actor.principal, story)) throw new AppError('NOT_FOUND');
    await repo.deleteStory(tx, id);
    // A moderator's removal is audited; an author withdrawing their own story is their own business.
    if (!policy.isAuthor(actor.principal, story.authorPersonId))
      await audit(
        tx,
        actor.principal,
        'stories.story.delete',
        { type: 'story', id },
        { title: story.title },
        actor.ip,
      );
    return { ok: true as const };
  });
}

export async function react(db: Db, actor: Actor, id: number, reaction: StoryReaction | null) {
  const row = await visibleStory(db, actor.principal, id);
  if (row.status !== 'approved') throw new AppError('CONFLICT');
  if (reaction) await repo.setReaction(db, id, actor.principal.accountId, reaction);
  else await repo.deleteReaction(db, id, actor.principal.accountId);
  return present((await repo.findStory(db, id, actor.principal.accountId))!, actor.principal);
}

export async function image(db: Db, principal: Principal | null, imageId: number) {
  const row = await repo.findImage(db, imageId);
  if (!row || !policy.canSee(principal, row)) throw new AppError('NOT_FOUND');
  return { mimeType: row.mimeType, data: row.data, isPublic: row.status === 'approved' && row.publicConsent };
}
