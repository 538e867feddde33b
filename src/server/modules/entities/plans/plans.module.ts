import { defineModule } from '../../../platform/module';
import { seedPlansDemo } from './plans.demo';
import { plansIndicators } from './plans.indicators';
import { plansRoutes } from './plans.routes';

/** Action plans of org units across the IAVA model, government-wide projects and the coverage matrix. */
export const entitiesPlansModule = defineModule({
  name: 'entities-plans',
  routes: (deps) => plansRoutes(deps),
  indicators: plansIndicators,
  demo: (db, demo) => seedPlansDemo(db, demo.entityCode),
});
