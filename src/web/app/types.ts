/**
 * Response shapes as the web app reads them, derived from the shared API contract so a renamed field on the
 * server fails to compile here. Feature code may also use `RouteOutput<…>` of the contract directly.
 */
import type { z } from 'zod';
import type { authApi } from '../../shared/api/auth';
import type { accountSummary, auditEntry, roleGrant } from '../../shared/api/auth-admin';
import type { RouteOutput } from '../../shared/api/contract';
import type {
  personRow,
  rosterError,
  rosterImportSummary,
  rosterReport,
  unitDetailResponse,
  unitSummary,
} from '../../shared/api/org';
import type {
  entityValuesDetailOut,
  entityValuesOut,
  frameworkValueOut,
  statementOut,
  valuesApi,
} from '../../shared/api/values';
import { type OrgUnitKind, orgUnitKinds } from '../../shared/domain';
import { type Role, roles, grantableRoles as sharedGrantableRoles } from '../../shared/roles';

export type { FrameworkStatus, Locale, ValueKey } from '../../shared/domain';
export type { Role } from '../../shared/roles';

export const allRoles: readonly Role[] = roles;
/** Roles an admin can grant; employee and manager follow from the organisation tree. */
export const grantableRoles: readonly Role[] = sharedGrantableRoles;

/** The signed-in principal. */
export type Me = RouteOutput<typeof authApi.routes.me>;
export type Providers = RouteOutput<typeof authApi.routes.providers>;

/** A page of a paged list, as the list routes answer. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

// values
export type Statement = z.infer<typeof statementOut>;
export type FrameworkValue = z.infer<typeof frameworkValueOut>;
/** An entity's own words and focus values, as part of the framework. */
export type EntityValues = z.infer<typeof entityValuesOut>;
/** The same with whether the caller may change them. */
export type EntityValuesDetail = z.infer<typeof entityValuesDetailOut>;
/** The published framework, with an entity's own words when asked for. */
export type Framework = RouteOutput<typeof valuesApi.routes.current>;
export type FrameworkVersion = RouteOutput<typeof valuesApi.routes.versions>[number];

// org
export type UnitKind = OrgUnitKind;
export const unitKinds: readonly UnitKind[] = orgUnitKinds;
export type OrgUnit = z.infer<typeof unitSummary>;
export type UnitDetail = z.infer<typeof unitDetailResponse>;
export type Person = z.infer<typeof personRow>;
export type RosterError = z.infer<typeof rosterError>;
export type RosterReport = z.infer<typeof rosterReport>;
export type RosterImport = z.infer<typeof rosterImportSummary>;

// accounts and audit
export type RoleGrant = z.infer<typeof roleGrant>;
export type AccountRow = z.infer<typeof accountSummary>;
export type AuditEntry = z.infer<typeof auditEntry>;
