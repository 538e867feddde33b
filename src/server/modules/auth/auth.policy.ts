import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';

/**
 * Who may administer accounts, roles and single sign-on links and read the audit log. The route rule
 * ("programmeAdmin") says the same; services check it again so a call from elsewhere cannot skip it.
 */
export function canAdministerAccounts(actor: Principal): boolean {
  return actor.roles.includes('programme_admin');
}

export function assertCanAdministerAccounts(actor: Principal): void {
  if (!canAdministerAccounts(actor)) throw new AppError('FORBIDDEN');
}

/** An admin who drops their own admin role could leave the platform without anyone to undo it. */
export function assertKeepsOwnAdminRole(
  actor: Principal,
  accountId: number,
  grants: readonly { role: string }[],
): void {
  assertCanAdministerAccounts(actor);
  if (actor.accountId === accountId && !grants.some((grant) => grant.role === 'programme_admin')) {
    throw new AppError('CONFLICT', {}, [
      { path: 'body.roles', code: 'custom', message: 'auth.validation.keepOwnAdminRole' },
    ]);
  }
}

/** Nobody locks themselves out: an admin cannot disable their own account. */
export function assertMayChangeStatus(actor: Principal, accountId: number, disabled: boolean): void {
  assertCanAdministerAccounts(actor);
  if (actor.accountId === accountId && disabled) {
    throw new AppError('CONFLICT', {}, [
      { path: 'body.disabled', code: 'custom', message: 'auth.validation.notYourself' },
    ]);
  }
}
