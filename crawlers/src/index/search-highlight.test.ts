import { describe, expect, it } from 'vitest';
import { formattedHighlight, HIGHLIGHT_POST, HIGHLIGHT_PRE, stripHighlight, toHighlight } from './search-highlight.js';

const mark = (text: string) => `${HIGHLIGHT_PRE}${text}${HIGHLIGHT_POST}`;

describe('highlights', () => {
  const marked = `${mark('Nurse')}s <b>&</b> "friends" ${mark('fair')}`;

  it('become runs of plain text, the matched ones marked, markup left as it is', () => {
    expect(toHighlight(marked)).toEqual([
      { text: 'Nurse', match: true },
      { text: 's <b>&</b> "friends" ', match: false },
      { text: 'fair', match: true },
    ]);
    expect(toHighlight(`<img src=x onerror=alert(1)>`)).toEqual([
      { text: '<img src=x onerror=alert(1)>', match: false },
    ]);
    expect(toHighlight('')).toEqual([]);
  });

  it('drop stray marks', () => {
    expect(toHighlight(`a${HIGHLIGHT_POST}b ${HIGHLIGHT_PRE}c${HIGHLIGHT_PRE}d`)).toEqual([
      { text: 'ab ', match: false },
      { text: 'cd', match: true },
    ]);
  });

  it('strip to plain text', () => {
    expect(stripHighlight(marked)).toBe('Nurses <b>&</b> "friends" fair');
  });

  it('fall back to the attribute as one unmatched run, null staying null', () => {
    expect(formattedHighlight(undefined, 'title', 'Fair')).toEqual([{ text: 'Fair', match: false }]);
    expect(formattedHighlight({ city: mark('Austin') }, 'city', 'Austin')).toEqual([{ text: 'Austin', match: true }]);
    expect(formattedHighlight({}, 'organizer', null)).toBeNull();
  });
});
