import { handle } from '../../jobs/job-queue';
import { defineModule } from '../../platform/module';
import { seedRecognitionDemo } from './recognition.demo';
import { recognitionIndicators } from './recognition.indicators';
import { recognitionRoutes } from './recognition.routes';
import * as service from './recognition.service';

/** Appreciation on the values between colleagues, its weekly digest and its released aggregates. */
export const recognitionModule = defineModule({
  name: 'recognition',
  routes: (deps) => recognitionRoutes(deps),
  indicators: recognitionIndicators,
  jobs: (deps) => [handle(service.digestJob, () => service.runWeeklyDigest(deps))],
  schedule: (deps) => service.scheduleDigest(deps, service.nextDigestAt(new Date())),
  demo: (db, demo) => seedRecognitionDemo(db, `employee@${demo.emailDomain}`),
});
