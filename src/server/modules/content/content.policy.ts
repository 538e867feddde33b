import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';

/**
 * Who sees what of the public site's content.
 *
 * - A published page is for everyone, signed in or not; an unpublished one does not exist for the public
 *   (404, so a draft's slug gives nothing away).
 * - Page feedback is anonymous and anyone may give it, on a published page only.
 * - Editing pages, reading the feedback figures and the development mailbox (which holds every mail the
 *   app sent, addresses included) are for programme admins. The route rule says so too; the services
 *   check again so a future caller cannot skip it.
 */

export const isPublic = <P extends { published: boolean }>(page: P | undefined | null): page is P =>
  !!page?.published;

export const canManageContent = (principal: Principal | null): boolean =>
  !!principal && principal.roles.includes('programme_admin');

export function assertCanManageContent(principal: Principal | null): void {
  if (!canManageContent(principal)) throw new AppError('FORBIDDEN');
}
