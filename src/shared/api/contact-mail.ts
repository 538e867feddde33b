import { z } from 'zod';
import { defineApi, route } from './contract';

/** Topics a citizen picks from; labels live in the catalogues under contactMail.topics.<key>. */
export const CONTACT_TOPICS = ['general', 'values', 'work', 'website', 'privacy'] as const;
/** What an agent files a handled ticket under; labels under contactMail.categories.<key>. */
export const TICKET_CATEGORIES = ['information', 'referral', 'complaint', 'suggestion', 'other'] as const;
export const TICKET_STATUSES = ['new', 'open', 'answered', 'closed'] as const;

export const MAX_NAME = 100;
export const MAX_QUESTION = 5000;
export const MAX_REPLY = 10_000;
/** A topic's reply target when no supervisor set one: two working days of eight opening hours. */
export const DEFAULT_REPLY_TARGET_HOURS = 16;
/** About a year of working days: longer than that is no target. */
export const MAX_REPLY_TARGET_HOURS = 2000;

/**
 * What may be attached to a ticket, recognised by content (never by name or declared type): PDF, PNG, JPEG
 * and WebP images (re-encoded without metadata), and office documents in the Office Open XML and
 * OpenDocument formats. Old binary Office files (.doc, .xls) are not taken: they carry macros unseen.
 */
export const ATTACHMENT_TYPES = [
  { mime: 'application/pdf', extensions: ['pdf'] },
  { mime: 'image/png', extensions: ['png'], image: 'png' },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], image: 'jpeg' },
  { mime: 'image/webp', extensions: ['webp'], image: 'webp' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
] as const satisfies readonly { mime: string; extensions: readonly string[]; image?: string }[];

/** The defaults of CONTACT_ATTACHMENT_MAX_FILES and CONTACT_ATTACHMENT_MAX_MB, as the web form states them. */
export const DEFAULT_ATTACHMENT_MAX_FILES = 3;
export const DEFAULT_ATTACHMENT_MAX_MB = 10;

/** For the file picker's `accept`: a hint to the browser, the server decides by content. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((type) =>
  type.extensions.map((ext) => `.${ext}`),
).join(',');

/** The public form's body: the longest legal question in multi-byte UTF-8 fits with room to spare. */
export const CONTACT_BODY_LIMIT = 64 * 1024;

const locale = z.enum(['nl', 'en']);
// PostgreSQL text cannot hold NUL; other control characters are harmless as text but pointless in a question.
const noNul = (value: string) => !value.includes('\u0000');

export const contactEmailBody = z.object({
  name: z
    .string()
    .trim()
    .max(MAX_NAME)
    .refine(noNul, { message: 'validation.nul_character' })
    .nullish()
    .transform((value) => (value ? value : null)),
  email: z
    .string({ message: 'contactMail.validation.email' })
    .trim()
    .max(254)
    .email({ message: 'contactMail.validation.email' }),
  topic: z.enum(CONTACT_TOPICS, { message: 'contactMail.validation.topic' }),
  question: z
    .string({ message: 'contactMail.validation.question' })
    .trim()
    .min(1, { message: 'contactMail.validation.question' })
    .max(MAX_QUESTION)
    .refine(noNul, { message: 'validation.nul_character' }),
  consent: z.literal(true, { message: 'contactMail.validation.consent' }),
  locale: locale.optional(),
  /** Honeypot: hidden from people by the web form, so only robots fill it in. */
  website: z.string().max(500).optional(),
});
export type ContactEmailInput = z.infer<typeof contactEmailBody>;

export const contactEmailAccepted = z.object({
  /** What the citizen quotes when calling 1700 about this e-mail. */
  reference: z.string(),
  /**
   * Whether a confirmation mail goes to the given address. False when the limits on mail sent at a citizen's
   * request were reached: the question is stored all the same, and the answer still follows by mail.
   */
  confirmationSent: z.boolean(),
  /**
   * When the answer is due (the topic's reply target in the queue's opening hours), with the queue's time zone
   * to show it in; null when no deadline applies (no queue, or a queue that never opens).
   */
  expectedReply: z.object({ at: z.string(), timeZone: z.string() }).nullable(),
});

/**
 * The expected reply time as the citizen reads it: "dinsdag 9 december" and "12.00" in Dutch, "Tuesday 9
 * December" and "12:00" in English, on the wall clock of the queue's time zone.
 */
