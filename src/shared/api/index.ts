/** Every module's API contract, by the name the web client uses (`api.recognition.list(…)`). */
import { authApi } from './auth';
import { authAdminApi } from './auth-admin';
import { contactChatApi } from './contact-chat';
import { contactFeedbackApi } from './contact-feedback';
import { contactMailApi } from './contact-mail';
import { contactSupervisorApi } from './contact-supervisor';
import { contentApi } from './content';
import { entitiesBackingApi } from './entities-backing';
import { entitiesFeedback360Api } from './entities-feedback360';
import { entitiesPlansApi } from './entities-plans';
import { entitiesProfileApi } from './entities-profile';
import { entitiesSupportApi } from './entities-support';
import { entitiesTouchstoneApi } from './entities-touchstone';
import { homeApi } from './home';
import { learningApi } from './learning';
import { monitorApi } from './monitor';
import { monitorInstrumentsApi, monitorOpenDataApi, monitorReportApi } from './monitor-io';
import { notificationsApi } from './notifications';
import { opsApi } from './ops';
import { orgApi } from './org';
import { platformApi } from './platform';
import { recognitionApi } from './recognition';
import { storiesApi } from './stories';
import { surveyApi } from './survey';
import { surveyActionsApi } from './survey-actions';
import { surveyResultsApi } from './survey-results';
import { valuesApi } from './values';

export const apiContracts = {
  entitiesBacking: entitiesBackingApi,
  entitiesProfile: entitiesProfileApi,
  entitiesSupport: entitiesSupportApi,
  entitiesPlans: entitiesPlansApi,
  entitiesTouchstone: entitiesTouchstoneApi,
  contactChat: contactChatApi,
  contactSupervisor: contactSupervisorApi,
  entitiesFeedback360: entitiesFeedback360Api,
  platform: platformApi,
  auth: authApi,
  authAdmin: authAdminApi,
  org: orgApi,
  values: valuesApi,
  content: contentApi,
  learning: learningApi,
  contactMail: contactMailApi,
  contactFeedback: contactFeedbackApi,
  recognition: recognitionApi,
  stories: storiesApi,
  ops: opsApi,
  survey: surveyApi,
  surveyResults: surveyResultsApi,
  surveyActions: surveyActionsApi,
  home: homeApi,
  notifications: notificationsApi,
  monitorInstruments: monitorInstrumentsApi,
  monitorReport: monitorReportApi,
  monitorOpenData: monitorOpenDataApi,
  monitor: monitorApi,
} as const;
