import { defineModule } from '../../../platform/module';
import { seedProfileDemo } from './profile.demo';
import { profileIndicators } from './profile.indicators';
import { profileRoutes } from './profile.routes';

/** An entity's value profile: own words and focus values (values module), ambassadors, its value story. */
export const entitiesProfileModule = defineModule({
  name: 'entities-profile',
  routes: (deps) => profileRoutes(deps),
  indicators: profileIndicators,
  demo: (db, demo) => seedProfileDemo(db, demo.entityCode),
});
