import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANSWER_BODY_LIMIT, surveyApi as api } from '../../../shared/api/survey';
import { actorOf, perMinute } from '../../http/actor';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import * as answers from './survey.answer.service';
import * as service from './survey.service';

const { routes } = api;

/** Staff survey: composing questionnaires and running waves (programme admin), answering by token (public). */
export const surveyRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Token routes: limited per address and token, so one office behind one address is not throttled
    // by its colleagues, while guessing tokens stays slow (the global per-address limit still applies).
    const perToken = (max: number) => {
      const limit = perMinute(deps, max);
      return {
        rateLimit: limit
          ? {
              ...limit,
              keyGenerator: (request: FastifyRequest) =>
                `${request.ip}|${String((request.params as { token?: unknown }).token ?? '').slice(0, 16)}`,
            }
          : false,
      } as const;
    };

    // ---- answering (public) ----
    serve(
      app,
      routes.form,
      (request, reply) => {
        reply.header('cache-control', 'no-store');
        return answers.getForm(deps, request.params.token);
      },
      perToken(60),
    );

    serve(app, routes.saveDraft, (request) => answers.saveDraft(deps, request.params.token, request.body), {
      ...perToken(120),
      bodyLimit: ANSWER_BODY_LIMIT,
    });

    serve(app, routes.submit, (request) => answers.submit(deps, request.params.token, request.body), {
      ...perToken(30),
      bodyLimit: ANSWER_BODY_LIMIT,
    });

    serve(app, routes.mine, (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.mySurveys(deps, actorOf(request).principal.personId);
    });

    // ---- questionnaires (programme admin) ----
    serve(app, routes.questionnaires, () => service.listQuestionnaires(deps.db));
    serve(app, routes.createQuestionnaire, async (request, reply) =>
      reply.code(201).send(await service.createQuestionnaire(deps, actorOf(request), request.body)),
    );
    serve(app, routes.questionnaire, (request) => service.getQuestionnaire(deps.db, request.params.id));
    serve(app, routes.updateQuestionnaire, (request) =>
      service.updateQuestionnaire(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.archiveQuestionnaire, async (request, reply) => {
      await service.archiveQuestionnaire(deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    });
    serve(app, routes.includeQuestionnaire, (request) =>
      service.includeQuestionnaire(deps, actorOf(request), request.params.id, request.body.sourceId),
    );
    serve(app, routes.reorder, (request) =>
      service.reorder(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.addSection, async (request, reply) =>
      reply.code(201).send(await service.addSection(deps, actorOf(request), request.params.id, request.body)),
    );
    serve(app, routes.updateSection, (request) =>
      service.updateSection(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.deleteSection, (request) =>
      service.deleteSection(deps, actorOf(request), request.params.id),
    );
    serve(app, routes.addItem, async (request, reply) =>
      reply.code(201).send(await service.addItem(deps, actorOf(request), request.params.id, request.body)),
    );
    serve(app, routes.updateItem, (request) =>
      service.updateItem(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.deleteItem, (request) => service.deleteItem(deps, actorOf(request), request.params.id));

    // ---- waves (programme admin) ----
    serve(app, routes.waves, () => service.listWaves(deps.db));
    serve(app, routes.createWave, async (request, reply) =>
      reply.code(201).send(await service.createWave(deps, actorOf(request), request.body)),
    );
    serve(app, routes.wave, (request) => service.getWave(deps.db, request.params.id));
    serve(app, routes.updateWave, (request) =>
      service.updateWave(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.deleteWave, async (request, reply) => {
      await service.deleteWave(deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    });
    serve(app, routes.launchWave, (request) => service.launchWave(deps, actorOf(request), request.params.id));
    serve(app, routes.closeWave, (request) => service.closeWave(deps, actorOf(request), request.params.id));
    serve(app, routes.remind, (request) => service.remind(deps, actorOf(request), request.params.id));
    serve(app, routes.participation, (request) => service.participation(deps.db, request.params.id));
  };
