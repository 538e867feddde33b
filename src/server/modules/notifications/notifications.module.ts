import { handle } from '../../jobs/job-queue';
import { defineModule, type ModuleDeps } from '../../platform/module';
import { notificationsRoutes } from './notifications.routes';
import * as service from './notifications.service';
import { BellHub, type BellTimings, defaultBellTimings } from './notifications.stream';

export type NotificationsServices = { bells: BellHub };

/**
 * In-app notifications: each person's list, unread count and live bell, and their deletion after
 * RETENTION_DAYS. Other modules create notifications through platform/notifications.ts.
 */
export const notificationsModule = defineModule<NotificationsServices>({
  name: 'notifications',
  services: (deps: ModuleDeps) => ({
    bells: new BellHub(deps, {
      ...defaultBellTimings,
      ...(deps.overrides.notifications as Partial<BellTimings>),
    }),
  }),
  routes: (deps, services) => notificationsRoutes(deps, services),
  hubs: (services) => [services.bells],
  jobs: (deps) => [handle(service.purgeJob, () => service.runDailyPurge(deps))],
  schedule: (deps) => service.schedulePurge(deps, new Date()),
});
