import { defineModule } from '../../../platform/module';
import { feedbackIndicators } from './feedback.indicators';
import { contactFeedbackRoutes } from './feedback.routes';

/** Citizens' rating of a chat or an answered e-mail, and its released figures. */
export const contactFeedbackModule = defineModule({
  name: 'contact-feedback',
  routes: (deps) => contactFeedbackRoutes(deps),
  indicators: feedbackIndicators,
});
