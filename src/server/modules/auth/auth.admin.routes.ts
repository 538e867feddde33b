import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { AppError } from '../../http/errors';
import { listAccounts, listAuditLog, setAccountDisabled, setGrantedRoles } from './auth.admin.service';
import {
  accountIdParams,
  accountListQuery,
  accountListResponse,
  accountStatusBody,
  accountSummary,
  auditLogQuery,
  auditLogResponse,
  rolesBody,
} from './auth.schemas';

/** Account and role administration and the audit log: programme admins only. */
export const authAdminRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
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
      '/api/admin/audit-log',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['admin'], querystring: auditLogQuery, response: { 200: auditLogResponse } },
      },
      async (request) => listAuditLog(deps.db, request.query),
    );
  };
