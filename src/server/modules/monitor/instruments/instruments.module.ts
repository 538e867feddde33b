import { defineModule } from '../../../platform/module';
import { instrumentsIndicators } from './instruments.indicators';
import { instrumentsRoutes } from './instruments.routes';

/** Other instruments than the modules' own (the BUE and others): described, imported, fed to the monitor. */
export const monitorInstrumentsModule = defineModule({
  name: 'monitor-instruments',
  routes: (deps) => instrumentsRoutes(deps),
  indicators: instrumentsIndicators,
});
