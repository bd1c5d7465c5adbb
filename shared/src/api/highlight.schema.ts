import { type Static, Type } from '@sinclair/typebox';

/** A run of a text attribute: `match` when the query matched it. Plain text, never markup. */
export const HighlightSegmentSchema = Type.Object({ text: Type.String(), match: Type.Boolean() });
export type HighlightSegment = Static<typeof HighlightSegmentSchema>;

/**
 * A text attribute split into runs that did and did not match the query; joined, the runs are the attribute's text.
 * Plain text: render each run as a text node (inside `<mark>` when it matched).
 */
export const HighlightSchema = Type.Array(HighlightSegmentSchema, {
  description: 'the text as plain-text runs; `match` marks the words that matched the query',
});
export type Highlight = Static<typeof HighlightSchema>;
