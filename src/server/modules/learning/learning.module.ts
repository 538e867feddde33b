import { defineModule } from '../../platform/module';
import { learningIndicators } from './learning.indicators';
import { learningRoutes } from './learning.routes';
import { seedDemoLearning, seedLearning } from './learning.service';

/** Learning paths on the values: modules, practice, progress and released insights. */
export const learningModule = defineModule({
  name: 'learning',
  routes: (deps) => learningRoutes(deps),
  indicators: learningIndicators,
  baseline: (db) => seedLearning(db),
  demo: async (db, demo) => {
    await seedDemoLearning(db, demo.entityCode, demo.emailDomain);
  },
});
