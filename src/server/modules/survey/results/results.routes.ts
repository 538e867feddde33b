import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, perMinute } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import type { ModuleDeps } from '../../../platform/module';
import { toCsv, toXlsx } from './results.export';
import {
  commentsOut,
  driversOut,
  exportParams,
  exportQuery,
  heatmapOut,
  heatmapQuery,
  participationOut,
  participationQuery,
  reportQuery,
  unitParams,
  unitReportOut,
  waveListOut,
  waveOverviewOut,
  waveParams,
} from './results.schemas';
import * as service from './results.service';

const tags = ['survey-results'];

/**
 * Survey results. Route rule "signedIn": which wave, unit, filter and view a viewer may get is
 * results.policy.ts's call (every employee may read the government and own-entity summary).
 */
export const surveyResultsRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/survey/results/waves',
      { config: { access: 'signedIn' }, schema: { tags, response: { 200: waveListOut } } },
      async (request) => service.listWaves(deps.db, actorOf(request).principal),
    );

    app.get(
      '/api/survey/results/waves/:waveId',
      {
        config: { access: 'signedIn' },
        schema: { tags, params: waveParams, response: { 200: waveOverviewOut } },
      },
      async (request) => service.waveOverview(deps.db, actorOf(request).principal, request.params.waveId),
    );

    app.get(
      '/api/survey/results/waves/:waveId/units/:unitId',
      {
        config: { access: 'signedIn' },
        schema: { tags, params: unitParams, querystring: reportQuery, response: { 200: unitReportOut } },
      },
      async (request) =>
        service.unitReport(
          deps.db,
          actorOf(request).principal,
          request.params.waveId,
          request.params.unitId,
          request.query.filter,
          { markMinN: deps.config.surveyMarkMinN },
        ),
    );

    app.get(
      '/api/survey/results/waves/:waveId/heatmap',
      {
        config: { access: 'signedIn' },
        schema: { tags, params: waveParams, querystring: heatmapQuery, response: { 200: heatmapOut } },
      },
      async (request) => {
        const principal = actorOf(request).principal;
        const { unitId, ...opts } = request.query;
        let root = unitId;
        if (root === undefined) {
          const overview = await service.waveOverview(deps.db, principal, request.params.waveId);
          root = overview.roots[0];
          if (root === undefined) throw new AppError('FORBIDDEN');
        }
        return service.heatmap(deps.db, principal, request.params.waveId, root, opts);
      },
    );

    app.get(
      '/api/survey/results/waves/:waveId/units/:unitId/drivers',
      { config: { access: 'signedIn' }, schema: { tags, params: unitParams, response: { 200: driversOut } } },
      async (request) =>
        service.driversReport(
          deps.db,
          actorOf(request).principal,
          request.params.waveId,
          request.params.unitId,
        ),
    );

    app.get(
      '/api/survey/results/waves/:waveId/units/:unitId/comments',
      {
        config: { access: 'signedIn' },
        schema: { tags, params: unitParams, response: { 200: commentsOut } },
      },
      async (request) =>
        service.commentsReport(
          deps.db,
          actorOf(request).principal,
          request.params.waveId,
          request.params.unitId,
        ),
    );

    app.get(
      '/api/survey/results/waves/:waveId/participation',
      {
        config: { access: 'signedIn' },
        schema: {
          tags,
          params: waveParams,
          querystring: participationQuery,
          response: { 200: participationOut },
        },
      },
      async (request) =>
        service.participation(
          deps.db,
          actorOf(request).principal,
          request.params.waveId,
          request.query.unitId,
        ),
    );

    app.get(
      '/api/survey/results/waves/:waveId/units/:unitId/export.:format',
      {
        // Exports are heavier than a page view: a tighter per-address limit.
        config: { access: 'signedIn', rateLimit: perMinute(deps, 30) },
        schema: { tags, params: exportParams, querystring: exportQuery },
      },
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
    );
  };
