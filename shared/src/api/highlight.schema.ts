import { type Static, Type } from '@sinclair/typebox';

/**
 * Where the query matched a text attribute: `[start, end)` as offsets into the attribute's text, in UTF-16 code
 * units (JavaScript string indices), in order and not overlapping.
 */
export const MatchRangesSchema = Type.Array(
  Type.Unsafe<[number, number]>(Type.Array(Type.Integer({ minimum: 0 }), { minItems: 2, maxItems: 2 })),
  {
    description:
      'where the query matched the attribute of the same name: [start, end) offsets into its plain text, in ' +
      'UTF-16 code units (JavaScript string indices), in order; empty when nothing matched',
  },
);
export type MatchRanges = Static<typeof MatchRangesSchema>;

/** A run of text, `match` when the query matched it. */
export interface HighlightRun {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into runs at `matches` (see {@link MatchRangesSchema}), for rendering each run as a text node (the
 * matched ones inside `<mark>`). Ranges out of order, overlapping or beyond the text are clipped, never thrown on.
 */
export function highlightRuns(text: string, matches: readonly (readonly [number, number])[]): HighlightRun[] {
  const runs: HighlightRun[] = [];
  let at = 0;
  for (const [from, to] of matches) {
    const start = Math.max(at, Math.min(from, text.length));
    const end = Math.min(to, text.length);
    if (end <= start) continue;
    if (start > at) runs.push({ text: text.slice(at, start), match: false });
    runs.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), match: false });
  return runs;
}
