/**
 * Characters no XML 1.0 document or iCalendar TEXT value may hold: C0 controls other than tab and line breaks,
 * DEL and C1 controls, lone surrogates and the two non-characters U+FFFE/U+FFFF.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with what no feed format may carry removed, and line breaks as `\n`. */
export function feedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '');
}

/** `text` on one line: line breaks and tabs as single spaces, for titles and header-like values. */
export function oneLine(text: string): string {
  return feedText(text)
    .replace(/\s*[\n\t]\s*/g, ' ')
    .trim();
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML that shows exactly that text (for feed fields that readers render as HTML). */
export function escapeHtml(text: string): string {
  return feedText(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Plain text as HTML with its line breaks kept: escaped, each `\n` a `<br>`. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replaceAll('\n', '<br>\n');
}

/** A value for an XML attribute the `feed` package writes as given (it escapes only `"`). */
export function xmlAttribute(text: string): string {
  return oneLine(text).replace(/[&<>]/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * Text bound for a CDATA section that the `feed` package writes: xml-js splits only the FIRST `]]>` of a
 * section, so every later one is split here, leaving the first for xml-js (a second `]]>` would otherwise end the
 * section early and let the rest be read as markup).
 */
export function cdataText(text: string): string {
  const clean = feedText(text);
  const first = clean.indexOf(']]>');
  if (first < 0) return clean;
  return clean.slice(0, first + 3) + clean.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
}

/**
 * A title for the CDATA section the `feed` package writes in RSS, where many readers take the title for HTML: each
 * `<` that would start a tag, comment or processing instruction is written `&lt;` (shown as `<` by readers that read
 * HTML), so no stored title, whenever and however it was crawled, reaches a reader as markup; CDATA ends are split
 * as {@link cdataText} does.
 */
export function rssTitle(text: string): string {
  return cdataText(oneLine(text).replace(/<(?=[a-z/!?])/gi, '&lt;'));
}
