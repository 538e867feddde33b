import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { handle } from '../../jobs/job-queue';
import { defineModule } from '../../platform/module';
import { surveyActionsRoutes } from './actions/actions.routes';
import { surveyResultsRoutes } from './results/results.routes';
import { seedDemoSurvey } from './survey.demo';
import { surveyRoutes } from './survey.routes';
import * as service from './survey.service';

/** The staff survey: questionnaires, waves and their mail, answering, results with anonymity, actions. */
export const surveyModule = defineModule({
  name: 'survey',
  routes:
    (deps): FastifyPluginAsyncZod =>
    async (app) => {
      await app.register(surveyRoutes(deps));
      await app.register(surveyResultsRoutes(deps));
      await app.register(surveyActionsRoutes(deps));
    },
  jobs: (deps) => [
    handle(service.surveyFanoutJob, (payload) => service.runFanout(deps, payload)),
    handle(service.surveyMailJob, (payload) => service.sendInvitationMail(deps, payload)),
    handle(service.surveyCloseJob, async () => {
      await service.closeDueWaves(deps);
    }),
  ],
  baseline: (db) => service.seedStandardModule(db),
  demo: (db, demo) => seedDemoSurvey(db, `employee@${demo.emailDomain}`, demo.appSecret),
});
