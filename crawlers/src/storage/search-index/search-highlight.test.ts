import { highlightRuns } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import {
  formattedMatches,
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  readHighlight,
  stripHighlight,
  withoutHighlightMarks,
} from './search-highlight.js';

const mark = (text: string) => `${HIGHLIGHT_PRE}${text}${HIGHLIGHT_POST}`;

describe('highlights', () => {
  const marked = `${mark('Nurse')}s <b>&</b> "friends" ${mark('fair')}`;

  it('become plain text and the ranges that matched, markup left as it is', () => {
    const { text, matches } = readHighlight(marked);
    expect(text).toBe('Nurses <b>&</b> "friends" fair');
    expect(matches).toEqual([
      [0, 5],
      [26, 30],
    ]);
    expect(
      highlightRuns(text, matches)
        .filter((r) => r.match)
        .map((r) => r.text),
    ).toEqual(['Nurse', 'fair']);
    expect(readHighlight('<img src=x onerror=alert(1)>')).toEqual({
      text: '<img src=x onerror=alert(1)>',
      matches: [],
    });
  });

  it('count offsets in UTF-16 code units and drop stray marks', () => {
    expect(readHighlight(`🎉 ${mark('Fair')}`)).toEqual({ text: '🎉 Fair', matches: [[3, 7]] });
    expect(readHighlight(`a${HIGHLIGHT_POST}b ${HIGHLIGHT_PRE}c${HIGHLIGHT_PRE}d`)).toEqual({
      text: 'ab cd',
      matches: [[3, 5]],
    });
  });

  it('strip to plain text', () => {
    expect(stripHighlight(marked)).toBe('Nurses <b>&</b> "friends" fair');
  });

  it('read the matches of one attribute of `_formatted`, none when it is missing or unmarked', () => {
    expect(formattedMatches({ city: mark('Austin') }, 'city')).toEqual([[0, 6]]);
    expect(formattedMatches({ city: 'Austin' }, 'city')).toEqual([]);
    expect(formattedMatches(undefined, 'organizer')).toEqual([]);
  });
});

describe('withoutHighlightMarks', () => {
  it("takes the marks out of a document's texts and lists of texts, leaving other values and clean documents as they are", () => {
    const forged = { id: 'e1', title: `Job ${mark('fair')}`, tags: ['ok', mark('x')], start: 5, venue: null };
    expect(withoutHighlightMarks(forged)).toEqual({
      id: 'e1',
      title: 'Job fair',
      tags: ['ok', 'x'],
      start: 5,
      venue: null,
    });
    expect(forged.title).toBe(`Job ${mark('fair')}`);
    const clean = { id: 'e2', title: 'Job fair', tags: ['ok'] };
    expect(withoutHighlightMarks(clean)).toBe(clean);
  });
});
