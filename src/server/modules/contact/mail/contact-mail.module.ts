import { handle } from '../../../jobs/job-queue';
import { defineModule } from '../../../platform/module';
import { ClamdScanner } from '../../../platform/virus-scan';
import { seedContactMailDemo } from './contact-mail.demo';
import { contactMailRoutes } from './contact-mail.routes';
import * as service from './contact-mail.service';
import { inboundSmtpHub } from './inbound-hub';

/** Contact 1700 by e-mail: the public form, tickets and answers, inbound replies, retention. */
export const contactMailModule = defineModule({
  name: 'contact-mail',
  services: (deps) => ({
    inbound: inboundSmtpHub(deps),
    scanner: new ClamdScanner(deps.config.attachments.clamd, deps.config.attachments.scanTimeoutMs),
  }),
  routes: (deps, services) => contactMailRoutes(deps, services.scanner),
  jobs: (deps) => [
    handle(service.purgeJob, () => service.runDailyPurge(deps)),
    handle(service.ticketMailWithFilesJob, (payload) => service.sendTicketMailWithFiles(deps, payload)),
  ],
  schedule: (deps) => service.schedulePurge(deps, new Date()),
  hubs: (services) => [services.inbound],
  demo: (db, demo) => seedContactMailDemo(db, `agent@${demo.emailDomain}`),
});
