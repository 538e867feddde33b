import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clamdAvailable,
  EICAR,
  startClamd,
  TEST_MARKER,
  type TestClamd,
} from '../../../../../test/support/clamd';
import { type MultipartPart, multipart } from '../../../../../test/support/multipart';
import { type ReceivedMail, startSmtpSink } from '../../../../../test/support/smtp-sink';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { contactAttachments, contactTickets } from '../../../db/schema';
import { ClamdScanner, parseReply } from '../../../platform/virus-scan';
import { purgeExpiredTickets } from './contact-mail.service';

const pdf = (extra = '') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n${extra}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );

/** A photo as a phone makes it: JPEG with EXIF, including a GPS position. */
function photoWithGps() {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '50/1 50/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 21/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();
}

const question = (email: string) =>
  JSON.stringify({
    email,
    topic: 'values',
    question: 'Zie het document in bijlage.',
    consent: true,
    locale: 'nl',
  });

const issues = (response: { json(): { error: { issues?: { path: string; message: string }[] } } }) =>
  Object.fromEntries((response.json().error.issues ?? []).map((i) => [i.path, i.message]));

describe('clamd replies', () => {
  it('reads OK, FOUND and errors; without an address nothing is scanned', async () => {
    expect(parseReply('stream: OK\0')).toEqual({ status: 'clean' });
    expect(parseReply('stream: Waarden.Test.EICAR.UNOFFICIAL FOUND\0')).toEqual({
      status: 'infected',
      signature: 'Waarden.Test.EICAR.UNOFFICIAL',
    });
    expect(parseReply('INSTREAM size limit exceeded. ERROR\0').status).toBe('unscanned');
    expect(parseReply('').status).toBe('unscanned');
    expect(await new ClamdScanner(undefined, 1000).scan(Buffer.from('x'))).toMatchObject({
      status: 'unscanned',
    });
  });
});

const hasClamd = clamdAvailable();

/** Without clamd the suite is skipped with a notice; REQUIRE_CLAMAV=1 (CI) makes that an error instead. */
const eachEngine: typeof describeEachEngine = hasClamd
  ? describeEachEngine
  : (name) => describe.skip(`${name} [clamd not installed, skipped]`, () => {});

