import { htmlTagNames } from 'html-tag-names';
import { Parser } from 'htmlparser2';

/** Default cap on a description, in characters (the Event schema allows 20,000). */
export const MAX_DESCRIPTION_CHARS = 20_000;
/** Default cap on a title, in characters (the Event schema allows 500). */
export const MAX_TITLE_CHARS = 500;

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
const CELL_TAGS = new Set(['td', 'th']);
/** Elements whose content is not text a reader sees. */
const DROPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'head',
  'title',
  'meta',
  'link',
  'button',
  'select',
]);
const HTML_ELEMENTS = new Set(htmlTagNames);
// Markup only when there is a closing tag, a comment, or a common tag: "<CODE/CRAFTS>" or "C++ <3" stay text.
const LOOKS_LIKE_HTML =
  /<\/[a-z][a-z0-9]*\s*>|<!--|<(br|hr|img|p|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|table|tr|td|th|script|style|iframe|font|small|sup|sub|blockquote|pre|section|article)(\s[^<>]*)?\/?>/i;

/**
 * True when a string carries common HTML markup rather than text that merely contains `<`: a hint for keeping a
 * source's HTML beside its text, never a safety check ({@link htmlToText} strips every tag whatever this says).
 */
export function looksLikeHtml(value: string): boolean {
  return LOOKS_LIKE_HTML.test(value);
}

/**
 * Code points no reader should get from a crawled page: C0 and C1 controls other than tab and line breaks (among
 * them the marks the search index puts around matched words), unpaired surrogates, noncharacters, private-use code
 * points (a page's icon-font glyphs, boxes in any other font) and the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which can make a title read differently from its text and reorder what follows
 * it on a page. The bidi marks (U+200E, U+200F, U+061C), which right-to-left text needs and which reorder nothing
 * past themselves, are kept, as are the tag characters of emoji flags.
 */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Co}\p{Noncharacter_Code_Point}\u202A-\u202E\u2066-\u2069]|\p{Cs}/gu;

/** Controls that separate words (vertical tab, form feed, next line): a space rather than nothing. */
const SEPARATING_CONTROLS = new Set(['\u000B', '\u000C', '\u0085']);

/**
 * `text` without the code points of {@link INVISIBLE} (controls, lone surrogates, private use, bidi overrides); the
 * controls that separate words become spaces.
 */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => (SEPARATING_CONTROLS.has(c) ? ' ' : ''));
}

/**
 * Elements HTML writes without an end tag (void elements, and those whose end tag may be left out) and elements
 * that act whatever follows them (raw text, embedded content): markup even when the input never closes them.
 */
const MARKUP_UNCLOSED = new Set([
  ...['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input'],
  ...['keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
  ...['body', 'caption', 'colgroup', 'dd', 'dt', 'head', 'html', 'li', 'optgroup', 'option', 'p', 'rp', 'rt'],
  ...['tbody', 'td', 'tfoot', 'th', 'thead', 'tr'],
  ...['iframe', 'noembed', 'noframes', 'noscript', 'object', 'plaintext', 'script', 'style', 'template'],
  ...['textarea', 'title', 'xmp'],
]);

/** Names of the elements `html` closes (`</name>`), lower-cased. */
function closedElements(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(/<\/([a-z][^\s/>]*)/gi), (m) => (m[1] as string).toLowerCase()));
}

/**
 * Whether a start tag the parser read is markup rather than a name in angle brackets: markup when it gives an
 * attribute a value or an event handler (`<svg/onload=…>`, `<x onclick>`), names a custom element (`<my-widget>`),
 * or names an element HTML defines that the input closes, that HTML writes unclosed, or that acts on what follows
 * ({@link MARKUP_UNCLOSED}). "C<T>" and the conference "<CODE/CRAFTS>" are text.
 */
function isMarkup(name: string, attribs: Record<string, string>, closed: ReadonlySet<string>): boolean {
  if (Object.entries(attribs).some(([attr, value]) => value !== '' || attr.startsWith('on'))) return true;
  if (name.includes('-')) return true;
  return HTML_ELEMENTS.has(name) && (closed.has(name) || MARKUP_UNCLOSED.has(name));
}

