import { describe, expect, it } from 'vitest';
import nlContact from '../../../shared/i18n/nl/contact.json' with { type: 'json' };
import nlContactChat from '../../../shared/i18n/nl/contact-chat.json' with { type: 'json' };
import nlContactFeedback from '../../../shared/i18n/nl/contact-feedback.json' with { type: 'json' };
import nlContactMail from '../../../shared/i18n/nl/contact-mail.json' with { type: 'json' };
import nlErrors from '../../../shared/i18n/nl/errors.json' with { type: 'json' };
import nlWeb from '../../../shared/i18n/nl/web.json' with { type: 'json' };

function texts(node: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof node === 'string') out.push([path, node]);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) texts(value, path ? `${path}.${key}` : key, out);
  return out;
}

describe('the citizen-facing contact texts', () => {
  it('address the citizen one way only: with je, never with u', () => {
    const all = [
      ...texts(nlContact, ''),
      ...texts(nlContactChat, ''),
      ...texts(nlContactFeedback, ''),
      ...texts(nlContactMail, ''),
      ...texts(nlWeb.web.contact, 'web.contact'),
      ...texts(
        Object.fromEntries(Object.entries(nlErrors.errors).filter(([code]) => code.startsWith('CHAT_'))),
        'errors',
      ),
    ];
    expect(all.length).toBeGreaterThan(100);
    const formal = all.filter(([, text]) =>
      /(^|[^\p{L}])(u|uw|uzelf)(?=$|[^\p{L}])/iu.test(text.replace(/\{\{[^}]*\}\}/g, '')),
    );
    expect(formal).toEqual([]);
  });
});
