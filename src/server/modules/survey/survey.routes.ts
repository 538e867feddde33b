import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, perMinute } from '../../http/actor';
import type { ModuleDeps } from '../../platform/module';
import * as answers from './survey.answer.service';
import {
  ANSWER_BODY_LIMIT,
  answersBody,
  draftOut,
  formOut,
  idParams,
  includeBody,
  itemBody,
  itemPatch,
  mySurveysOut,
  orderBody,
  participationOut,
  questionnaireBody,
  questionnaireListOut,
  questionnaireOut,
  questionnairePatch,
  remindOut,
  sectionBody,
  sectionPatch,
  submitOut,
  tokenParams,
  waveBody,
  waveListOut,
  waveOut,
  wavePatch,
} from './survey.schemas';
import * as service from './survey.service';

const tags = ['survey'];
const ADMIN = '/api/survey/admin';

/** Staff survey: composing questionnaires and running waves (programme admin), answering by token (public). */
export const surveyRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Token routes: limited per address and token, so one office behind one address is not throttled
    // by its colleagues, while guessing tokens stays slow (the global per-address limit still applies).
    const perToken = (max: number) => {
      const limit = perMinute(deps, max);
      return limit
        ? {
            ...limit,
            keyGenerator: (request: FastifyRequest) =>
              `${request.ip}|${String((request.params as { token?: unknown }).token ?? '').slice(0, 16)}`,
          }
        : false;
    };

    // ---- answering (public) ----
    app.get(
      '/api/survey/answer/:token',
      {
        config: { access: 'public', rateLimit: perToken(60) },
        schema: { tags, params: tokenParams, response: { 200: formOut } },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return answers.getForm(deps, request.params.token);
      },
    );

    app.put(
      '/api/survey/answer/:token/draft',
      {
        config: { access: 'public', rateLimit: perToken(120) },
        bodyLimit: ANSWER_BODY_LIMIT,
        schema: { tags, params: tokenParams, body: answersBody, response: { 200: draftOut } },
      },
      async (request) => answers.saveDraft(deps, request.params.token, request.body),
    );

    app.post(
      '/api/survey/answer/:token',
      {
        config: { access: 'public', rateLimit: perToken(30) },
        bodyLimit: ANSWER_BODY_LIMIT,
        schema: { tags, params: tokenParams, body: answersBody, response: { 200: submitOut } },
      },
      async (request) => answers.submit(deps, request.params.token, request.body),
    );

    app.get(
      '/api/survey/mine',
      { config: { access: 'employee' }, schema: { tags, response: { 200: mySurveysOut } } },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return service.mySurveys(deps, actorOf(request).principal.personId);
      },
    );

    // ---- questionnaires (programme admin) ----
    const admin = { config: { access: 'programmeAdmin' as const } };

    app.get(
      `${ADMIN}/questionnaires`,
      { ...admin, schema: { tags, response: { 200: questionnaireListOut } } },
      async () => service.listQuestionnaires(deps.db),
    );
    app.post(
      `${ADMIN}/questionnaires`,
      { ...admin, schema: { tags, body: questionnaireBody, response: { 201: questionnaireOut } } },
      async (request, reply) =>
        reply.code(201).send(await service.createQuestionnaire(deps, actorOf(request), request.body)),
    );
    app.get(
      `${ADMIN}/questionnaires/:id`,
      { ...admin, schema: { tags, params: idParams, response: { 200: questionnaireOut } } },
      async (request) => service.getQuestionnaire(deps.db, request.params.id),
    );
    app.patch(
      `${ADMIN}/questionnaires/:id`,
      {
        ...admin,
        schema: { tags, params: idParams, body: questionnairePatch, response: { 200: questionnaireOut } },
      },
      async (request) => service.updateQuestionnaire(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      `${ADMIN}/questionnaires/:id`,
      { ...admin, schema: { tags, params: idParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await service.archiveQuestionnaire(deps, actorOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${ADMIN}/questionnaires/:id/include`,
      {
        ...admin,
        schema: { tags, params: idParams, body: includeBody, response: { 200: questionnaireOut } },
      },
      async (request) =>
        service.includeQuestionnaire(deps, actorOf(request), request.params.id, request.body.sourceId),
    );
    app.put(
      `${ADMIN}/questionnaires/:id/order`,
      { ...admin, schema: { tags, params: idParams, body: orderBody, response: { 200: questionnaireOut } } },
      async (request) => service.reorder(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${ADMIN}/questionnaires/:id/sections`,
      {
        ...admin,
        schema: { tags, params: idParams, body: sectionBody, response: { 201: questionnaireOut } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.addSection(deps, actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      `${ADMIN}/sections/:id`,
      {
        ...admin,
        schema: { tags, params: idParams, body: sectionPatch, response: { 200: questionnaireOut } },
      },
      async (request) => service.updateSection(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      `${ADMIN}/sections/:id`,
      { ...admin, schema: { tags, params: idParams, response: { 200: questionnaireOut } } },
      async (request) => service.deleteSection(deps, actorOf(request), request.params.id),
    );
    app.post(
      `${ADMIN}/sections/:id/items`,
      { ...admin, schema: { tags, params: idParams, body: itemBody, response: { 201: questionnaireOut } } },
      async (request, reply) =>
        reply.code(201).send(await service.addItem(deps, actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      `${ADMIN}/items/:id`,
      { ...admin, schema: { tags, params: idParams, body: itemPatch, response: { 200: questionnaireOut } } },
      async (request) => service.updateItem(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      `${ADMIN}/items/:id`,
      { ...admin, schema: { tags, params: idParams, response: { 200: questionnaireOut } } },
      async (request) => service.deleteItem(deps, actorOf(request), request.params.id),
    );

    // ---- waves (programme admin) ----
    app.get(`${ADMIN}/waves`, { ...admin, schema: { tags, response: { 200: waveListOut } } }, async () =>
      service.listWaves(deps.db),
    );
    app.post(
      `${ADMIN}/waves`,
      { ...admin, schema: { tags, body: waveBody, response: { 201: waveOut } } },
      async (request, reply) =>
        reply.code(201).send(await service.createWave(deps, actorOf(request), request.body)),
    );
    app.get(
      `${ADMIN}/waves/:id`,
      { ...admin, schema: { tags, params: idParams, response: { 200: waveOut } } },
      async (request) => service.getWave(deps.db, request.params.id),
    );
    app.patch(
      `${ADMIN}/waves/:id`,
      { ...admin, schema: { tags, params: idParams, body: wavePatch, response: { 200: waveOut } } },
      async (request) => service.updateWave(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      `${ADMIN}/waves/:id`,
      { ...admin, schema: { tags, params: idParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await service.deleteWave(deps, actorOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${ADMIN}/waves/:id/launch`,
      { ...admin, schema: { tags, params: idParams, response: { 200: waveOut } } },
      async (request) => service.launchWave(deps, actorOf(request), request.params.id),
    );
    app.post(
      `${ADMIN}/waves/:id/close`,
      { ...admin, schema: { tags, params: idParams, response: { 200: waveOut } } },
      async (request) => service.closeWave(deps, actorOf(request), request.params.id),
    );
    app.post(
      `${ADMIN}/waves/:id/remind`,
      { ...admin, schema: { tags, params: idParams, response: { 200: remindOut } } },
      async (request) => service.remind(deps, actorOf(request), request.params.id),
    );
    app.get(
      `${ADMIN}/waves/:id/participation`,
      { ...admin, schema: { tags, params: idParams, response: { 200: participationOut } } },
      async (request) => service.participation(deps.db, request.params.id),
    );
  };
