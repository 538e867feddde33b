import { defineModule } from '../../../platform/module';
import { seedSupportDemo } from './support.demo';
import { supportIndicators } from './support.indicators';
import { findEntityIdByCode } from './support.repo';
import { supportRoutes } from './support.routes';

/** The programme's support offer to entities (AgO): catalogue, requests with capacity per quarter. */
export const entitiesSupportModule = defineModule({
  name: 'entities-support',
  routes: (deps) => supportRoutes(deps),
  indicators: supportIndicators,
  demo: async (db, demo) => seedSupportDemo(db, await findEntityIdByCode(db, demo.entityCode)),
});
