import { defineModule } from '../../platform/module';
import { homeRoutes } from './home.routes';

/** The signed-in home page: one section per role, built from the other modules' services. */
export const homeModule = defineModule({
  name: 'home',
  routes: (deps) => homeRoutes(deps),
});
