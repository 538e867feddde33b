import { Counter, type Registry } from 'prom-client';
import { AppError } from '../http/errors';

/** Mail that a member of the public can make us send: each kind is limited and counted. */
export type CitizenMailKind = 'contact_copy' | 'chat_transcript';

export type CitizenMailLimits = {
  /** Mails to one recipient address per window, whatever their kind. */
  perRecipient: number;
  /** Mails requested from one client (IP address) per window. */
  perClient: number;
  /** Mails of all citizens together per window: a cap that a botnet of many addresses cannot pass. */
  overall: number;
  windowMs: number;
};

export const DEFAULT_CITIZEN_MAIL_LIMITS: CitizenMailLimits = {
  perRecipient: 3,
  perClient: 10,
  overall: 300,
  windowMs: 60 * 60 * 1000,
};

/**
 * Every mail sent on a citizen's request passes `admit()` before it is enqueued: without it, a public form
 * or chat becomes a relay that sends our mail, with the requester's text, to any address.
 *
 * Counts live in memory per process, like the HTTP rate-limit counters (ARCHITECTURE, "Running several
 * processes"): with N processes the limits are N times as wide, which still bounds a relay. Fixed windows keep
 * the memory bounded by one window's traffic.
 */
export class CitizenMailGuard {
  private readonly sent: Counter<'kind'>;
  private readonly refused: Counter<'kind' | 'reason'>;
  private window = -1;
  private overall = 0;
  private readonly byRecipient = new Map<string, number>();
  private readonly byClient = new Map<string, number>();

  constructor(
    registry: Registry | undefined,
    private readonly limits: CitizenMailLimits = DEFAULT_CITIZEN_MAIL_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.sent = new Counter({
      name: 'citizen_requested_mails_total',
      help: 'Mails sent on a citizen request (contact copy, chat transcript), by kind',
      labelNames: ['kind'],
      registers: registry ? [registry] : [],
    });
    this.refused = new Counter({
      name: 'citizen_requested_mails_refused_total',
      help: 'Citizen-requested mails refused by a limit, by kind and limit (recipient, client, overall)',
      labelNames: ['kind', 'reason'],
      registers: registry ? [registry] : [],
    });
  }

  /**
   * Reserves one mail to `recipient` for `client`, or throws RATE_LIMITED (429) and sends nothing. A
   * reservation is counted as sent: call it right before enqueueing the mail, in the request that asks for it.
   */
  admit(kind: CitizenMailKind, request: { recipient: string; client: string }): void {
    this.roll();
    const recipient = request.recipient.trim().toLowerCase();
    const reason =
      this.overall >= this.limits.overall
        ? 'overall'
        : (this.byRecipient.get(recipient) ?? 0) >= this.limits.perRecipient
          ? 'recipient'
          : (this.byClient.get(request.client) ?? 0) >= this.limits.perClient
            ? 'client'
            : null;
    if (reason) {
      this.refused.inc({ kind, reason });
      throw new AppError('RATE_LIMITED', { retryAfterSeconds: this.secondsLeft() });
    }
    this.overall++;
    this.byRecipient.set(recipient, (this.byRecipient.get(recipient) ?? 0) + 1);
    this.byClient.set(request.client, (this.byClient.get(request.client) ?? 0) + 1);
    this.sent.inc({ kind });
  }

  private roll() {
    const window = Math.floor(this.now() / this.limits.windowMs);
    if (window === this.window) return;
    this.window = window;
    this.overall = 0;
    this.byRecipient.clear();
    this.byClient.clear();
  }

  private secondsLeft(): number {
    return Math.ceil(((this.window + 1) * this.limits.windowMs - this.now()) / 1000);
  }
}
