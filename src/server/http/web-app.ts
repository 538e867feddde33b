/**
 * Serves the built web app: hashed assets cached for a year, the app shell with each public page's head
 * tags, real status codes for unknown (404), withdrawn (410) and moved (301) pages, robots.txt and the
 * sitemap. Responses are compressed (brotli, else gzip); the build precompresses static files, which are
 * then sent as they are. See docs/design/public-pages.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  audienceOf,
  listedPublicPages,
  matchWebPath,
  pageRoutes,
  paths,
  type WebPathName,
} from '../../shared/web-paths';
import { sendError } from './error-handler';
import { isLocale, type Locale, locales, translator } from './i18n';
import { LOCALE_COOKIE } from './request-context';

/** One published language of a content page. */
export type PageHead = { locale: Locale; title: string; summary: string; updatedAt: string };

/** What a content page's URL answers; the content module decides (app.ts wires it in). */
export type PageStatus =
  | { status: 'published'; versions: PageHead[] }
  | { status: 'withdrawn' }
  | { status: 'missing' };

export type WebAppOptions = {
  /** The built web app; when missing, non-API routes answer with a hint to build it. */
  webDist?: string;
  /** The site's public origin, for canonical URLs, hreflang links and the sitemap. */
  publicUrl: string;
  pages: {
    status(slug: string): Promise<PageStatus>;
    listPublished(): Promise<(PageHead & { slug: string })[]>;
  };
};

const YEAR_SECONDS = 365 * 24 * 3600;
const HASHED_ASSETS = 'assets';
/** Content pages with their own route, by route name: their head tags and status come from the content. */
const contentRoutes: Partial<Record<WebPathName, string>> = Object.fromEntries(
  Object.entries(pageRoutes).map(([slug, path]) => [
    (Object.keys(paths) as WebPathName[]).find((name) => paths[name] === path)!,
    slug,
  ]),
);

/**
 * Brotli, else gzip, for every compressible response of a route (HTML, JS, CSS, JSON, SVG, XML, text; not
 * event streams) above 1 KB. Registered before the routes: it hooks each route as it is added. The
 * plugin compresses on the fly at brotli quality 4 (11 is for build time, see scripts/ensure-build.mjs).
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, { global: true, encodings: ['br', 'gzip'] });
}

export async function registerWebApp(app: FastifyInstance, options: WebAppOptions) {
  const { webDist, publicUrl } = options;
  const indexFile = webDist ? join(webDist, 'index.html') : undefined;
  const shell = indexFile && existsSync(indexFile) ? parseShell(readFileSync(indexFile, 'utf8')) : undefined;
  if (shell && webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      // The .br and .gz files the build wrote next to each file, chosen by Accept-Encoding.
      preCompressed: true,
      // The shell is only ever sent with its head tags filled in; the compressed copies are variants of
      // their file, never files of their own.
      allowedPath: (pathname) => pathname !== '/index.html' && !/\.(br|gz)$/.test(pathname),
      cacheControl: false,
      setHeaders: (staticReply, path) => {
        // Vite puts a content hash in every file name under assets/: a changed file is a new URL.
        const hashed = relative(webDist, path).split(sep)[0] === HASHED_ASSETS;
        staticReply.header(
          'cache-control',
          hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=3600',
        );
      },
    });
  }

  app.get('/robots.txt', { schema: { hide: true } }, (request, reply) =>
    sendRevalidated(request, reply, 'text/plain; charset=utf-8', robotsTxt(publicUrl)),
  );

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) =>
    sendRevalidated(
      request,
      reply,
      'application/xml; charset=utf-8',
      sitemapXml(publicUrl, await options.pages.listPublished()),
    ),
  );

  // Every other method, and every unknown API URL, gets the JSON 404 of the API.
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'NOT_FOUND'));

  // Every other GET (and HEAD) is a page of the web app, or a helpful 404 page. A route rather than the
  // not-found handler, so the compression hooks apply to it as to every route.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(request, reply, 'NOT_FOUND');
    // A checkout without a build: the hint is what whoever opens the site needs.
    if (!shell) {
      return reply
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build` (npm start does this for you).');
    }
    const url = new URL(request.url, 'http://localhost');
    const target = redirectFor(url);
    // Never a protocol-relative Location: `/.//elsewhere.example/` normalises to `//elsewhere.example/`.
    const redirect = target && `/${target.replace(/^[/\\]+/, '')}`;
    if (redirect) return reply.header('cache-control', 'public, max-age=3600').redirect(redirect, 301);

    const asked = url.searchParams.get('lang');
    const cookie = request.cookies[LOCALE_COOKIE];
    // The same choice the web app makes (an explicit ?lang, else the remembered choice, else Dutch), so the
    // head tags are in the language the page shows.
    const locale: Locale = isLocale(asked) ? asked : isLocale(cookie) ? cookie : 'nl';
    // ?lang is the language's URL (hreflang links point to it): the app reads the language from its
    // cookie, so following such a link switches the language as the language menu would.
    if (isLocale(asked) && asked !== cookie)
      reply.setCookie(LOCALE_COOKIE, asked, { path: '/', sameSite: 'lax', maxAge: YEAR_SECONDS });

    const page = await describePage(url.pathname, locale, options);
    const html = renderShell(shell, page, locale, publicUrl);
    // The head depends on the language cookie: a shared cache must not give one visitor's language to another.
    reply.header('vary', 'Cookie');
    // The router shows its own not-found page; the status tells browsers and search engines the truth.
    reply.code(page.status);
    return sendRevalidated(request, reply, 'text/html; charset=utf-8', html);
  });
}

// ---- status codes --------------------------------------------------------------------------------

/** A permanent redirect for URLs that have a canonical form elsewhere, keeping the query. */
function redirectFor(url: URL): string | null {
  const { pathname, search } = url;
  // One URL per page: /verhalen/ is /verhalen.
  if (pathname.length > 1 && pathname.endsWith('/')) return `${pathname.replace(/\/+$/, '') || '/'}${search}`;
  // The home page per language, as people type it.
  const language = /^\/(nl|en)$/.exec(pathname)?.[1];
  if (language) return `/?lang=${language}`;
  // A content page with its own route (/pagina/privacy) lives there (/privacy).
  const match = matchWebPath(pathname);
  if (match?.name === 'contentPage') {
    const own = pageRoutes[match.params.slug ?? ''];
    if (own) return `${own}${search}`;
  }
  return null;
}

