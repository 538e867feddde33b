import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { surveyResultsApi as api } from '../../../../shared/api/survey-results';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import { toCsv, toXlsx } from './results.export';
import * as service from './results.service';

const { routes } = api;

/**
 * Survey results. Route rule "signedIn": which wave, unit, filter and view a viewer may get is
 * results.policy.ts's call (every employee may read the government and own-entity summary).
 */
export const surveyResultsRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    serve(app, routes.waves, (request) => service.listWaves(deps.db, actorOf(request).principal));

    serve(app, routes.overview, (request) =>
      service.waveOverview(deps.db, actorOf(request).principal, request.params.waveId),
    );

    serve(app, routes.unitReport, (request) =>
      service.unitReport(
        deps.db,
        actorOf(request).principal,
        request.params.waveId,
        request.params.unitId,
        request.query.filter,
        { markMinN: deps.config.surveyMarkMinN },
      ),
    );

    // Without a unit: the viewer's first subtree.
    serve(app, routes.heatmap, (request) => {
      const { unitId, ...opts } = request.query;
      return service.heatmap(deps.db, actorOf(request).principal, request.params.waveId, unitId, opts);
    });

    serve(app, routes.drivers, (request) =>
      service.driversReport(
        deps.db,
        actorOf(request).principal,
        request.params.waveId,
        request.params.unitId,
      ),
    );

    serve(app, routes.comments, (request) =>
      service.commentsReport(
        deps.db,
        actorOf(request).principal,
        request.params.waveId,
        request.params.unitId,
      ),
    );

    serve(app, routes.participation, (request) =>
      service.participation(deps.db, actorOf(request).principal, request.params.waveId, request.query.unitId),
    );

    serve(
      app,
      routes.export,
      async (request, reply) => {
        const principal = actorOf(request).principal;
        const { waveId, unitId, format } = request.params;
        const report = await service.unitReport(deps.db, principal, waveId, unitId, request.query.filter, {
          markMinN: deps.config.surveyMarkMinN,
        });
        const map =
          report.access === 'detail'
            ? await service.heatmap(deps.db, principal, waveId, unitId, {
                columns: 'values',
                metric: 'mean',
                filter: request.query.filter,
                depth: 2,
              })
            : null;
        const locale = request.locale === 'en' ? 'en' : 'nl';
        const base = `peiling-${waveId}-eenheid-${unitId}`;
        if (format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${base}.csv"`)
            .send(toCsv(report, map, locale));
        }
        const body = await toXlsx(report, map, locale);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${base}.xlsx"`)
          .send(body);
      },
      // Exports are heavier than a page view: a tighter per-address limit.
      { rateLimit: perMinute(deps, 30) },
    );
  };
