// Catalogues are split per area (one JSON file per area and language) so modules can grow them independently.
// Every area file holds its own top-level key; a test checks that nl and en have the same keys.
import enAuth from './en/auth.json' with { type: 'json' };
import enContact from './en/contact.json' with { type: 'json' };
import enContactChat from './en/contact-chat.json' with { type: 'json' };
import enContactFeedback from './en/contact-feedback.json' with { type: 'json' };
import enContactMail from './en/contact-mail.json' with { type: 'json' };
import enContactSupervisor from './en/contact-supervisor.json' with { type: 'json' };
import enContent from './en/content.json' with { type: 'json' };
import enEntitiesBacking from './en/entities-backing.json' with { type: 'json' };
import enEntitiesFeedback360 from './en/entities-feedback360.json' with { type: 'json' };
import enEntitiesPlans from './en/entities-plans.json' with { type: 'json' };
import enEntitiesProfile from './en/entities-profile.json' with { type: 'json' };
import enEntitiesSupport from './en/entities-support.json' with { type: 'json' };
import enEntitiesTouchstone from './en/entities-touchstone.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enHome from './en/home.json' with { type: 'json' };
import enLearning from './en/learning.json' with { type: 'json' };
import enMonitor from './en/monitor.json' with { type: 'json' };
import enMonitorIo from './en/monitor-io.json' with { type: 'json' };
import enNotifications from './en/notifications.json' with { type: 'json' };
import enOps from './en/ops.json' with { type: 'json' };
import enOrg from './en/org.json' with { type: 'json' };
import enProgramme from './en/programme.json' with { type: 'json' };
import enRecognition from './en/recognition.json' with { type: 'json' };
import enStories from './en/stories.json' with { type: 'json' };
import enSurvey from './en/survey.json' with { type: 'json' };
import enSurveyResults from './en/survey-results.json' with { type: 'json' };
import enValues from './en/values.json' with { type: 'json' };
import enWeb from './en/web.json' with { type: 'json' };
import enWebHead from './en/web-head.json' with { type: 'json' };
import nlAuth from './nl/auth.json' with { type: 'json' };
import nlContact from './nl/contact.json' with { type: 'json' };
import nlContactChat from './nl/contact-chat.json' with { type: 'json' };
import nlContactFeedback from './nl/contact-feedback.json' with { type: 'json' };
import nlContactMail from './nl/contact-mail.json' with { type: 'json' };
import nlContactSupervisor from './nl/contact-supervisor.json' with { type: 'json' };
import nlContent from './nl/content.json' with { type: 'json' };
import nlEntitiesBacking from './nl/entities-backing.json' with { type: 'json' };
import nlEntitiesFeedback360 from './nl/entities-feedback360.json' with { type: 'json' };
import nlEntitiesPlans from './nl/entities-plans.json' with { type: 'json' };
import nlEntitiesProfile from './nl/entities-profile.json' with { type: 'json' };
import nlEntitiesSupport from './nl/entities-support.json' with { type: 'json' };
import nlEntitiesTouchstone from './nl/entities-touchstone.json' with { type: 'json' };
import nlErrors from './nl/errors.json' with { type: 'json' };
import nlHome from './nl/home.json' with { type: 'json' };
import nlLearning from './nl/learning.json' with { type: 'json' };
import nlMonitor from './nl/monitor.json' with { type: 'json' };
import nlMonitorIo from './nl/monitor-io.json' with { type: 'json' };
import nlNotifications from './nl/notifications.json' with { type: 'json' };
import nlOps from './nl/ops.json' with { type: 'json' };
import nlOrg from './nl/org.json' with { type: 'json' };
import nlProgramme from './nl/programme.json' with { type: 'json' };
import nlRecognition from './nl/recognition.json' with { type: 'json' };
import nlStories from './nl/stories.json' with { type: 'json' };
import nlSurvey from './nl/survey.json' with { type: 'json' };
import nlSurveyResults from './nl/survey-results.json' with { type: 'json' };
import nlValues from './nl/values.json' with { type: 'json' };
import nlWeb from './nl/web.json' with { type: 'json' };
import nlWebHead from './nl/web-head.json' with { type: 'json' };

export const catalogues = {
  nl: {
    ...nlAuth,
    ...nlContact,
    ...nlContactChat,
    ...nlContactFeedback,
    ...nlContactMail,
    ...nlContactSupervisor,
    ...nlContent,
    ...nlEntitiesBacking,
    ...nlEntitiesProfile,
    ...nlEntitiesSupport,
    ...nlEntitiesPlans,
    ...nlEntitiesTouchstone,
    ...nlEntitiesFeedback360,
    ...nlErrors,
    ...nlLearning,
    ...nlHome,
    ...nlNotifications,
    ...nlMonitorIo,
    ...nlOps,
    ...nlOrg,
    ...nlProgramme,
    ...nlRecognition,
    ...nlStories,
    ...nlSurvey,
    ...nlSurveyResults,
    ...nlValues,
    ...nlWeb,
    ...nlWebHead,
    ...nlMonitor,
  },
  en: {
    ...enAuth,
    ...enContact,
    ...enContactChat,
    ...enContactFeedback,
    ...enContactMail,
    ...enContactSupervisor,
    ...enContent,
    ...enEntitiesBacking,
    ...enEntitiesProfile,
    ...enEntitiesSupport,
    ...enEntitiesPlans,
    ...enEntitiesTouchstone,
    ...enEntitiesFeedback360,
    ...enErrors,
    ...enLearning,
    ...enHome,
    ...enNotifications,
    ...enMonitorIo,
    ...enOps,
    ...enOrg,
    ...enProgramme,
    ...enRecognition,
    ...enStories,
    ...enSurvey,
    ...enSurveyResults,
    ...enValues,
    ...enWeb,
    ...enWebHead,
    ...enMonitor,
  },
};

export type Catalogue = typeof catalogues.nl;