type PageDescription = {
  status: 200 | 404 | 410;
  title: string;
  description: string;
  /** The page's path for canonical and hreflang links; null for a page no one should index. */
  canonicalPath: string | null;
  /** The languages the page exists in (content pages may exist in one only). */
  languages: Locale[];
};

async function describePage(
  pathname: string,
  locale: Locale,
  options: WebAppOptions,
): Promise<PageDescription> {
  const t = translator(locale);
  const fixed = (key: string) => ({
    title: t(`webHead.pages.${key}.title`),
    description: t(`webHead.pages.${key}.description`),
  });
  const match = matchWebPath(pathname);
  if (!match) return { status: 404, ...fixed('notFound'), canonicalPath: null, languages: locales };
  const audience = audienceOf(match.name);
  if (audience !== 'public')
    return { status: 200, ...fixed('other'), canonicalPath: null, languages: locales };

  const slug = match.name === 'contentPage' ? match.params.slug : contentRoutes[match.name];
  if (!slug) {
    const key = match.name in headKeys ? headKeys[match.name as keyof typeof headKeys] : 'other';
    return { status: 200, ...fixed(key), canonicalPath: pathname, languages: locales };
  }
  const state = await options.pages.status(slug);
  // The values page shows the value cards even without its text; the other content routes show only
  // the content.
  const ownComponent = match.name === 'values';
  if (state.status !== 'published') {
    if (ownComponent) return { status: 200, ...fixed('values'), canonicalPath: pathname, languages: locales };
    return state.status === 'withdrawn'
      ? { status: 410, ...fixed('gone'), canonicalPath: null, languages: locales }
      : { status: 404, ...fixed('notFound'), canonicalPath: null, languages: locales };
  }
  // The app shows the other language when the asked one is missing; the head says what is shown.
  const version = state.versions.find((v) => v.locale === locale) ?? state.versions[0]!;
  return {
    status: 200,
    title: version.title,
    description: version.summary || fixed(ownComponent ? 'values' : 'content').description,
    canonicalPath: pathname,
    languages: ownComponent ? locales : state.versions.map((v) => v.locale),
  };
}

/** Public pages without content of their own, and their catalogue keys under webHead.pages. */
const headKeys = {
  home: 'home',
  values: 'values',
  valuesHistory: 'valuesHistory',
  valuesVersion: 'valuesVersion',
  valuesCompare: 'valuesCompare',
  search: 'search',
  stories: 'stories',
  endorsements: 'endorsements',
  entityProfilePublic: 'entityProfilePublic',
  openData: 'openData',
} as const;

// ---- the shell -------------------------------------------------------------------------------------

type Shell = { before: string; afterLang: string; afterTitle: string };

