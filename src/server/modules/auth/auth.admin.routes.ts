import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../http/errors';
import type { ModuleDeps } from '../../platform/module';
import {
  confirmOidcLink,
  listAccounts,
  listAuditLog,
  listOidcLinkRequests,
  refuseOidcLink,
  setAccountDisabled,
  setGrantedRoles,
} from './auth.admin.service';
import {
  accountIdParams,
  accountListQuery,
  accountListResponse,
  accountStatusBody,
  accountSummary,
  auditLogQuery,
  auditLogResponse,
  linkRequestIdParams,
  oidcLinkRequestListResponse,
  okResponse,
  rolesBody,
} from './auth.schemas';

/** Account and role administration and the audit log: programme admins only. */
export const authAdminRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admin/accounts',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['admin'], querystring: accountListQuery, response: { 200: accountListResponse } },
      },
      async (request) => listAccounts(deps.db, request.query),
    );

    app.put(
      '/api/admin/accounts/:id/roles',
      {
        config: { access: 'programmeAdmin' },
        schema: {
          tags: ['admin'],
          params: accountIdParams,
          body: rolesBody,
          response: { 200: accountSummary },
        },
      },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        return setGrantedRoles(deps.db, request.principal, request.params.id, request.body.roles, request.ip);
      },
    );

    app.put(
      '/api/admin/accounts/:id/status',
      {
        config: { access: 'programmeAdmin' },
        schema: {
          tags: ['admin'],
          params: accountIdParams,
          body: accountStatusBody,
          response: { 200: accountSummary },
        },
      },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        return setAccountDisabled(
          deps.db,
          request.principal,
          request.params.id,
          request.body.disabled,
          request.ip,
        );
      },
    );

    app.get(
      '/api/admin/oidc-links',
      {
        config: { access: 'programmeAdmin' },
        schema: {
          tags: ['admin'],
          summary: 'Single sign-on identities waiting for an admin to link them to an existing account',
          response: { 200: oidcLinkRequestListResponse },
        },
      },
      async () => listOidcLinkRequests(deps.db),
    );

    app.post(
      '/api/admin/oidc-links/:id/confirm',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['admin'], params: linkRequestIdParams, response: { 200: accountSummary } },
      },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        return confirmOidcLink(deps.db, request.principal, request.params.id, request.ip);
      },
    );

    app.post(
      '/api/admin/oidc-links/:id/refuse',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['admin'], params: linkRequestIdParams, response: { 200: okResponse } },
      },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        return refuseOidcLink(deps.db, request.principal, request.params.id, request.ip);
      },
    );

    app.get(
      '/api/admin/audit-log',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['admin'], querystring: auditLogQuery, response: { 200: auditLogResponse } },
      },
      async (request) => listAuditLog(deps.db, request.query),
    );
  };
