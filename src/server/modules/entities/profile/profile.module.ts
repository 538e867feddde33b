import { defineModule } from '../../../platform/module';
import { seedProfileDemo } from './profile.demo';
import { profileRoutes } from './profile.routes';

/** An entity's value profile: own words and focus values (values module), ambassadors, its value story. */
export const entitiesProfileModule = defineModule({
  name: 'entities-profile',
  routes: (deps) => profileRoutes(deps),
  demo: (db, demo) => seedProfileDemo(db, demo.entityCode),
});
