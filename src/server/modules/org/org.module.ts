import { defineModule } from '../../platform/module';
import { seedDemoOrganisation } from './demo-org';
import { orgRoutes } from './org.routes';

/** The organisation tree (entities, divisions, teams), its people and the roster import. */
export const orgModule = defineModule({
  name: 'org',
  routes: (deps) => orgRoutes(deps),
  demo: async (db, demo) => {
    await seedDemoOrganisation(db, demo);
  },
});
