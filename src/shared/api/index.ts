/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { contactFeedbackApi } from './contact-feedback';
import { contactMailApi } from './contact-mail';
import { platformApi } from './platform';
import { recognitionApi } from './recognition';

export const apiContracts = {
  platform: platformApi,
  contactMail: contactMailApi,
  contactFeedback: contactFeedbackApi,
  recognition: recognitionApi,
} as const;
