import { defineModule } from '../../../platform/module';
import { seedTouchstoneDemo } from './touchstone.demo';
import { touchstoneRoutes } from './touchstone.routes';

/** The decision touchstone: decisions checked against the values, and the share of managers using it. */
export const entitiesTouchstoneModule = defineModule({
  name: 'entities-touchstone',
  routes: (deps) => touchstoneRoutes(deps),
  demo: (db, demo) => seedTouchstoneDemo(db, demo.entityCode, demo.emailDomain),
});
