/** A run of highlighted text: `mark` when the query matched it. */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

const unescapeHtml = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * Splits the API's highlighted text (HTML-escaped, `<mark>` around matches) into plain-text parts, so the UI
 * renders text nodes and `<mark>` elements and never parses HTML.
 */
export function parseHighlight(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const pattern = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    if (match.index > last) parts.push({ text: unescapeHtml(html.slice(last, match.index)), mark: false });
    parts.push({ text: unescapeHtml(match[1] ?? ''), mark: true });
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push({ text: unescapeHtml(html.slice(last)), mark: false });
  return parts.filter((p) => p.text !== '');
}
