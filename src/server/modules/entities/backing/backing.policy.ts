/**
 * Political backing is the programme's own register: only the programme admin (AgO) keeps it and sees
 * the entries not (yet) made public; everybody else, citizens included, sees the public entries only.
 */
import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';

export function mayKeepRegister(principal: Principal): boolean {
  return principal.roles.includes('programme_admin');
}

export function assertMayKeepRegister(principal: Principal): void {
  if (!mayKeepRegister(principal)) throw new AppError('FORBIDDEN');
}

/** Whether an entry may be shown outside the register. */
export const isPublic = (entry: { public: boolean }) => entry.public;
