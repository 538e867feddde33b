import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ModuleDeps } from '../../../platform/module';
import { threadInboundReply, ticketForAddress } from './contact-mail.service';

/** Citizens' replies are short texts; anything bigger is refused before it is read in full. */
export const INBOUND_MAX_BYTES = 1024 * 1024;

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

/** The name failures of the listener are logged and counted under in /metrics. */
const SOURCE = 'contact-mail:inbound-smtp';

/**
 * Receives citizens' replies to the per-ticket address (ticket+<id>-<token>@domain) and threads them into that
 * ticket when they come from the ticket's citizen; mail from anyone else is held for an agent (see
 * threadInboundReply). Meant to sit behind the organisation's mail relay, which handles TLS and spam filtering; an unknown
 * address or a wrong token is refused at RCPT TO with 550, so nothing unasked-for is ever stored.
 */
export async function startInboundSmtp(
  deps: Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'logger' | 'events' | 'background'>,
  options: { port: number; host: string },
) {
  const server = new SMTPServer({
    name: deps.config.contactMail.inboundDomain,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: INBOUND_MAX_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      ticketForAddress(deps, address.address)
        .then((ticket) => callback(ticket ? undefined : smtpError(550, 'No such mailbox')))
        // A failed lookup answers the sending server 451, so it retries later; it is reported all the same.
        .catch((error: unknown) => {
          deps.background.report(SOURCE, error, { stage: 'rcpt' });
          callback(smtpError(451, 'Temporary failure, try again later'));
        });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          // The size limit was announced in EHLO; a client that ignores it still gets a refusal, not a ticket.
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
            return callback(smtpError(552, 'Message exceeds the size limit'));
          const text = mail.text ?? '';
          const from = (mail.from?.value ?? []).map((entry) => entry.address ?? '').filter(Boolean);
          const envelopeSender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          let refused = false;
          for (const recipient of session.envelope.rcptTo) {
            const ticket = await ticketForAddress(deps, recipient.address);
            if (!ticket) continue;
            const outcome = await threadInboundReply(deps, {
              ticketId: ticket.id,
              mailMessageId: mail.messageId ?? null,
              text,
              from,
              envelopeSender,
            });
            if (outcome === 'held_full') {
              refused = true;
              if (deps.logger)
                deps.logger.warn(
                  { ticketId: ticket.id },
                  'inbound reply refused: too many replies from other senders held on the ticket',
                );
            }
          }
          // Permanent: the sender learns that the mail was not taken, instead of retrying it for days.
          if (refused) return callback(smtpError(550, 'Too many held replies for this mailbox'));
          callback();
        })
        // A temporary failure makes the sending server try again later, so a reply is never lost.
        .catch((error: unknown) => {
          deps.background.report(SOURCE, error, { stage: 'data' });
          callback(smtpError(451, 'Temporary failure, try again later'));
        });
    },
  });
  // Mostly remote clients' connection trouble (resets, timeouts): worth a line in the log, not a failure count.
  server.on('error', (error) => {
    if (deps.logger) deps.logger.warn({ err: error }, 'inbound SMTP error');
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