/** Splits index.html at `<html lang="…">` and `<title>…</title>`, the two places a page fills in. */
function parseShell(html: string): Shell {
  const lang = /<html lang="[^"]*">/.exec(html);
  const title = /<title>[^<]*<\/title>/.exec(html);
  if (!lang || !title || title.index < lang.index)
    throw new Error('index.html needs <html lang="…"> and a <title> for the head tags');
  return {
    before: html.slice(0, lang.index),
    afterLang: html.slice(lang.index + lang[0].length, title.index),
    afterTitle: html.slice(title.index + title[0].length),
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

/** The URL of a page in a language: Dutch at the plain path, English with ?lang=en. */
const urlIn = (publicUrl: string, path: string, locale: Locale) =>
  `${publicUrl}${path}${locale === 'en' ? '?lang=en' : ''}`;

export function renderShell(shell: Shell, page: PageDescription, locale: Locale, publicUrl: string): string {
  const t = translator(locale);
  const home = page.canonicalPath === paths.home && page.status === 200;
  const title = home ? page.title : t('webHead.title', { page: page.title });
  const tags = [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}" />`,
  ];
  if (page.canonicalPath === null) tags.push('<meta name="robots" content="noindex" />');
  else {
    const path = page.canonicalPath;
    const shown = page.languages.includes(locale) ? locale : page.languages[0]!;
    tags.push(`<link rel="canonical" href="${escapeHtml(urlIn(publicUrl, path, shown))}" />`);
    for (const language of page.languages)
      tags.push(
        `<link rel="alternate" hreflang="${language}" href="${escapeHtml(urlIn(publicUrl, path, language))}" />`,
      );
    tags.push(`<link rel="alternate" hreflang="x-default" href="${escapeHtml(`${publicUrl}${path}`)}" />`);
  }
  return `${shell.before}<html lang="${locale}">${shell.afterLang}${tags.join('\n    ')}${shell.afterTitle}`;
}

// ---- robots.txt and the sitemap --------------------------------------------------------------------

/**
 * Disallows every staff and personal area by its first path segment, unless a public page shares that
 * segment (then only the longer static prefix), and the API.
 */
export function robotsTxt(publicUrl: string): string {
  const names = Object.keys(paths) as WebPathName[];
  const staticPrefix = (pattern: string) => pattern.split('/:')[0]!;
  const firstSegment = (pattern: string) => `/${pattern.split('/')[1] ?? ''}`;
  const publicPrefixes = names.filter((n) => audienceOf(n) === 'public').map((n) => paths[n]);
  const disallowed = new Set<string>(['/api/']);
  for (const name of names) {
    if (audienceOf(name) === 'public') continue;
    const first = firstSegment(paths[name]);
    const shared = publicPrefixes.some((p) => p === first || p.startsWith(`${first}/`));
    disallowed.add(shared ? staticPrefix(paths[name]) : first);
  }
  return [
    'User-agent: *',
    'Allow: /',
    ...[...disallowed].sort().map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}

/** Every listed public page in both languages with its alternates; content pages with their lastmod. */
export function sitemapXml(publicUrl: string, published: (PageHead & { slug: string })[]): string {
  const bySlug = new Map<string, PageHead[]>();
  for (const page of published) bySlug.set(page.slug, [...(bySlug.get(page.slug) ?? []), page]);
  const entries: { path: string; versions: { locale: Locale; lastmod?: string }[] }[] = [];
  for (const name of listedPublicPages) {
    const slug = contentRoutes[name];
    const content = slug ? bySlug.get(slug) : undefined;
    // A statement page whose content is offline is no page to list (its URL answers 404 or 410).
    if (slug && !content && name !== 'values') continue;
    entries.push({
      path: paths[name],
      versions: locales.map((locale) => ({
        locale,
        lastmod: content?.find((v) => v.locale === locale)?.updatedAt ?? content?.[0]?.updatedAt,
      })),
    });
  }
  for (const [slug, versions] of bySlug) {
    if (pageRoutes[slug]) continue;
    entries.push({
      path: `/pagina/${encodeURIComponent(slug)}`,
      versions: versions.map((v) => ({ locale: v.locale, lastmod: v.updatedAt })),
    });
  }
  const urls = entries.flatMap(({ path, versions }) => {
    const alternates = [
      ...versions.map(
        (v) =>
          `    <xhtml:link rel="alternate" hreflang="${v.locale}" href="${escapeHtml(urlIn(publicUrl, path, v.locale))}"/>`,
      ),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeHtml(`${publicUrl}${path}`)}"/>`,
    ];
    return versions.map((v) =>
      [
        '  <url>',
        `    <loc>${escapeHtml(urlIn(publicUrl, path, v.locale))}</loc>`,
        ...(v.lastmod ? [`    <lastmod>${v.lastmod}</lastmod>`] : []),
        ...alternates,
        '  </url>',
      ].join('\n'),
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

// ---- revalidation ----------------------------------------------------------------------------------

/**
 * Sends a generated text with `no-cache` and a strong ETag of its bytes: browsers and proxies keep it but
 * ask every time, and an unchanged page costs a 304 without a body.
 */
function sendRevalidated(
  request: FastifyRequest,
  reply: FastifyReply,
  contentType: string,
  body: string,
): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', 'no-cache').type(contentType);
  const ifNoneMatch = request.headers['if-none-match'];
  // A proxy that compressed the response may have weakened the tag (W/"…"): it still names these bytes.
  const matches = ifNoneMatch
    ?.split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
  if (matches && reply.statusCode === 200) return reply.code(304).send();
  return reply.send(body);
}
