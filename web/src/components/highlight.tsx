import { parseHighlight } from '../lib/highlight.js';

/** Renders the API's highlighted text as text nodes and `<mark>` elements, never as HTML. */
export function Highlight({ html }: { html: string }) {
  return (
    <>
      {parseHighlight(html).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and re-derived from the same string
        part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