export function formatReplyBy(locale: 'nl' | 'en', at: string | Date, timeZone: string) {
  const instant = new Date(at);
  const tag = locale === 'nl' ? 'nl-BE' : 'en-GB';
  const date = new Intl.DateTimeFormat(tag, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(instant);
  const time = new Intl.DateTimeFormat(tag, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return { date, time: locale === 'nl' ? time.replace(':', '.') : time };
}

export const ticketStatus = z.enum(TICKET_STATUSES);
export const ticketCategory = z.enum(TICKET_CATEGORIES);

export const ticketListQuery = z.object({
  status: ticketStatus.optional(),
  /** due: tickets waiting for an answer first, the most overdue on top; recent: newest activity first. */
  sort: z.enum(['due', 'recent']).default('due'),
  /** Supervisors only: tickets past their deadline, still open or answered late. */
  breached: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const serialId = z.coerce.number().int().min(1).max(2_147_483_647);
export const ticketIdParams = z.object({ id: serialId });
export const heldReplyParams = z.object({ id: serialId, heldId: serialId });

export const ticketSummaryOut = z.object({
  id: z.number().int(),
  reference: z.string(),
  status: ticketStatus,
  topic: z.string(),
  category: z.string().nullable(),
  citizenName: z.string().nullable(),
  citizenEmail: z.string(),
  locale,
  /** Plain text: the first characters of the question, never HTML. */
  preview: z.string(),
  /** Replies from another sender than the citizen, waiting for an agent to accept or discard them. */
  heldCount: z.number().int(),
  /** When the answer is due; null when no deadline applies. */
  dueAt: z.string().nullable(),
  /** The first answer since the deadline was set. */
  answeredAt: z.string().nullable(),
  /** Past the deadline: still waiting for an answer, or answered after it. */
  breached: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ticketListOut = z.object({
  items: z.array(ticketSummaryOut),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const attachmentOut = z.object({
  id: z.number().int(),
  fileName: z.string(),
  /** From the sniffed content. */
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});

export const ticketMessageOut = z.object({
  id: z.number().int(),
  direction: z.enum(['citizen', 'agent']),
  authorName: z.string().nullable(),
  /** Plain text exactly as written: clients must render it as text. */
  body: z.string(),
  attachments: z.array(attachmentOut),
  createdAt: z.string(),
});

export const attachmentParams = z.object({ id: serialId, attachmentId: serialId });

export const heldReplyOut = z.object({
  id: z.number().int(),
  /** The From address of the mail: not the citizen's, or the reply would be in the thread. */
  senderAddress: z.string(),
  /** The SMTP envelope sender; empty for a bounce or an automatic reply. */
  envelopeSender: z.string(),
  /** Plain text exactly as received (quoted history dropped): clients must render it as text. */
  body: z.string(),
  receivedAt: z.string(),
});

export const ticketOut = ticketSummaryOut.extend({
  messages: z.array(ticketMessageOut),
  heldReplies: z.array(heldReplyOut),
});

export const ticketReplyBody = z.object({
  text: z
    .string({ message: 'contactMail.validation.reply' })
    .trim()
    .min(1, { message: 'contactMail.validation.reply' })
    .max(MAX_REPLY)
    .refine(noNul, { message: 'validation.nul_character' }),
});

export const ticketPatchBody = z
  .object({ status: ticketStatus.optional(), category: ticketCategory.nullable().optional() })
  .refine((value) => value.status !== undefined || value.category !== undefined, {
    message: 'contactMail.validation.patchEmpty',
  });

export const erasureQuery = z.object({
  email: z.string().trim().max(254).email({ message: 'contactMail.validation.email' }),
});
export const erasureOut = z.object({ ticketsDeleted: z.number().int() });

export const replyTargetOut = z.object({
  topic: z.enum(CONTACT_TOPICS),
  /** Working hours: counted in the opening hours of the queue that handles the topic. */
  hours: z.number().int(),
  /** No supervisor set a target for this topic: the default applies. */
  isDefault: z.boolean(),
});
export const replyTargetsOut = z.object({ items: z.array(replyTargetOut) });
export const replyTargetParams = z.object({
  topic: z.enum(CONTACT_TOPICS, { message: 'contactMail.validation.topic' }),
});
export const replyTargetBody = z.object({
  hours: z
    .number({ message: 'contactMail.validation.targetHours' })
    .int({ message: 'contactMail.validation.targetHours' })
    .min(1, { message: 'contactMail.validation.targetHours' })
    .max(MAX_REPLY_TARGET_HOURS, { message: 'contactMail.validation.targetHours' }),
});

export const earlierContactOut = z.object({
  channel: z.enum(['mail', 'chat']),
  id: z.number().int(),
  /** The ticket's reference; null for a chat. */
  reference: z.string().nullable(),
  /** When the contact began. */
  at: z.string(),
  /** The e-mail topic; null for a chat (its queue says what it was about). */
  topic: z.string().nullable(),
  queueNameNl: z.string().nullable(),
  queueNameEn: z.string().nullable(),
  /** A ticket status (new, open, answered, closed) or a chat status (waiting, active, closed). */
  status: z.string(),
});
export const earlierContactsOut = z.object({ items: z.array(earlierContactOut) });

/** What a citizen quotes about a ticket: its id, zero-padded, after the 1700 prefix. */
export const ticketReference = (id: number) => `1700-${String(id).padStart(6, '0')}`;

// ---- routes ----------------------------------------------------------------------------------

/** Contact 1700 by e-mail: the public form and the agents' tickets. */
export const contactMailApi = defineApi('contact', {
  submit: route({
    method: 'POST',
    path: '/api/contact/email',
    access: 'public',
    summary: 'Send a question to 1700 by e-mail through the public form',
    body: contactEmailBody,
    responses: { 202: contactEmailAccepted },
  }),
  submitWithFiles: route({
    method: 'POST',
    path: '/api/contact/email/files',
    access: 'public',
    summary: 'Send a question to 1700 by e-mail with attachments, each scanned for viruses',
    description:
      'multipart/form-data: `data` (JSON, the same fields as POST /api/contact/email) and `files` (PDF, PNG, JPEG, WebP or an office document; count and size as configured). Each file is scanned by clamd and checked by its content; images are re-encoded without metadata. A file that cannot be scanned is refused (503).',
    // The `data` part is checked against contactEmailBody by the handler, after the parts are read.
    multipart: true,
    responses: { 202: contactEmailAccepted },
  }),
  tickets: route({
    method: 'GET',
    path: '/api/contact/tickets',
    access: 'contactAgent',
    summary:
      "List the e-mail tickets of the agent's queues, the most urgent deadline or newest activity first",
    query: ticketListQuery,
    responses: { 200: ticketListOut },
  }),
  earlierContacts: route({
    method: 'GET',
    path: '/api/contact/tickets/:id/earlier-contacts',
    access: 'contactAgent',
    summary: "The citizen's earlier tickets and chats within the retention period, in the agent's queues",
    params: ticketIdParams,
    responses: { 200: earlierContactsOut },
  }),
  replyTargets: route({
    method: 'GET',
    path: '/api/contact/reply-targets',
    access: 'contactSupervisor',
    summary: 'The reply target of each e-mail topic, in working hours',
    responses: { 200: replyTargetsOut },
  }),
  setReplyTarget: route({
    method: 'PUT',
    path: '/api/contact/reply-targets/:topic',
    access: 'contactSupervisor',
    summary: "Set an e-mail topic's reply target in working hours",
    params: replyTargetParams,
    body: replyTargetBody,
    responses: { 200: replyTargetOut },
  }),
  ticket: route({
    method: 'GET',
    path: '/api/contact/tickets/:id',
    access: 'contactAgent',
    summary: 'One e-mail ticket with its messages and held replies',
    params: ticketIdParams,
    responses: { 200: ticketOut },
  }),
  reply: route({
    method: 'POST',
    path: '/api/contact/tickets/:id/reply',
    access: 'contactAgent',
    summary: 'Answer a ticket: the answer is stored and mailed to the citizen',
    params: ticketIdParams,
    body: ticketReplyBody,
    responses: { 201: ticketOut },
  }),
  replyWithFiles: route({
    method: 'POST',
    path: '/api/contact/tickets/:id/reply/files',
    access: 'contactAgent',
    summary:
      'Answer a ticket with attachments: the answer and its files are stored and mailed to the citizen',
    description:
      'multipart/form-data: `data` (JSON: `{ "text": … }`) and `files`, checked as in POST /api/contact/email/files.',
    params: ticketIdParams,
    multipart: true,
    responses: { 201: ticketOut },
  }),
  attachment: route({
    method: 'GET',
    path: '/api/contact/tickets/:id/attachments/:attachmentId',
    access: 'contactAgent',
    summary: 'Download an attachment of a ticket in the agent’s queues',
    kind: 'file',
    params: attachmentParams,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/contact/tickets/:id',
    access: 'contactAgent',
    summary: "Change a ticket's status or category",
    params: ticketIdParams,
    body: ticketPatchBody,
    responses: { 200: ticketOut },
  }),
  acceptHeld: route({
    method: 'POST',
    path: '/api/contact/tickets/:id/held/:heldId/accept',
    access: 'contactAgent',
    summary: "Accept a held reply from another sender into the ticket's thread",
    params: heldReplyParams,
    responses: { 200: ticketOut },
  }),
  discardHeld: route({
    method: 'DELETE',
    path: '/api/contact/tickets/:id/held/:heldId',
    access: 'contactAgent',
    summary: 'Discard a held reply from another sender',
    params: heldReplyParams,
    responses: { 200: ticketOut },
  }),
  eraseCitizen: route({
    method: 'DELETE',
    path: '/api/contact/citizens',
    access: 'contactOversight',
    summary: "Erase every ticket of a citizen's e-mail address on request",
    query: erasureQuery,
    responses: { 200: erasureOut },
  }),
});
