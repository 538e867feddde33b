import { defineModule } from '../../../platform/module';
import { openDataRoutes } from './open-data.routes';

/** The monitor's open data: released public figures as CSV and JSON, and their DCAT-AP catalogue. */
export const monitorOpenDataModule = defineModule({
  name: 'monitor-open-data',
  routes: (deps) => openDataRoutes(deps),
});
