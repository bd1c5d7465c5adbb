/** Marks Meilisearch puts around matched words: control characters, so no document text can forge them. */
export const HIGHLIGHT_PRE = '\u0002';
export const HIGHLIGHT_POST = '\u0003';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Meilisearch's highlighted text as safe HTML: everything escaped, then `<mark>` around the matches. */
export function toHighlightHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string)
    .replaceAll(HIGHLIGHT_PRE, '<mark>')
    .replaceAll(HIGHLIGHT_POST, '</mark>');
}

/** Meilisearch's highlighted (or cropped) text without the marks: plain text. */
export function stripHighlight(text: string): string {
  return text.replaceAll(HIGHLIGHT_PRE, '').replaceAll(HIGHLIGHT_POST, '');
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
