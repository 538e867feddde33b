import type { Db } from '../../../db/client';
import * as repo from './contact-mail.repo';

/**
 * The demo agent answers e-mails of every queue. An agent listed for no queue sees no ticket at all, so the
 * demo agent is listed for the queues that exist when the demo is seeded. Idempotent: an agent whose queues
 * were already chosen (in the demo or by a supervisor) keeps them.
 */
export async function seedContactMailDemo(db: Db, agentEmail: string) {
  await repo.listForAllQueuesIfUnlisted(db, agentEmail);
}
