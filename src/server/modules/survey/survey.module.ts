import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { handle } from '../../jobs/job-queue';
import { defineModule } from '../../platform/module';
import { surveyActionsRoutes } from './actions/actions.routes';
import * as invitations from './invitations.service';
import * as questionnaires from './questionnaires.service';
import { surveyResultsRoutes } from './results/results.routes';
import { seedDemoSurvey } from './survey.demo';
import { surveyIndicators } from './survey.indicators';
import { surveyCloseJob, surveyFanoutJob, surveyMailJob } from './survey.jobs';
import { surveyRoutes } from './survey.routes';
import * as closing from './wave-close.service';

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
    handle(surveyFanoutJob, (payload) => invitations.runFanout(deps, payload)),
    handle(surveyMailJob, (payload) => invitations.sendInvitationMail(deps, payload)),
    handle(surveyCloseJob, async () => {
      await closing.closeDueWaves(deps);
    }),
  ],
  indicators: surveyIndicators,
  baseline: (db) => questionnaires.seedStandardModule(db),
  demo: (db, demo) => seedDemoSurvey(db, `employee@${demo.emailDomain}`, demo.appSecret),
});
