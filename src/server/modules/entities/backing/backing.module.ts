import { defineModule } from '../../../platform/module';
import { seedBackingDemo } from './backing.demo';
import { backingRoutes } from './backing.routes';

/** Political backing of the values (objective 4): endorsements and commitments, public where agreed. */
export const entitiesBackingModule = defineModule({
  name: 'entities-backing',
  routes: (deps) => backingRoutes(deps),
  demo: (db) => seedBackingDemo(db),
});
