import { describe, expect, it } from 'vitest';
import { highlightRuns } from './highlight.schema.js';

describe('highlightRuns', () => {
  it('splits the text at the matched ranges', () => {
    expect(highlightRuns('Twin Cities Nursing Career Fair', [[12, 19]])).toEqual([
      { text: 'Twin Cities ', match: false },
      { text: 'Nursing', match: true },
      { text: ' Career Fair', match: false },
    ]);
    expect(
      highlightRuns('Nurse fair', [
        [0, 5],
        [6, 10],
      ]),
    ).toEqual([
      { text: 'Nurse', match: true },
      { text: ' ', match: false },
      { text: 'fair', match: true },
    ]);
  });

  it('keeps markup as text and clips ranges that do not fit', () => {
    expect(highlightRuns('<img src=x onerror=alert(1)>', [])).toEqual([
      { text: '<img src=x onerror=alert(1)>', match: false },
    ]);
    expect(
      highlightRuns('abcdef', [
        [4, 99],
        [2, 5],
        [7, 9],
      ]),
    ).toEqual([
      { text: 'abcd', match: false },
      { text: 'ef', match: true },
    ]);
    expect(highlightRuns('', [[0, 3]])).toEqual([]);
  });
});
