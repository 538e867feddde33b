/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { entitiesPlansApi } from './entities-plans';
import { entitiesTouchstoneApi } from './entities-touchstone';
import { platformApi } from './platform';
import { recognitionApi } from './recognition';

export const apiContracts = {
  entitiesPlans: entitiesPlansApi,
  entitiesTouchstone: entitiesTouchstoneApi,
  platform: platformApi,
  recognition: recognitionApi,
} as const;
