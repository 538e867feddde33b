import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANSWER_BODY_LIMIT, surveyApi as api } from '../../../shared/api/survey';
import { actorOf, perMinute } from '../../http/actor';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import * as invitations from './invitations.service';
import * as participation from './participation.service';
import * as content from './questionnaire-content.service';
import * as questionnaires from './questionnaires.service';
import * as answers from './survey.answer.service';
import * as closing from './wave-close.service';
import * as launch from './wave-launch.service';
import * as waves from './waves.service';

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
      return participation.mySurveys(deps, actorOf(request).principal.personId);
    });

    // ---- questionnaires (programme admin) ----
    serve(app, routes.questionnaires, () => questionnaires.listQuestionnaires(deps.db));
    serve(app, routes.createQuestionnaire, async (request, reply) =>
      reply.code(201).send(await questionnaires.createQuestionnaire(deps, actorOf(request), request.body)),
    );
    serve(app, routes.questionnaire, (request) =>
      questionnaires.getQuestionnaire(deps.db, request.params.id),
    );
    serve(app, routes.updateQuestionnaire, (request) =>
      questionnaires.updateQuestionnaire(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.archiveQuestionnaire, async (request, reply) => {
      await questionnaires.archiveQuestionnaire(deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    });
    serve(app, routes.includeQuestionnaire, (request) =>
      questionnaires.includeQuestionnaire(deps, actorOf(request), request.params.id, request.body.sourceId),
    );
    serve(app, routes.reorder, (request) =>
      content.reorder(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.addSection, async (request, reply) =>
      reply.code(201).send(await content.addSection(deps, actorOf(request), request.params.id, request.body)),
    );
    serve(app, routes.updateSection, (request) =>
      content.updateSection(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.deleteSection, (request) =>
      content.deleteSection(deps, actorOf(request), request.params.id),
    );
    serve(app, routes.addItem, async (request, reply) =>
      reply.code(201).send(await content.addItem(deps, actorOf(request), request.params.id, request.body)),
    );
    serve(app, routes.updateItem, (request) =>
      content.updateItem(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.deleteItem, (request) => content.deleteItem(deps, actorOf(request), request.params.id));

    // ---- waves (programme admin) ----
    serve(app, routes.waves, () => waves.listWaves(deps.db));
    serve(app, routes.createWave, async (request, reply) =>
      reply.code(201).send(await waves.createWave(deps, actorOf(request), request.body)),
    );
    serve(app, routes.wave, (request) => waves.getWave(deps.db, request.params.id));
    serve(app, routes.updateWave, (request) =>
      waves.updateWave(deps, actorOf(request), request.params.id, request.body),
    );
    serve(app, routes.deleteWave, async (request, reply) => {
      await waves.deleteWave(deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    });
    serve(app, routes.launchPreview, (request) => launch.previewLaunch(deps.db, request.params.id));
    serve(app, routes.launchWave, (request) =>
      launch.launchWave(deps, actorOf(request), request.params.id, { confirmed: request.body }),
    );
    serve(app, routes.closeWave, (request) => closing.closeWave(deps, actorOf(request), request.params.id));
    serve(app, routes.remind, (request) => invitations.remind(deps, actorOf(request), request.params.id));
    serve(app, routes.participation, (request) => participation.participation(deps.db, request.params.id));
  };
