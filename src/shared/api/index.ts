/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { contactFeedbackApi } from './contact-feedback';
import { contactMailApi } from './contact-mail';
import { contentApi } from './content';
import { learningApi } from './learning';
import { platformApi } from './platform';
import { recognitionApi } from './recognition';
import { storiesApi } from './stories';

export const apiContracts = {
  platform: platformApi,
  contactMail: contactMailApi,
  contactFeedback: contactFeedbackApi,
  recognition: recognitionApi,
  learning: learningApi,
  stories: storiesApi,
  content: contentApi,
} as const;
