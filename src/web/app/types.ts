/** Response shapes of the agreed API surface, as the web app reads them. */
import type { z } from 'zod';
import type { meResponse } from '../../shared/api/auth';
import { type Role, roles, grantableRoles as sharedGrantableRoles } from '../../shared/roles';

export type { Role } from '../../shared/roles';
export type Locale = 'nl' | 'en';

export const allRoles: readonly Role[] = roles;
/** Roles an admin can grant; employee and manager follow from the organisation tree. */
export const grantableRoles: readonly Role[] = sharedGrantableRoles;

/** The signed-in principal, typed from the server's response schema so the two cannot drift apart. */
export type Me = z.infer<typeof meResponse>;

export type Providers = { password: boolean; oidc: { enabled: boolean; name: string | null } };

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

// values
export type ValueKey = 'openheid' | 'daadkracht' | 'vertrouwen' | 'wendbaarheid';
export type Statement = { textNl: string; textEn: string };
export type FrameworkValue = {
  key: ValueKey;
  nameNl: string;
  nameEn: string;
  headingNl: string;
  headingEn?: string;
  englishIsTranslation?: boolean;
  statements: Statement[];
};
export type EntityValues = {
  id: number;
  nameNl: string;
  nameEn: string | null;
  translations: { valueKey: ValueKey; textNl: string; textEn: string }[];
  focusValues: ValueKey[];
  canEdit?: boolean;
};
export type FrameworkStatus = 'draft' | 'published' | 'superseded';
export type Framework = {
  id: number;
  version: number;
  status: FrameworkStatus;
  titleNl: string;
  titleEn: string;
  introNl: string;
  introEn: string;
  sourceTitle: string;
  sourceUrl: string | null;
  publishedAt: string | null;
  createdAt?: string;
  values: FrameworkValue[];
  entity?: EntityValues;
};
export type FrameworkVersion = {
  version: number;
  status: FrameworkStatus;
  titleNl: string;
  titleEn: string;
  publishedAt: string | null;
};

// org
export type UnitKind = 'policy_domain' | 'entity' | 'division' | 'team';
export const unitKinds: UnitKind[] = ['policy_domain', 'entity', 'division', 'team'];
export type OrgUnit = {
  id: number;
  parentId: number | null;
  kind: UnitKind;
  code: string;
  nameNl: string;
  nameEn: string | null;
  depth: number;
  headcount: number;
  synthetic?: boolean;
};
export type UnitDetail = OrgUnit & {
  ancestors: { id: number; kind: UnitKind; nameNl: string; nameEn: string | null }[];
  children: OrgUnit[];
  managers: { personId: number; firstName: string; lastName: string; email: string }[];
};
export type Person = {
  id: number;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  language: Locale;
  unitId: number | null;
  unitCode: string | null;
  unitNameNl: string | null;
  unitNameEn: string | null;
  status: 'active' | 'left';
  leftAt: string | null;
  managerOf: number[];
  synthetic: boolean;
};
export type RosterError = { line: number; column?: string; message: string };
export type RosterCounts = {
  rowsRead: number;
  created: number;
  updated: number;
  moved: number;
  left: number;
  unchanged: number;
  errorCount: number;
};
export type RosterReport = RosterCounts & {
  id: number | null;
  dryRun: boolean;
  errors: RosterError[];
  errorsTruncated: boolean;
};
export type RosterImport = RosterCounts & {
  id: number;
  startedAt: string;
  accountId: number | null;
  accountEmail: string | null;
  fileName: string;
  dryRun: boolean;
};

// accounts and audit
export type RoleGrant = { role: Role; scopeUnitId: number | null };
export type AccountRow = {
  id: number;
  email: string;
  displayName: string;
  personId: number | null;
  employeeNumber: string | null;
  locale: Locale;
  disabled: boolean;
  signInMethods: { password: boolean; oidc: boolean };
  lastSignInAt: string | null;
  createdAt: string;
  roles: (RoleGrant & { scopeUnitName: string | null })[];
};
export type AuditEntry = {
  id: number;
  at: string;
  actorAccountId: number | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};
