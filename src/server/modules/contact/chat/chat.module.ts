import { handle } from '../../../jobs/job-queue';
import { defineModule, type ModuleDeps } from '../../../platform/module';
import { seedCannedAnswersDemo } from './canned.demo';
import { type ChatLimits, NO_CHAT_LIMITS, SocketGate } from './chat.limits';
import { chatRoutes } from './chat.routes';
import * as service from './chat.service';
import { ChatHub } from './chat.ws';

/** What tests and benches may narrow through `createRuntime(config, { overrides: { 'contact-chat': … } })`. */
export type ChatOverrides = {
  chatTimings?: Partial<service.ChatTimings>;
  /** Overrides the configured per-address limits (which `rateLimits: false` lifts, as for HTTP). */
  chatLimits?: Partial<ChatLimits>;
};

export const chatOverridesOf = (deps: ModuleDeps): ChatOverrides =>
  (deps.overrides['contact-chat'] as ChatOverrides | undefined) ?? {};

/** The chat's timings in this runtime: the defaults unless a test or bench narrowed them. */
export const chatTimingsOf = (deps: ModuleDeps): service.ChatTimings => ({
  ...service.defaultTimings,
  ...chatOverridesOf(deps).chatTimings,
});

export type ChatServices = { hub: ChatHub; gate: SocketGate; limits: ChatLimits };

function chatServices(deps: ModuleDeps): ChatServices {
  const limits: ChatLimits = {
    ...(deps.rateLimits ? deps.config.chatLimits : NO_CHAT_LIMITS),
    ...chatOverridesOf(deps).chatLimits,
  };
  const gate = new SocketGate(limits);
  return { hub: new ChatHub(deps, chatTimingsOf(deps), gate), gate, limits };
}

/** Contact 1700 by chat: the queue, routing to agents, the agent console, canned answers, retention. */
export const contactChatModule = defineModule<ChatServices>({
  name: 'contact-chat',
  services: chatServices,
  routes: (deps, services) => chatRoutes(deps, services),
  hubs: (services) => [services.hub],
  jobs: (deps) => [handle(service.chatPurgeJob, () => service.runDailyChatPurge(deps))],
  schedule: (deps) => service.scheduleChatPurge(deps, new Date()),
  baseline: (db) => service.seedChatQueues(db),
  demo: (db) => seedCannedAnswersDemo(db),
});
