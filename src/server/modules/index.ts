/**
 * Every feature module, in the order their baseline and demo data are seeded (the organisation before
 * what refers to it) and their routes mounted.
 */
import { aggregatesModule } from './aggregates/aggregates.module';
import { authModule } from './auth/auth.module';
import { contactChatModule } from './contact/chat/chat.module';
import { contactFeedbackModule } from './contact/feedback/feedback.module';
import { contactMailModule } from './contact/mail/contact-mail.module';
import { contactSupervisorModule } from './contact/supervisor/supervisor.module';
import { contentModule } from './content/content.module';
import { entitiesBackingModule } from './entities/backing/backing.module';
import { entitiesFeedback360Module } from './entities/feedback360/feedback360.module';
import { entitiesPlansModule } from './entities/plans/plans.module';
import { entitiesProfileModule } from './entities/profile/profile.module';
import { entitiesSupportModule } from './entities/support/support.module';
import { entitiesTouchstoneModule } from './entities/touchstone/touchstone.module';
import { homeModule } from './home/home.module';
import { learningModule } from './learning/learning.module';
import { monitorInstrumentsModule } from './monitor/instruments/instruments.module';
import { monitorModule } from './monitor/monitor.module';
import { monitorOpenDataModule } from './monitor/open-data/open-data.module';
import { monitorReportModule } from './monitor/report/report.module';
import { notificationsModule } from './notifications/notifications.module';
import { opsModule } from './ops/ops.module';
import { orgModule } from './org/org.module';
import { recognitionModule } from './recognition/recognition.module';
import { storiesModule } from './stories/stories.module';
import { surveyModule } from './survey/survey.module';
import { valuesModule } from './values/values.module';

export const modules = [
  authModule,
  orgModule,
  valuesModule,
  entitiesProfileModule,
  entitiesSupportModule,
  entitiesBackingModule,
  contentModule,
  learningModule,
  contactSupervisorModule,
  contactMailModule,
  contactChatModule,
  contactFeedbackModule,
  recognitionModule,
  storiesModule,
  surveyModule,
  aggregatesModule,
  opsModule,
  entitiesPlansModule,
  entitiesTouchstoneModule,
  entitiesFeedback360Module,
  notificationsModule,
  homeModule,
  monitorModule,
  monitorInstrumentsModule,
  monitorReportModule,
  monitorOpenDataModule,
];
