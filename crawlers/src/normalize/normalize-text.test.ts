import { describe, expect, it } from 'vitest';
import { cleanTitle, htmlToText, looksLikeHtml, truncate } from './normalize-text.js';

describe('htmlToText', () => {
  it('turns blocks and <br> into line breaks, drops scripts and styles, decodes entities', () => {
    const html =
      '<h2>Agenda</h2><p>Day&nbsp;1:&#8201;talks<br>Day 2 &amp; 3:   <b>expo</b></p><script>alert(1)</script><style>p{}</style><ul><li>A</li><li>B</li></ul>';
    expect(htmlToText(html)).toBe('Agenda\n\nDay 1: talks\nDay 2 & 3: expo\n\nA\n\nB');
  });

  it('keeps escaped markup as inert text and leaves text with "<" alone', () => {
    expect(cleanTitle('&lt;script&gt;alert(1)&lt;/script&gt; Talk')).toBe('<script>alert(1)</script> Talk');
    expect(cleanTitle('<script>alert(1)</script>Talk')).toBe('Talk');
    expect(cleanTitle('<CODE/CRAFTS>')).toBe('<CODE/CRAFTS>');
    expect(cleanTitle('Salaries < $50k  &\n more')).toBe('Salaries < $50k & more');
    expect(looksLikeHtml('a <em>b</em>')).toBe(true);
    expect(looksLikeHtml('C++ <3')).toBe(false);
  });

  it('caps length at a word boundary', () => {
    expect(truncate('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(htmlToText(`<p>${'word '.repeat(5000)}</p>`, { maxLength: 100 }).length).toBeLessThanOrEqual(100);
    expect(cleanTitle('x'.repeat(600))).toHaveLength(500);
  });
});
