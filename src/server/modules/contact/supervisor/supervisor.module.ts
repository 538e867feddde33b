import { defineModule, type ModuleDeps } from '../../../platform/module';
import { chatTimingsOf } from '../chat/chat.module';
import { seedContactDemo } from './supervisor.demo';
import { serviceLevelIndicators } from './supervisor.indicators';
import { contactSupervisorRoutes } from './supervisor.routes';
import { LiveBoardHub } from './supervisor.stream';

/** What tests may set through `createRuntime(config, { overrides: { 'contact-supervisor': … } })`. */
export type SupervisorOverrides = {
  /** The clock that decides "today" and "now" on the board and in the agent statistics. */
  now?: () => Date;
};

export type SupervisorServices = { board: LiveBoardHub; graceMs: number; now: () => Date };

function supervisorServices(deps: ModuleDeps): SupervisorServices {
  // An agent counts as online for as long as the chat keeps their chats: the same grace as the chat's.
  const graceMs = chatTimingsOf(deps).agentGraceMs;
  const now =
    (deps.overrides['contact-supervisor'] as SupervisorOverrides | undefined)?.now ?? (() => new Date());
  return { board: new LiveBoardHub(deps, graceMs, undefined, now), graceMs, now };
}

/** The 1700 supervisor's board: live per queue (a stream) and history for staffing. */
export const contactSupervisorModule = defineModule<SupervisorServices>({
  name: 'contact-supervisor',
  services: supervisorServices,
  routes: (deps, services) => contactSupervisorRoutes(deps, services),
  hubs: (services) => [services.board],
  indicators: serviceLevelIndicators,
  demo: (db, demo) => seedContactDemo(db, `agent@${demo.emailDomain}`),
});
