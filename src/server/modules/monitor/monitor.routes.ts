import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { monitorApi as api } from '../../../shared/api/monitor';
import { actorOf, perMinute } from '../../http/actor';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import { listUnits } from '../org/org.service';
import { dashboard, drillDown } from './dashboard.service';
import * as service from './monitor.service';

const { routes } = api;

const targetOut = (t: Awaited<ReturnType<typeof service.listTargets>>[number]) => ({
  id: t.id,
  indicatorKey: t.indicatorKey,
  entityId: t.entityId,
  target: t.target,
  margin: t.margin,
  updatedAt: t.updatedAt.toISOString(),
});

/** The monitor's staff routes. Who sees which entity: monitor.policy.ts. */
export const monitorRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.dashboard, (request) =>
      dashboard(deps.db, actorOf(request).principal, request.query, request.locale),
    );

    serve(app, routes.drillDown, (request) =>
      drillDown(deps.db, actorOf(request).principal, request.query, request.locale),
    );

    serve(app, routes.periods, async () => ({
      items: (await service.listPeriods(deps.db)).map((p) => ({
        key: p.key,
        start: p.start.toISOString(),
        end: p.end.toISOString(),
        takenAt: p.takenAt.toISOString(),
        synthetic: p.synthetic,
      })),
    }));

    serve(app, routes.catalogue, async () => ({ items: await service.catalogue(deps.db) }));

    serve(
      app,
      routes.setPublic,
      (request) => service.setPublic(deps.db, actorOf(request), request.params.key, request.body.public),
      limit(60),
    );

    serve(app, routes.targets, async (request) => {
      const units = await listUnits(deps.db);
      return {
        items: (await service.listTargets(deps.db)).map(targetOut),
        entities: units
          .filter((u) => u.kind === 'entity')
          .map((u) => ({
            id: u.id,
            code: u.code,
            name: (request.locale === 'en' ? u.nameEn : null) ?? u.nameNl,
          })),
      };
    });

    serve(
      app,
      routes.createTarget,
      async (request, reply) =>
        reply.code(201).send(targetOut(await service.createTarget(deps.db, actorOf(request), request.body))),
      limit(60),
    );

    serve(
      app,
      routes.updateTarget,
      async (request) =>
        targetOut(await service.updateTarget(deps.db, actorOf(request), request.params.id, request.body)),
      limit(60),
    );

    serve(
      app,
      routes.deleteTarget,
      async (request) => {
        await service.deleteTarget(deps.db, actorOf(request), request.params.id);
        return { ok: true as const };
      },
      limit(60),
    );

    serve(
      app,
      routes.takeSnapshot,
      async (request) =>
        (await service.takeSnapshot(deps.db, deps.indicators, request.body.periodKey, {
          actor: actorOf(request),
        }))!,
      limit(5),
    );
  };
