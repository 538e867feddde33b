import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { currentLocale } from '../../app/i18n';

export function useFramework(entityId?: number | null) {
  return useQuery({
    queryKey: ['values', 'current', entityId ?? null],
    queryFn: () => api.values.current({ query: { entityId: entityId ?? undefined } }),
    staleTime: 5 * 60_000,
  });
}

export function usePage(slug: string | undefined) {
  const lang = currentLocale();
  return useQuery({
    queryKey: ['pages', slug, lang],
    queryFn: () => api.content.page({ params: { slug: slug ?? '' }, query: { lang } }),
    enabled: !!slug,
  });
}

export function useSearch(q: string) {
  const lang = currentLocale();
  return useQuery({
    queryKey: ['search', q, lang],
    queryFn: () => api.content.search({ query: { q, lang } }),
    enabled: q.trim().length > 0,
  });
}
