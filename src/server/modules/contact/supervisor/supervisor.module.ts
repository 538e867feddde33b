import { defineModule } from '../../../platform/module';
import { seedContactDemo } from './supervisor.demo';
import { contactSupervisorRoutes } from './supervisor.routes';

/** The 1700 supervisor's board: live per queue (a stream) and history for staffing. */
export const contactSupervisorModule = defineModule({
  name: 'contact-supervisor',
  routes: (deps) => contactSupervisorRoutes(deps),
  demo: (db, demo) => seedContactDemo(db, `agent@${demo.emailDomain}`),
});
