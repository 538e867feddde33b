import i18next, { type TFunction } from 'i18next';
import { catalogues } from '../../shared/i18n';

export type Locale = 'nl' | 'en';
export const locales: Locale[] = ['nl', 'en'];

const instance = i18next.createInstance();
await instance.init({
  resources: { nl: { translation: catalogues.nl }, en: { translation: catalogues.en } },
  lng: 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/** Dutch first: an explicit ?lang or cookie wins, then the account, then Accept-Language (en only when preferred). */
export function pickLocale(input: {
  query?: unknown;
  cookie?: string;
  account?: Locale;
  acceptLanguage?: string;
}): Locale {
  if (isLocale(input.query)) return input.query;
  if (isLocale(input.cookie)) return input.cookie;
  if (input.account) return input.account;
  const header = input.acceptLanguage ?? '';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag === 'nl' || entry.tag === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag === 'en' ? 'en' : 'nl';
}
