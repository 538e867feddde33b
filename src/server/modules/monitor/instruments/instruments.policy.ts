/**
 * Other instruments are the programme's own register: only the programme admin describes them and imports
 * their results. What leaves the monitor afterwards is the monitor's disclosure rule, not this one.
 */
import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';

export function mayManage(principal: Principal): boolean {
  return principal.roles.includes('programme_admin');
}

export function assertMayManage(principal: Principal): void {
  if (!mayManage(principal)) throw new AppError('FORBIDDEN');
}
