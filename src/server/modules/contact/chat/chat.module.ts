import { handle } from '../../../jobs/job-queue';
import { defineModule } from '../../../platform/module';
import { seedCannedAnswersDemo } from './canned.demo';
import { chatRoutes } from './chat.routes';
import * as service from './chat.service';

/** Contact 1700 by chat: the queue, routing to agents, the agent console, canned answers, retention. */
export const contactChatModule = defineModule({
  name: 'contact-chat',
  routes: (deps) => chatRoutes(deps),
  jobs: (deps) => [handle(service.chatPurgeJob, () => service.runDailyChatPurge(deps))],
  schedule: (deps) => service.scheduleChatPurge(deps, new Date()),
  baseline: (db) => service.seedChatQueues(db),
  demo: (db) => seedCannedAnswersDemo(db),
});
