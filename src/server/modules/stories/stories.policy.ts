import type { StoryStatus } from '../../db/schema';
import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';

/**
 * Who sees a story:
 * - pending or rejected: its author and its moderators (coordinators of the author's entity, the programme admin);
 * - approved: every signed-in member of staff (the internal gallery);
 * - approved and the author consents: everyone, on the public site.
 */
export function moderatedEntities(principal: Principal | null): number[] | null {
  if (!principal) return [];
  if (principal.roles.includes('programme_admin')) return null;
  return principal.coordinatorOf;
}

export function canModerate(principal: Principal | null, entityId: number | null): boolean {
  const scope = moderatedEntities(principal);
  return scope === null || (entityId !== null && scope.includes(entityId));
}

export function canSee(
  principal: Principal | null,
  story: { status: StoryStatus; publicConsent: boolean; authorPersonId: number; entityId: number | null },
): boolean {
  if (story.status === 'approved' && story.publicConsent) return true;
  if (!principal) return false;
  if (story.status === 'approved') return true;
  return principal.personId === story.authorPersonId || canModerate(principal, story.entityId);
}

export function authorOf(principal: Principal): number {
  if (principal.personId === null || !principal.roles.includes('employee')) throw new AppError('FORBIDDEN');
  return principal.personId;
}

/** Whether the principal wrote the story (the author changes its consent at any time). */
export const isAuthor = (principal: Principal | null, authorPersonId: number): boolean =>
  principal?.personId != null && principal.personId === authorPersonId;

type Authored = { authorPersonId: number; entityId: number | null };

/**
 * The author and the moderators of its entity: they read a rejection's reason, and may remove the story
 * (the author withdraws it; a moderator's removal is audited).
 */
export const isAuthorOrModerator = (principal: Principal | null, story: Authored): boolean =>
  isAuthor(principal, story.authorPersonId) || canModerate(principal, story.entityId);

export const canReadRejectReason = isAuthorOrModerator;
export const canRemove = isAuthorOrModerator;
