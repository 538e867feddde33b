import { paths } from '../../shared/web-paths';

// The path table lives in src/shared so that the server knows which URLs the web app serves.
export { pageHref, paths } from '../../shared/web-paths';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeReturnTo(value: string | null | undefined, fallback: string = paths.myHome): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/api/') || value.startsWith(paths.signIn)) return fallback;
  return value;
}
