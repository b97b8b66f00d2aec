/**
 * Open Graph and Twitter card tags for pages people share (news, events, academy sessions): the
 * front end is one index.html, so the server writes each page's tags into its <head>. Every
 * value is escaped for a double-quoted HTML attribute (and the title for text), so a title with
 * quotes or markup stays one attribute value.
 */

export interface ShareCard {
  title: string;
  description: string;
  /** Absolute URL of the page (og:url) and of the image (og:image). */
  url: string;
  image: string;
  imageAlt: string;
  type: 'article' | 'website';
  lang: 'ko' | 'en';
  siteName: string;
  /** A large image card when the page has its own image, else the summary card. */
  largeImage: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** One line, no control characters (stored rows from before the text checks may hold anything). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern lists the control characters it removes
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();

/** The <meta> tags of a card, one a line. */
function shareTags(c: ShareCard): string {
  const locale = c.lang === 'en' ? 'en_US' : 'ko_KR';
  const tags: [string, string, string][] = [
    ['property', 'og:type', c.type],
    ['property', 'og:site_name', c.siteName],
    ['property', 'og:title', c.title],
    ['property', 'og:description', c.description],
    ['property', 'og:url', c.url],
    ['property', 'og:image', c.image],
    ['property', 'og:image:alt', c.imageAlt],
    ['property', 'og:locale', locale],
    ['property', 'og:locale:alternate', c.lang === 'en' ? 'ko_KR' : 'en_US'],
    ['name', 'twitter:card', c.largeImage ? 'summary_large_image' : 'summary'],
    ['name', 'twitter:title', c.title],
    ['name', 'twitter:description', c.description],
    ['name', 'twitter:image', c.image],
  ];
  return tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeHtml(oneLine(value))}" />`).join('\n    ');
}

/** index.html with the card's tags before </head>, its title as the document title, and the page's language. */
export function withShareTags(indexHtml: string, c: ShareCard): string {
  // Replacements by function: a "$&" or "$'" in a title is text, not a replacement pattern.
  return indexHtml
    .replace(/<html lang="[^"]*"/, () => `<html lang="${c.lang}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(oneLine(c.title))} | ${escapeHtml(c.siteName)}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, () => `<meta name="description" content="${escapeHtml(oneLine(c.description))}" />`)
    .replace('</head>', () => `  ${shareTags(c)}\n  </head>`);
}