eachEngine('contact attachments with clamd', (engine) => {
  let clamd: TestClamd;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const options = { config: {} as Record<string, string> };
  beforeAll(async () => {
    [clamd, sink] = await Promise.all([startClamd(), startSmtpSink()]);
    Object.assign(options.config, {
      CLAMD_SOCKET: clamd.socket,
      SMTP_URL: sink.url,
      CONTACT_MAILBOX: '1700@vlaanderen.test',
      PUBLIC_URL: 'https://waarden.test',
      CONTACT_ATTACHMENT_MAX_MB: '1',
      CONTACT_ATTACHMENT_MAX_FILES: '3',
      CONTACT_RETENTION_DAYS: '30',
    });
  });
  const ctx = useTestContext(engine, options);
  afterAll(async () => {
    await Promise.all([clamd?.stop(), sink?.close()]);
  });

  let agent: Session;
  let unlisted: Session;
  beforeAll(async () => {
    const db = ctx.current.database.db;
    for (const email of ['agent@att.test', 'unlisted@att.test'])
      await buildAccount(ctx.current, { email, roles: [{ role: 'contact_agent' }] });
    await db.execute(sql`insert into chat_agent_queues (account_id, queue_id)
      select a.id, q.id from accounts a, chat_queues q where a.email = 'agent@att.test' and q.key = 'algemeen'`);
    agent = await signIn(ctx.current, 'agent@att.test');
    unlisted = await signIn(ctx.current, 'unlisted@att.test');
  });

  const send = async (email: string, files: MultipartPart[], headers: Record<string, string> = {}) => {
    const body = await multipart([{ name: 'data', value: question(email) }, ...files]);
    return ctx.current.app.inject({
      method: 'POST',
      url: '/api/contact/email/files',
      payload: body.payload,
      headers: { ...body.headers, ...headers },
    });
  };
  const ticketOf = async (email: string) =>
    (
      await ctx.current.database.db
        .select()
        .from(contactTickets)
        .where(eq(contactTickets.citizenEmail, email))
    )[0]!;
  const attachmentCount = async () =>
    (await ctx.current.database.db.select().from(contactAttachments)).length;
  const deliver = async () => {
    await ctx.current.runtime.jobs.runDue();
  };
  const mailTo = (address: string): ReceivedMail[] => sink.received.filter((m) => m.to.includes(address));

  it('takes a PDF, mails it to 1700 (not to the unverified address), and lets the agent download it', async () => {
    const response = await send('pdf@burger.test', [
      { name: 'files', value: pdf(), fileName: 'aanvraag.pdf', type: 'application/pdf' },
    ]);
    expect(response.statusCode).toBe(202);
    const ticket = await ticketOf('pdf@burger.test');
    await deliver();
    const toMailbox = await simpleParser(
      mailTo('1700@vlaanderen.test').find((m) => m.raw.includes(`ticket-${ticket.id}-question`))!.raw,
    );
    expect(toMailbox.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['aanvraag.pdf', 'application/pdf'],
    ]);
    expect(toMailbox.attachments[0]!.content.equals(pdf())).toBe(true);
    const copy = await simpleParser(mailTo('pdf@burger.test')[0]!.raw);
    expect(copy.attachments).toHaveLength(0);
    expect(copy.text).toContain('We ontvingen ook 1 bijlage.');

    const view = await agent.inject({ method: 'GET', url: `/api/contact/tickets/${ticket.id}` });
    const [file] = view.json().messages[0].attachments;
    expect(file).toMatchObject({ fileName: 'aanvraag.pdf', mimeType: 'application/pdf' });
    const url = `/api/contact/tickets/${ticket.id}/attachments/${file.id}`;
    const download = await agent.inject({ method: 'GET', url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="aanvraag.pdf"; filename*=UTF-8''aanvraag.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf())).toBe(true);

    // Only agents of the ticket's queue: another agent and an anonymous caller learn nothing.
    expect((await unlisted.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await ctx.current.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const wrongTicket = `/api/contact/tickets/${ticket.id + 1000}/attachments/${file.id}`;
    expect((await agent.inject({ method: 'GET', url: wrongTicket })).statusCode).toBe(404);
  });

  it('re-encodes a photo without its EXIF and GPS data', async () => {
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const response = await send('photo@burger.test', [
      { name: 'files', value: photo, fileName: 'foto.JPG', type: 'image/jpeg' },
    ]);
    expect(response.statusCode).toBe(202);
    const ticket = await ticketOf('photo@burger.test');
    const [stored] = await ctx.current.database.db
      .select()
      .from(contactAttachments)
      .where(eq(contactAttachments.ticketId, ticket.id));
    expect(stored!.mimeType).toBe('image/jpeg');
    expect(stored!.fileName).toBe('foto.jpg');
    const meta = await sharp(stored!.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(320);
    expect(stored!.data.includes(Buffer.from('TestPhone'))).toBe(false);
  });

  it('refuses EICAR, a signature hidden in a PDF, an executable named .pdf, too many and too large files, with translated messages', async () => {
    const before = await attachmentCount();
    const eicar = await send('eicar@burger.test', [{ name: 'files', value: EICAR, fileName: 'eicar.com' }], {
      'accept-language': 'en',
    });
    expect(eicar.statusCode).toBe(400);
    expect(issues(eicar)['body.files.0']).toBe('This file contains a virus or harmful code and was refused.');

    const hidden = await send('hidden@burger.test', [
      { name: 'files', value: pdf(), fileName: 'goed.pdf' },
      { name: 'files', value: pdf(`% ${TEST_MARKER}`), fileName: 'factuur.pdf' },
    ]);
    expect(hidden.statusCode).toBe(400);
    expect(issues(hidden)['body.files.1']).toContain('virus');

    const exe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(62),
      Buffer.from('PE\0\0'),
      Buffer.alloc(200),
    ]);
    const renamed = await send('exe@burger.test', [
      { name: 'files', value: exe, fileName: 'factuur.pdf', type: 'application/pdf' },
    ]);
    expect(renamed.statusCode).toBe(415);
    expect(issues(renamed)['body.files.0']).toContain('Dit soort bestand aanvaarden we niet');

    const png = await sharp({
      create: { width: 4, height: 4, channels: 3, background: { r: 0, g: 0, b: 0 } },
    })
      .png()
      .toBuffer();
    const mismatch = await send('png@burger.test', [{ name: 'files', value: png, fileName: 'brief.pdf' }]);
    expect(mismatch.statusCode).toBe(415);
    expect(issues(mismatch)['body.files.0']).toContain('PDF-bestand maar is een PNG-bestand');

    const four = await send(
      'four@burger.test',
      [1, 2, 3, 4].map((n) => ({ name: 'files', value: pdf(), fileName: `${n}.pdf` })),
    );
    expect(four.statusCode).toBe(400);
    expect(Object.values(issues(four))).toEqual(['Voeg hoogstens 3 bestanden toe.']);
    // Past what the parser reads at all: the same message, not a size error.
    const six = await send(
      'six@burger.test',
      [1, 2, 3, 4, 5, 6].map((n) => ({ name: 'files', value: pdf(), fileName: `${n}.pdf` })),
    );
    expect(six.statusCode).toBe(400);
    expect(Object.values(issues(six))).toEqual(['Voeg hoogstens 3 bestanden toe.']);

    const large = await send(
      'large@burger.test',
      [{ name: 'files', value: pdf('%'.repeat(1024 * 1024 + 10)), fileName: 'groot.pdf' }],
      { 'accept-language': 'en' },
    );
    expect(large.statusCode).toBe(413);
    expect(issues(large)['body.files.0']).toBe('A file may be at most 1 MB.');

    // A refused file leaves nothing behind: no ticket, no attachment.
    expect(await attachmentCount()).toBe(before);
    for (const email of ['eicar', 'hidden', 'exe', 'png', 'four', 'six', 'large'])
      expect(
        await ctx.current.database.db
          .select()
          .from(contactTickets)
          .where(eq(contactTickets.citizenEmail, `${email}@burger.test`)),
      ).toHaveLength(0);
  });

  it('mails an agent’s answer with its files to the citizen', async () => {
    await send('answer@burger.test', []);
    const ticket = await ticketOf('answer@burger.test');
    const body = await multipart([
      { name: 'data', value: JSON.stringify({ text: 'Hierbij het formulier.' }) },
      { name: 'files', value: pdf(), fileName: 'formulier.pdf' },
    ]);
    const url = `/api/contact/tickets/${ticket.id}/reply/files`;
    const refused = await unlisted.inject({ method: 'POST', url, ...body });
    expect(refused.statusCode).toBe(404);
    const response = await agent.inject({ method: 'POST', url, ...body });
    expect(response.statusCode).toBe(201);
    const answer = response.json().messages.at(-1);
    expect(answer).toMatchObject({ direction: 'agent', attachments: [{ fileName: 'formulier.pdf' }] });
    await deliver();
    const mails = await Promise.all(mailTo('answer@burger.test').map((m) => simpleParser(m.raw)));
    const mail = mails.find((m) => m.text?.includes('Hierbij het formulier'))!;
    expect(mail.attachments.map((a) => a.filename)).toEqual(['formulier.pdf']);
  });

  it('erases attachments with the citizen and at the end of the retention period', async () => {
    await send('erase@burger.test', [{ name: 'files', value: pdf(), fileName: 'wis.pdf' }]);
    await send('old@burger.test', [{ name: 'files', value: pdf(), fileName: 'oud.pdf' }]);
    const erased = await ticketOf('erase@burger.test');
    const old = await ticketOf('old@burger.test');
    const countOf = async (ticketId: number) =>
      (
        await ctx.current.database.db
          .select()
          .from(contactAttachments)
          .where(eq(contactAttachments.ticketId, ticketId))
      ).length;
    expect(await countOf(erased.id)).toBe(1);
    await buildAccount(ctx.current, { email: 'sup@att.test', roles: [{ role: 'contact_supervisor' }] });
    const supervisor = await signIn(ctx.current, 'sup@att.test');
    const erasure = await supervisor.inject({
      method: 'DELETE',
      url: '/api/contact/citizens?email=erase%40burger.test',
    });
    expect(erasure.statusCode).toBe(200);
    expect(await countOf(erased.id)).toBe(0);
    const pendingMails = await queryRows(
      ctx.current.database.db,
      sql`select 1 from jobs where dedupe_key like ${`contact-ticket-${erased.id}-%`}`,
    );
    expect(pendingMails).toHaveLength(0);

    await ctx.current.database.db.execute(
      sql`update contact_tickets set status = 'closed', updated_at = now() - interval '31 days' where id = ${old.id}`,
    );
    expect(await countOf(old.id)).toBe(1);
    await purgeExpiredTickets(ctx.current.runtime);
    expect(await countOf(old.id)).toBe(0);
  });

  it('refuses every file while clamd is down, with a translated message, and stores nothing', async () => {
    await clamd.stop();
    const response = await send(
      'down@burger.test',
      [{ name: 'files', value: pdf(), fileName: 'brief.pdf' }],
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(503);
    expect(issues(response)['body.files.0']).toContain('could not check this file for viruses');
    expect(
      await ctx.current.database.db
        .select()
        .from(contactTickets)
        .where(eq(contactTickets.citizenEmail, 'down@burger.test')),
    ).toHaveLength(0);
    // The form without files still works.
    const plain = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/contact/email',
      payload: JSON.parse(question('down@burger.test')),
    });
    expect(plain.statusCode).toBe(202);
  });
});
