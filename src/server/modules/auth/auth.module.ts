import { defineModule } from '../../platform/module';
import { authRoutes } from './auth.routes';

/** Sign-in (password and OIDC), sessions, accounts and roles, the audit log's reader. */
export const authModule = defineModule({
  name: 'auth',
  routes: (deps) => authRoutes(deps),
});
