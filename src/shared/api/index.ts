/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { platformApi } from './platform';
import { recognitionApi } from './recognition';

export const apiContracts = {
  platform: platformApi,
  recognition: recognitionApi,
} as const;
