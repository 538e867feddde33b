import type { z } from 'zod';
import type { cannedOut } from '../../../../shared/api/contact-chat';

export type CannedAnswer = z.infer<typeof cannedOut>;

export type CannedValues = { name?: string | null; reference?: string | null };

/**
 * The answer's text in `locale` with its variables filled in: {naam}/{name} the citizen's name and
 * {referentie}/{reference} the ticket reference. A variable without a value is left out, with the space
 * before it, so "Dag {naam}," reads "Dag," rather than showing the placeholder to the citizen.
 */
export function fillCanned(answer: CannedAnswer, locale: 'nl' | 'en', values: CannedValues): string {
  const text = locale === 'en' ? answer.textEn : answer.textNl;
  const value = (key: string) => {
    const k = key.toLowerCase();
    if (k === 'naam' || k === 'name') return values.name?.trim() || '';
    if (k === 'referentie' || k === 'reference') return values.reference?.trim() || '';
    return null;
  };
  return text
    .replace(/( ?)\{([A-Za-z]+)\}/g, (match, space: string, key: string) => {
      const filled = value(key);
      if (filled === null) return match;
      return filled ? `${space}${filled}` : '';
    })
    .trim();
}

/** The answers offered for a chat or ticket of `queue`: that queue's and those for every queue. */
export function cannedFor(answers: CannedAnswer[], queue: string | null | undefined): CannedAnswer[] {
  return answers.filter((a) => a.queue === null || !queue || a.queue === queue);
}

/** The answer a draft of the form "/shortcut" names, if any. */
export function cannedByShortcut(answers: CannedAnswer[], draft: string): CannedAnswer | undefined {
  const match = /^\/([a-z0-9-]+)$/i.exec(draft.trim());
  if (!match) return undefined;
  const shortcut = match[1]!.toLowerCase();
  return answers.find((a) => a.shortcut === shortcut);
}
