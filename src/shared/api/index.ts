/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { contactChatApi } from './contact-chat';
import { contactSupervisorApi } from './contact-supervisor';
import { platformApi } from './platform';
import { recognitionApi } from './recognition';

export const apiContracts = {
  contactChat: contactChatApi,
  contactSupervisor: contactSupervisorApi,
  platform: platformApi,
  recognition: recognitionApi,
} as const;
