import { describe, expect, it } from 'vitest';
import type { Principal } from '../../http/access';
import {
  assertCanManageFramework,
  canManageFramework,
  canReadEntityValues,
  canWriteEntityValues,
} from './values.policy';

const person = (overrides: Partial<Principal>): Principal => ({
  accountId: 1,
  personId: 1,
  email: 'someone@example.test',
  displayName: 'Someone',
  locale: 'nl',
  roles: ['employee'],
  managerOf: [],
  coordinatorOf: [],
  executiveOf: [],
  unitId: null,
  entityId: null,
  csrfToken: 'csrf',
  sessionMethod: 'password',
  ...overrides,
});

describe('values policy', () => {
  const admin = person({ roles: ['employee', 'programme_admin'] });
  const coordinator = person({ roles: ['employee', 'entity_coordinator'], coordinatorOf: [5] });
  const executive = person({ roles: ['employee', 'top_executive'], executiveOf: [5] });
  const staff = person({ entityId: 5, unitId: 7 });

  it('leaves the official framework to programme admins', () => {
    expect(canManageFramework(admin)).toBe(true);
    expect(canManageFramework(coordinator)).toBe(false);
    expect(() => assertCanManageFramework(coordinator)).toThrow('FORBIDDEN');
  });

  it('lets a coordinator write the own words of their entity only, and an admin of any entity', () => {
    expect(canWriteEntityValues(coordinator, 5)).toBe(true);
    expect(canWriteEntityValues(coordinator, 6)).toBe(false);
    expect(canWriteEntityValues(admin, 6)).toBe(true);
    expect(canWriteEntityValues(executive, 5)).toBe(false);
  });

  it('lets the people of an entity read its own words, not those of another entity', () => {
    const context = { managesUnitInside: false };
    expect(canReadEntityValues(staff, 5, context)).toBe(true);
    expect(canReadEntityValues(executive, 5, context)).toBe(true);
    expect(canReadEntityValues(staff, 6, context)).toBe(false);
    expect(canReadEntityValues(person({}), 6, { managesUnitInside: true })).toBe(true);
  });
});
