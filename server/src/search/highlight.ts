/** Marks Meilisearch puts around matched words: control characters, so no document text can forge them. */
export const HIGHLIGHT_PRE = '\u0002';
export const HIGHLIGHT_POST = '\u0003';

const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  [HIGHLIGHT_PRE]: '<mark>',
  [HIGHLIGHT_POST]: '</mark>',
};
// One pass over the text (this runs for five attributes of every hit), and none when nothing needs replacing.
const TO_HTML = new RegExp(`[&<>"'${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]`, 'g');
const NEEDS_HTML = new RegExp(`[&<>"'${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]`);
const MARKS = new RegExp(`[${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]`, 'g');

/** Meilisearch's highlighted text as safe HTML: everything escaped, then `<mark>` around the matches. */
export function toHighlightHtml(text: string): string {
  return NEEDS_HTML.test(text) ? text.replace(TO_HTML, (c) => REPLACEMENTS[c] as string) : text;
}

/** Meilisearch's highlighted (or cropped) text without the marks: plain text. */
export function stripHighlight(text: string): string {
  return text.includes(HIGHLIGHT_PRE) || text.includes(HIGHLIGHT_POST) ? text.replace(MARKS, '') : text;
}

/** The highlighted value of `key` as safe HTML, or `fallback` (escaped) when Meilisearch gave none. */
export function formattedHtml(formatted: Record<string, unknown> | undefined, key: string, fallback: string): string;
export function formattedHtml(
  formatted: Record<string, unknown> | undefined,
  key: string,
  fallback: string | null,
): string | null;
export function formattedHtml(
  formatted: Record<string, unknown> | undefined,
  key: string,
  fallback: string | null,
): string | null {
  const value = formatted?.[key];
  if (typeof value === 'string') return toHighlightHtml(value);
  return fallback === null ? null : toHighlightHtml(fallback);
}
