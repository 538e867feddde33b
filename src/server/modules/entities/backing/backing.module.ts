import { defineModule } from '../../../platform/module';
import { seedBackingDemo } from './backing.demo';
import { backingIndicators } from './backing.indicators';
import { backingRoutes } from './backing.routes';

/** Political backing of the values (objective 4): endorsements and commitments, public where agreed. */
export const entitiesBackingModule = defineModule({
  name: 'entities-backing',
  routes: (deps) => backingRoutes(deps),
  indicators: backingIndicators,
  demo: (db) => seedBackingDemo(db),
});
