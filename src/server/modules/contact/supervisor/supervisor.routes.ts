import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../app';
import { actorOf } from '../../../http/actor';
import { defaultTimings } from '../chat/chat.service';
import { historyOut, historyQuery, liveOut, targetBody, targetOut, targetParams } from './supervisor.schemas';
import * as service from './supervisor.service';

const tags = ['contact-supervisor'];

/** The 1700 supervisor's board: live per queue, and history per day and hour for staffing. */
export const contactSupervisorRoutes =
  (deps: AppDeps & { chatTimings?: { agentGraceMs?: number } }): FastifyPluginAsyncZod =>
  async (app) => {
    const graceMs = deps.chatTimings?.agentGraceMs ?? defaultTimings.agentGraceMs;

    app.get(
      '/api/contact/supervisor/live',
      { config: { access: 'contactSupervisor' }, schema: { tags, response: { 200: liveOut } } },
      async () => service.live(deps.db, graceMs),
    );

    app.get(
      '/api/contact/supervisor/history',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, querystring: historyQuery, response: { 200: historyOut } },
      },
      async (request) => service.history(deps.db, request.query),
    );

    app.put(
      '/api/contact/supervisor/queues/:key/target',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, params: targetParams, body: targetBody, response: { 200: targetOut } },
      },
      async (request) =>
        service.setTarget(deps.db, actorOf(request), request.params.key, request.body.targetSeconds),
    );
  };
