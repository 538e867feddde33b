import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const headingTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * What a public page may contain after sanitising: text structure, links and tables only.
 * No images, iframes, forms, styles, classes or event handlers; links only to http(s), mailto or
 * relative addresses (in-page anchors and other pages of the site).
 */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    ...headingTags,
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'a',
    'em',
    'strong',
    'del',
    'code',
    'pre',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    ol: ['start'],
    ...Object.fromEntries(headingTags.map((tag) => [tag, ['id']])),
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // A linked page must not get a handle on ours through window.opener.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener' } }),
  },
};

const textOnly: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };

/** '360° vertrouwen' → '360-vertrouwen': ASCII only, so an author can type the anchor in a link. */
export function slugifyHeading(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section'
  );
}

function decodeBasicEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** The plain text of sanitised HTML, on one line, without control characters (search snippets use some as markers). */
export function htmlToPlainText(html: string): string {
  return stripControlCharacters(decodeBasicEntities(sanitizeHtml(html, textOnly)))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Control characters become spaces: search snippets use two of them as match markers. */
export function stripControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes.
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * Markdown → safe HTML (and its plain text), once when a page is saved.
 * Headings get ids so authors and the web app can link to a section.
 */
export function renderMarkdown(markdown: string): { html: string; text: string } {
  const used = new Map<string, number>();
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        const base = slugifyHeading(htmlToPlainText(inner));
        const seen = used.get(base) ?? 0;
        used.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen + 1}`;
        return `<h${token.depth} id="${id}">${inner}</h${token.depth}>\n`;
      },
    },
  });
  const raw = marked.parse(markdown) as string;
  const html = sanitizeHtml(raw, sanitizeOptions);
  return { html, text: htmlToPlainText(html) };
}
