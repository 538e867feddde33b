import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';

/**
 * Backups hold everyone's data and their directory says where it lives on the server: programme admins only.
 * The route rule says the same; the service checks again so no other caller can skip it.
 */
export function canViewBackups(principal: Principal): boolean {
  return principal.roles.includes('programme_admin');
}

export function assertCanViewBackups(principal: Principal): void {
  if (!canViewBackups(principal)) throw new AppError('FORBIDDEN');
}
