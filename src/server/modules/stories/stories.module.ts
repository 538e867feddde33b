import { defineModule } from '../../platform/module';
import { seedStoriesDemo } from './stories.demo';
import { storiesIndicators } from './stories.indicators';
import { storiesRoutes } from './stories.routes';

/** Staff stories and art on the values: submission, moderation, the gallery and the public page. */
export const storiesModule = defineModule({
  name: 'stories',
  routes: (deps) => storiesRoutes(deps),
  indicators: storiesIndicators,
  demo: (db, demo) => seedStoriesDemo(db, demo.entityCode),
});
