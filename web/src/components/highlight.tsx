import type { Highlight as HighlightRuns } from '@fieldguide/shared';

/** Renders the API's highlighted text: each run as text, the matched ones in `<mark>`; never parsed as HTML. */
export function Highlight({ runs }: { runs: HighlightRuns }) {
  return (
    <>
      {runs.map((run, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and come from the same answer
        run.match ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
      )}
    </>
  );
}
