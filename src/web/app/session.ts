import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { api, setCsrfToken } from './api';
import { currentLocale, hasLocaleCookie, LOCALE_COOKIE } from './i18n';
import type { Locale, Me, Role } from './types';

export const meKey = ['auth', 'me'] as const;

/** Adopt the account's language after sign-in, unless the visitor already chose one on this device. */
function adoptAccountLocale(me: Me) {
  if (!hasLocaleCookie() && me.locale !== currentLocale()) void i18n.changeLanguage(me.locale);
}

async function fetchMe(): Promise<Me | null> {
  const { principal } = await api.auth.session();
  setCsrfToken(principal?.csrfToken ?? null);
  if (principal) adoptAccountLocale(principal);
  return principal;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me && roles.some((role) => me.roles.includes(role));
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.auth.signIn({ body: input }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      adoptAccountLocale(me);
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.signOut(),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(meKey, null);
      // Nothing a signed-in user saw may linger in the cache after sign-out.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
  });
}

/** Switches the interface language and remembers it (cookie for everyone, the account when signed in). */
export async function switchLocale(locale: Locale) {
  // Set the cookie here too (same name and lifetime as the server's), so a reload right after the switch
  // keeps the language even before PUT /api/locale has answered.
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not available in every supported browser.
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
  await i18n.changeLanguage(locale);
  try {
    await api.auth.setLocale({ body: { locale } });
  } catch {
    // The switch already happened on screen and in the cookie; the account preference is best effort.
  }
}
