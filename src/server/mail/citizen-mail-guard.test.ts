import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { CitizenMailGuard } from './citizen-mail-guard';

const limits = { perRecipient: 2, perClient: 3, overall: 4, windowMs: 60_000 };

function refusal(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
}

describe('CitizenMailGuard', () => {
  it('limits per recipient (case-insensitive), per client and overall, and counts in /metrics', async () => {
    let now = 0;
    const registry = new Registry();
    const guard = new CitizenMailGuard(registry, limits, () => now);
    guard.admit('contact_copy', { recipient: 'a@x.test', client: '1.1.1.1' });
    guard.admit('chat_transcript', { recipient: 'A@X.test ', client: '2.2.2.2' });
    expect(refusal(() => guard.admit('contact_copy', { recipient: 'a@x.test', client: '3.3.3.3' }))).toBe(
      'RATE_LIMITED',
    );
    guard.admit('contact_copy', { recipient: 'b@x.test', client: '1.1.1.1' });
    guard.admit('contact_copy', { recipient: 'c@x.test', client: '1.1.1.1' });
    // The client 1.1.1.1 has had three; and four mails in all reach the overall cap.
    expect(refusal(() => guard.admit('contact_copy', { recipient: 'd@x.test', client: '4.4.4.4' }))).toBe(
      'RATE_LIMITED',
    );
    const text = await registry.metrics();
    expect(text).toContain('citizen_requested_mails_total{kind="contact_copy"} 3');
    expect(text).toContain('citizen_requested_mails_total{kind="chat_transcript"} 1');
    expect(text).toContain('citizen_requested_mails_refused_total{kind="contact_copy",reason="recipient"} 1');
    expect(text).toContain('citizen_requested_mails_refused_total{kind="contact_copy",reason="overall"} 1');

    now = 60_000;
    expect(
      refusal(() => guard.admit('contact_copy', { recipient: 'a@x.test', client: '1.1.1.1' })),
    ).toBeNull();
  });

  it('refuses a client over its own limit while others still get through', () => {
    const guard = new CitizenMailGuard(undefined, { ...limits, overall: 100, perClient: 1 }, () => 0);
    guard.admit('contact_copy', { recipient: 'a@x.test', client: '9.9.9.9' });
    expect(refusal(() => guard.admit('contact_copy', { recipient: 'b@x.test', client: '9.9.9.9' }))).toBe(
      'RATE_LIMITED',
    );
    expect(
      refusal(() => guard.admit('contact_copy', { recipient: 'b@x.test', client: '8.8.8.8' })),
    ).toBeNull();
  });
});
