import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from '../../shared/i18n';
import type { Locale } from './types';

export const LOCALE_COOKIE = 'wia_lang';

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/** The language chosen earlier (cookie set by PUT /api/locale), or Dutch: the interface is Dutch first. */
export function initialLocale(): Locale {
  const match = document.cookie.match(/(?:^|;\s*)wia_lang=([^;]+)/);
  const fromCookie = match?.[1];
  return isLocale(fromCookie) ? fromCookie : 'nl';
}

export function hasLocaleCookie(): boolean {
  return /(?:^|;\s*)wia_lang=(nl|en)(?:;|$)/.test(document.cookie);
}

export function applyDocumentLanguage(locale: Locale) {
  document.documentElement.lang = locale;
}

export async function initI18n(): Promise<typeof i18n> {
  const lng = initialLocale();
  await i18n.use(initReactI18next).init({
    resources: { nl: { translation: catalogues.nl }, en: { translation: catalogues.en } },
    lng,
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(lng);
  i18n.on('languageChanged', (next) => applyDocumentLanguage(isLocale(next) ? next : 'nl'));
  return i18n;
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'nl';
}
