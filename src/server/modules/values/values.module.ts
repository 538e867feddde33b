import { defineModule } from '../../platform/module';
import { valuesRoutes } from './values.routes';
import { seedDemoEntityValues, seedValuesFramework } from './values.service';

/** The official values framework, and each entity's own words and focus values. */
export const valuesModule = defineModule({
  name: 'values',
  routes: (deps) => valuesRoutes(deps),
  baseline: (db) => seedValuesFramework(db),
  demo: (db, demo) => seedDemoEntityValues(db, demo.entityCode),
});
