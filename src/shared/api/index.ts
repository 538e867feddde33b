/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { entitiesBackingApi } from './entities-backing';
import { entitiesProfileApi } from './entities-profile';
import { entitiesSupportApi } from './entities-support';
import { platformApi } from './platform';
import { recognitionApi } from './recognition';

export const apiContracts = {
  entitiesBacking: entitiesBackingApi,
  entitiesProfile: entitiesProfileApi,
  entitiesSupport: entitiesSupportApi,
  platform: platformApi,
  recognition: recognitionApi,
} as const;
