import { createServer } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpSink } from '../../../test/support/smtp-sink';
import { createTestDatabase, describeEachEngine } from '../../../test/support/test-db';
import type { Database } from '../db/client';
import { devMailbox, jobs } from '../db/schema';
import type { EventBus } from '../events/event-bus';
import { handle, JobQueue } from '../jobs/job-queue';
import { createEventBus } from '../runtime';
import { DevMailboxMailer, type MailMessage, mailJob, SmtpMailer } from './mailer';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const message: MailMessage = {
  to: ['1700@test.example'],
  cc: ['burger@test.example'],
  replyTo: 'burger@test.example',
  subject: 'Vraag over de waarden',
  text: 'Hoe vertaalt mijn entiteit de waarden?',
  messageId: '<contact-1@waarden.test>',
};

describeEachEngine('mail delivery', (engine) => {
  let database: Database;
  let events: EventBus;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    events = createEventBus(database);
  });
  afterAll(async () => {
    await events.close();
    await database.close();
  });

  it('stores messages in the dev mailbox when no SMTP server is configured', async () => {
    const mailer = new DevMailboxMailer(database.db, 'no-reply@waarden.test');
    await mailer.send(message);
    const rows = await database.db.select().from(devMailbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      toAddresses: '1700@test.example',
      ccAddresses: 'burger@test.example',
      subject: message.subject,
    });
  });

  it('retries while the SMTP server is down and delivers exactly once when it comes back', async () => {
    const port = await freePort();
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@waarden.test');
    const queue = new JobQueue(database.db, events, pino({ level: 'silent' }), { baseBackoffMs: 1 });
    queue.register(handle(mailJob, (m) => mailer.send(m)));
    await queue.enqueue(mailJob, message, { dedupeKey: `mail-test-${engine}` });
    await queue.enqueue(mailJob, message, { dedupeKey: `mail-test-${engine}` });

    await queue.runDue();
    const [pending] = await database.db.select().from(jobs);
    expect(pending?.status).toBe('pending');
    expect(pending?.lastError).toMatch(/ECONNREFUSED|connect/i);

    const sink = await startSmtpSink(port);
    try {
      await new Promise((r) => setTimeout(r, 20));
      await queue.runDue();
      await queue.runDue();
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.to.sort()).toEqual(['1700@test.example', 'burger@test.example']);
      expect(sink.received[0]!.raw).toContain('Message-ID: <contact-1@waarden.test>');
      expect(sink.received[0]!.raw).toContain('Subject: Vraag over de waarden');
    } finally {
      await mailer.close();
      await sink.close();
    }
  });
});
