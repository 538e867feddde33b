import type { FrameworkValue, Locale, Statement } from '../../app/types';

/** Picks the Dutch or English field of an API record; the English falls back to the Dutch original. */
export function pick(locale: Locale, nl: string | null | undefined, en: string | null | undefined): string {
  return locale === 'en' ? en || nl || '' : nl || en || '';
}

export const valueName = (locale: Locale, value: FrameworkValue) => pick(locale, value.nameNl, value.nameEn);
export const valueHeading = (locale: Locale, value: FrameworkValue) =>
  pick(locale, value.headingNl, value.headingEn ?? value.nameEn);
export const statementText = (locale: Locale, statement: Statement) =>
  pick(locale, statement.textNl, statement.textEn);
