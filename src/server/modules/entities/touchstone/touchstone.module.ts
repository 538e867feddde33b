import { defineModule } from '../../../platform/module';
import { seedTouchstoneDemo } from './touchstone.demo';
import { touchstoneIndicators } from './touchstone.indicators';
import { touchstoneRoutes } from './touchstone.routes';

/** The decision touchstone: decisions checked against the values, and the share of managers using it. */
export const entitiesTouchstoneModule = defineModule({
  name: 'entities-touchstone',
  routes: (deps) => touchstoneRoutes(deps),
  indicators: touchstoneIndicators,
  demo: (db, demo) => seedTouchstoneDemo(db, demo.entityCode, demo.emailDomain),
});
