/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { platformApi } from './platform';
import { recognitionApi } from './recognition';
import { surveyApi } from './survey';
import { surveyActionsApi } from './survey-actions';
import { surveyResultsApi } from './survey-results';

export const apiContracts = {
  platform: platformApi,
  recognition: recognitionApi,
  survey: surveyApi,
  surveyResults: surveyResultsApi,
  surveyActions: surveyActionsApi,
} as const;
