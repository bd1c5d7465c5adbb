import type { Highlight } from '@fieldguide/shared';

/** Marks Meilisearch puts around matched words: control characters, so no document text can forge them. */
export const HIGHLIGHT_PRE = '\u0002';
export const HIGHLIGHT_POST = '\u0003';

const MARKS = new RegExp(`[${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]`, 'g');

/** Meilisearch's highlighted (or cropped) text without the marks: plain text. */
export function stripHighlight(text: string): string {
  return text.includes(HIGHLIGHT_PRE) || text.includes(HIGHLIGHT_POST) ? text.replace(MARKS, '') : text;
}

/**
 * Meilisearch's highlighted text as runs of plain text, `match` on the ones it marked. Text stays text: nothing is
 * escaped here, and nothing needs unescaping where it is shown.
 */
export function toHighlight(marked: string): Highlight {
  const segments: Highlight = [];
  let match = false;
  let from = 0;
  for (;;) {
    const at = marked.indexOf(match ? HIGHLIGHT_POST : HIGHLIGHT_PRE, from);
    const text = stripHighlight(marked.slice(from, at === -1 ? undefined : at));
    if (text !== '') segments.push({ text, match });
    if (at === -1) return segments;
    from = at + 1;
    match = !match;
  }
}

/** The highlighted value of `key` in a hit's `_formatted`, or `fallback` as one unmatched run (null stays null). */
export function formattedHighlight(
  formatted: Record<string, unknown> | undefined,
  key: string,
  fallback: string,
): Highlight;
export function formattedHighlight(
  formatted: Record<string, unknown> | undefined,
  key: string,
  fallback: string | null,
): Highlight | null;
export function formattedHighlight(
  formatted: Record<string, unknown> | undefined,
  key: string,
  fallback: string | null,
): Highlight | null {
  const value = formatted?.[key];
  if (typeof value === 'string') return toHighlight(value);
  if (fallback === null) return null;
  return fallback === '' ? [] : [{ text: fallback, match: false }];
}