/**
 * One pass of an HTML tokenizer over `html`: text kept (entities decoded when `decodeEntities`), markup dropped
 * with the content of non-content elements, block elements and `<br>` turned into line breaks, comments and
 * processing instructions dropped, CDATA kept as text, tags that are text ({@link isMarkup}) kept as written.
 * `closed` gathers the elements closed in this text and in the texts of earlier passes.
 */
function stripTagsOnce(html: string, decodeEntities: boolean, closed: Set<string>): string {
  let out = '';
  // The dropped elements open around the parser's position, innermost last.
  const dropping: string[] = [];
  for (const name of closedElements(html)) closed.add(name);
  const textTags = new Set<string>();
  const raw = () => html.slice(parser.startIndex, parser.endIndex + 1);
  const parser = new Parser(
    {
      ontext(text) {
        if (dropping.length === 0) out += text;
      },
      onopentag(name, attribs, isImplied) {
        if (dropping.length > 0) {
          if (DROPPED_TAGS.has(name)) dropping.push(name);
        } else if (!isMarkup(name, attribs, closed)) {
          textTags.add(name);
          if (!isImplied) out += raw();
        } else if (DROPPED_TAGS.has(name)) dropping.push(name);
        else if (BLOCK_TAGS.has(name) || name === 'br') out += '\n';
      },
      onclosetag(name, isImplied) {
        if (dropping.length > 0) {
          if (dropping.at(-1) === name) dropping.pop();
        } else if (BLOCK_TAGS.has(name)) out += '\n';
        else if (CELL_TAGS.has(name)) out += ' ';
        else if (!isImplied && textTags.has(name) && /^<\/[^\s/>]+>$/.test(raw())) out += raw();
      },
    },
    { decodeEntities, recognizeCDATA: true },
  );
  parser.end(html);
  return out;
}

/** How many tag-stripping passes text may take before every run of `<` at a tag's start is dropped instead. */
const MAX_STRIP_PASSES = 8;

/**
 * Plain text from HTML: one pass that decodes entities, then passes that decode nothing until none changes the text,
 * so a tag that only appears once entities are decoded (`&lt;svg/onload=…&gt;`), once a tag inside it is removed
 * (`<<b></b>img src=x onerror=…>`) or inside raw text (`<textarea><img …></textarea>`) is stripped too.
 */
function stripTags(html: string): string {
  const closed = new Set<string>();
  let text = removeInvisible(stripTagsOnce(removeInvisible(html), true, closed));
  for (let pass = 0; pass < MAX_STRIP_PASSES; pass += 1) {
    const next = stripTagsOnce(text, false, closed);
    if (next === text) return text;
    text = next;
  }
  return text.replace(/<+(?=[a-z/!?])/gi, '');
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, adding an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Collapses runs of spaces and tabs (including no-break spaces) into one space, trims every line and keeps
 * at most one blank line in a row; with `singleLine`, every line break becomes a space too.
 */
export function collapseWhitespace(text: string, singleLine = false): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim());
  if (singleLine) return lines.filter(Boolean).join(' ');
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Turns HTML (or text that may carry entities) into plain text: every tag is removed, also one that appears only
 * once entities are decoded (`&lt;img onerror=…&gt;`); scripts, styles and other non-content elements are dropped
 * with their content, block elements and `<br>` become line breaks, entities are decoded, control characters and
 * other invisible code points are removed ({@link removeInvisible}), whitespace is collapsed and the result is cut
 * to `maxLength` characters (default {@link MAX_DESCRIPTION_CHARS}). Text that merely contains `<` ("salary <
 * $50k", "C<T>") stays as written.
 */
export function htmlToText(html: string, opts: { maxLength?: number; singleLine?: boolean } = {}): string {
  const maxLength = opts.maxLength ?? MAX_DESCRIPTION_CHARS;
  return truncate(collapseWhitespace(stripTags(html), opts.singleLine), maxLength);
}

/** A one-line plain-text title from text or HTML, cut to {@link MAX_TITLE_CHARS}. */
export function cleanTitle(value: string): string {
  return htmlToText(value, { maxLength: MAX_TITLE_CHARS, singleLine: true });
}
