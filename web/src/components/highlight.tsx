import { highlightRuns, type MatchRanges } from '@fieldguide/shared';

/** Renders text with the query's matches in `<mark>`: every run a text node, never parsed as HTML. */
export function Highlight({ text, matches }: { text: string; matches: MatchRanges }) {
  return (
    <>
      {highlightRuns(text, matches).map((run, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and re-derived from the same text
        run.match ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
      )}
    </>
  );
}
