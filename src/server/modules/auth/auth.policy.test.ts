import { describe, expect, it } from 'vitest';
import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';
import { assertCanAdministerAccounts, assertKeepsOwnAdminRole, assertMayChangeStatus } from './auth.policy';

const person = (accountId: number, roles: Principal['roles']): Principal => ({
  accountId,
  personId: null,
  email: `account${accountId}@example.test`,
  displayName: `Account ${accountId}`,
  locale: 'nl',
  roles,
  managerOf: [],
  coordinatorOf: [],
  executiveOf: [],
  unitId: null,
  entityId: null,
  csrfToken: 'csrf',
  sessionMethod: 'password',
});

/** The error a call throws, so tests can check its code and the field message the form shows. */
function thrown(call: () => void): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to refuse');
}

describe('account administration policy', () => {
  const admin = person(1, ['employee', 'programme_admin']);
  const coordinator = person(2, ['employee', 'entity_coordinator']);

  it('lets only programme admins administer accounts', () => {
    expect(() => assertCanAdministerAccounts(admin)).not.toThrow();
    expect(thrown(() => assertCanAdministerAccounts(coordinator)).code).toBe('FORBIDDEN');
    expect(thrown(() => assertMayChangeStatus(coordinator, 3, true)).code).toBe('FORBIDDEN');
  });

  it('keeps an admin from disabling their own account, not from re-enabling or disabling others', () => {
    const error = thrown(() => assertMayChangeStatus(admin, admin.accountId, true));
    expect(error.code).toBe('CONFLICT');
    expect(error.issues?.[0]?.message).toBe('auth.validation.notYourself');
    expect(() => assertMayChangeStatus(admin, admin.accountId, false)).not.toThrow();
    expect(() => assertMayChangeStatus(admin, 3, true)).not.toThrow();
  });

  it('keeps an admin from dropping their own admin role, while others may lose theirs', () => {
    const error = thrown(() => assertKeepsOwnAdminRole(admin, admin.accountId, [{ role: 'contact_agent' }]));
    expect(error.code).toBe('CONFLICT');
    expect(error.issues?.[0]?.message).toBe('auth.validation.keepOwnAdminRole');
    expect(() =>
      assertKeepsOwnAdminRole(admin, admin.accountId, [{ role: 'programme_admin' }]),
    ).not.toThrow();
    expect(() => assertKeepsOwnAdminRole(admin, 3, [])).not.toThrow();
  });
});
