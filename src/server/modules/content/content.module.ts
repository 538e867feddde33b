import { defineModule } from '../../platform/module';
import { contentIndicators } from './content.indicators';
import { contentRoutes } from './content.routes';
import { seedContentPages } from './content.service';

/** The public site's pages (nl/en), their search and the page feedback. */
export const contentModule = defineModule({
  name: 'content',
  routes: (deps) => contentRoutes(deps),
  indicators: contentIndicators,
  baseline: (db) => seedContentPages(db),
});
