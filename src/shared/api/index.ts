/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { authApi } from './auth';
import { authAdminApi } from './auth-admin';
import { opsApi } from './ops';
import { orgApi } from './org';
import { platformApi } from './platform';
import { recognitionApi } from './recognition';
import { valuesApi } from './values';

export const apiContracts = {
  platform: platformApi,
  auth: authApi,
  authAdmin: authAdminApi,
  org: orgApi,
  values: valuesApi,
  ops: opsApi,
  recognition: recognitionApi,
} as const;
