import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Db } from '../db/client';
import { devMailbox } from '../db/schema';
import { jobType } from '../jobs/job-queue';

export const mailMessage = z.object({
  to: z.array(z.string()),
  cc: z.array(z.string()).optional(),
  replyTo: z.string().optional(),
  subject: z.string(),
  text: z.string(),
  /** Stable id: a retried delivery carries the same Message-ID, so receivers can drop a duplicate. */
  messageId: z.string(),
  /** Threading: mail clients show an answer under the message it answers. */
  inReplyTo: z.string().optional(),
  references: z.array(z.string()).optional(),
});
export type MailMessage = z.infer<typeof mailMessage>;

/**
 * A file to send with a message. Not part of the job payload: a module whose mail carries files keeps them
 * in its own tables and hands them over when its job runs, so a job row never holds megabytes.
 */
export type MailAttachment = { filename: string; contentType: string; content: Buffer };

export interface Mailer {
  readonly kind: 'smtp' | 'dev-mailbox';
  send(message: MailMessage, attachments?: MailAttachment[]): Promise<void>;
  close(): Promise<void>;
}

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  // nodemailer is loaded with the first message, so a start without SMTP (or before any mail) skips it.
  private transport?: Promise<Transporter>;
  constructor(
    private readonly smtpUrl: string,
    private readonly from: string,
  ) {}
  private connection(): Promise<Transporter> {
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(this.smtpUrl, {}),
    );
    return this.transport;
  }
  async send(message: MailMessage, attachments: MailAttachment[] = []): Promise<void> {
    const transport = await this.connection();
    await transport.sendMail({
      from: this.from,
      to: message.to,
      cc: message.cc,
      replyTo: message.replyTo,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
      inReplyTo: message.inReplyTo,
      references: message.references,
      attachments: attachments.map((file) => ({
        filename: file.filename,
        contentType: file.contentType,
        content: file.content,
      })),
    });
  }
  async close(): Promise<void> {
    (await this.transport)?.close();
  }
}

/** Local development and demo: messages are stored, and programme admins read them in the app. */
export class DevMailboxMailer implements Mailer {
  readonly kind = 'dev-mailbox' as const;
  constructor(
    private readonly db: Db,
    private readonly from: string,
  ) {}
  async send(message: MailMessage, attachments: MailAttachment[] = []): Promise<void> {
    // The dev mailbox shows text only: attachments are named under the message, not stored twice.
    const names = attachments.map((file) => `[${file.filename}, ${file.contentType}]`).join('\n');
    await this.db.insert(devMailbox).values({
      messageId: message.messageId,
      fromAddress: this.from,
      toAddresses: message.to.join(', '),
      ccAddresses: message.cc?.join(', ') || null,
      replyTo: message.replyTo ?? null,
      subject: message.subject,
      textBody: names ? `${message.text}\n\n${names}` : message.text,
    });
  }
  async close(): Promise<void> {}
}

export const MAIL_QUEUE = 'mail_send';
/** Sending one message: every module that mails enqueues this job, in the transaction that decided it. */
export const mailJob = jobType(MAIL_QUEUE, mailMessage);
