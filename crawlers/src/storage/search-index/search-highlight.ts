import type { MatchRanges } from '@fieldguide/shared';

/** Marks Meilisearch puts around matched words: control characters, so no document text can forge them. */
export const HIGHLIGHT_PRE = '\u0002';
export const HIGHLIGHT_POST = '\u0003';

const MARKS = new RegExp(`[${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]`, 'g');

/** Meilisearch's highlighted (or cropped) text without the marks: plain text. */
export function stripHighlight(text: string): string {
  return text.includes(HIGHLIGHT_PRE) || text.includes(HIGHLIGHT_POST) ? text.replace(MARKS, '') : text;
}

/**
 * A document as sent to the index, its texts (top-level strings and lists of strings) without the marks: crawled
 * text is cleaned of control characters when it is stored, and this keeps records stored before that from forging
 * a highlight.
 */
export function withoutHighlightMarks<T extends object>(document: T): T {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(document)) {
    const clean =
      typeof value === 'string'
        ? stripHighlight(value)
        : Array.isArray(value) && value.some((item) => typeof item === 'string' && item !== stripHighlight(item))
          ? value.map((item) => (typeof item === 'string' ? stripHighlight(item) : item))
          : value;
    if (clean !== value) {
      copy ??= { ...document } as Record<string, unknown>;
      copy[key] = clean;
    }
  }
  return (copy as T | undefined) ?? document;
}

/** Meilisearch's highlighted text as plain text and the ranges of it that were marked (stray marks dropped). */
export function readHighlight(marked: string): { text: string; matches: MatchRanges } {
  if (!marked.includes(HIGHLIGHT_PRE)) return { text: stripHighlight(marked), matches: [] };
  const matches: MatchRanges = [];
  let text = '';
  let match = false;
  let from = 0;
  for (;;) {
    const at = marked.indexOf(match ? HIGHLIGHT_POST : HIGHLIGHT_PRE, from);
    const piece = stripHighlight(marked.slice(from, at === -1 ? undefined : at));
    if (match && piece !== '') matches.push([text.length, text.length + piece.length]);
    text += piece;
    if (at === -1) return { text, matches };
    from = at + 1;
    match = !match;
  }
}

/** Where the query matched `key`, from a hit's `_formatted`: none when Meilisearch marked nothing there. */
export function formattedMatches(formatted: Record<string, unknown> | undefined, key: string): MatchRanges {
  const value = formatted?.[key];
  return typeof value === 'string' && value.includes(HIGHLIGHT_PRE) ? readHighlight(value).matches : [];
}
