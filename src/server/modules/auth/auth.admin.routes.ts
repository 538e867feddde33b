import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authAdminApi } from '../../../shared/api/auth-admin';
import { actorOf } from '../../http/actor';
import { serve } from '../../http/serve';
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

const { routes } = authAdminApi;

/** Account and role administration and the audit log: programme admins only. */
export const authAdminRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    serve(app, routes.accounts, (request) =>
      listAccounts(deps.db, actorOf(request).principal, request.query),
    );

    serve(app, routes.setRoles, (request) => {
      const { principal, ip } = actorOf(request);
      return setGrantedRoles(deps.db, principal, request.params.id, request.body.roles, ip);
    });

    serve(app, routes.setStatus, (request) => {
      const { principal, ip } = actorOf(request);
      return setAccountDisabled(deps.db, principal, request.params.id, request.body.disabled, ip);
    });

    serve(app, routes.oidcLinks, (request) => listOidcLinkRequests(deps.db, actorOf(request).principal));

    serve(app, routes.confirmOidcLink, (request) => {
      const { principal, ip } = actorOf(request);
      return confirmOidcLink(deps.db, principal, request.params.id, ip);
    });

    serve(app, routes.refuseOidcLink, (request) => {
      const { principal, ip } = actorOf(request);
      return refuseOidcLink(deps.db, principal, request.params.id, ip);
    });

    serve(app, routes.auditLog, (request) =>
      listAuditLog(deps.db, actorOf(request).principal, request.query),
    );
  };
