import type { Logger } from 'pino';
import type { Db } from './db/client';
import { seedCannedAnswersDemo } from './modules/contact/chat/canned.demo';
import { seedChatQueues } from './modules/contact/chat/chat.service';
import { seedContactMailDemo } from './modules/contact/mail/contact-mail.demo';
import { seedContactDemo } from './modules/contact/supervisor/supervisor.demo';
import { seedContentPages } from './modules/content/content.service';
import { seedDemoLearning, seedLearning } from './modules/learning/learning.service';
import { DEMO_EMAIL_DOMAIN, DEMO_ENTITY_CODE, seedDemoOrganisation } from './modules/org/demo-org';
import { seedRecognitionDemo } from './modules/recognition/recognition.demo';
import { seedStoriesDemo } from './modules/stories/stories.demo';
import { seedDemoSurvey } from './modules/survey/survey.demo';
import { seedStandardModule } from './modules/survey/survey.service';
import { seedDemoEntityValues, seedValuesFramework } from './modules/values/values.service';

/** Data every installation needs (the official values framework, the public pages); idempotent. */
export async function seedBaseline(db: Db): Promise<void> {
  await seedValuesFramework(db);
  await seedContentPages(db);
  await seedLearning(db);
  await seedChatQueues(db);
  await seedStandardModule(db);
}

/** The synthetic demo organisation, its staff and the demo accounts; idempotent. */
export async function seedDemo(
  db: Db,
  options: { logger?: Logger; staff?: number; appSecret: string },
): Promise<void> {
  await seedDemoOrganisation(db, options);
  await seedDemoEntityValues(db, DEMO_ENTITY_CODE);
  await seedDemoLearning(db, DEMO_ENTITY_CODE, DEMO_EMAIL_DOMAIN);
  await seedContactDemo(db, `agent@${DEMO_EMAIL_DOMAIN}`);
  await seedContactMailDemo(db, `agent@${DEMO_EMAIL_DOMAIN}`);
  await seedCannedAnswersDemo(db);
  await seedRecognitionDemo(db, `employee@${DEMO_EMAIL_DOMAIN}`);
  await seedStoriesDemo(db, DEMO_ENTITY_CODE);
  await seedDemoSurvey(db, `employee@${DEMO_EMAIL_DOMAIN}`, options.appSecret);
}
