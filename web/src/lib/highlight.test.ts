import { describe, expect, it } from 'vitest';
import { parseHighlight } from './highlight.js';

describe('parseHighlight', () => {
  it('splits marked words from the rest and unescapes the text', () => {
    expect(parseHighlight('Nurses &amp; <mark>Doctors</mark> &lt;3')).toEqual([
      { text: 'Nurses & ', mark: false },
      { text: 'Doctors', mark: true },
      { text: ' <3', mark: false },
    ]);
  });

  it('keeps escaped markup as text, so a title can never become HTML', () => {
    const parts = parseHighlight('&lt;img src=x onerror=alert(1)&gt; <mark>fair</mark>');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['fair']);
  });

  it('returns plain text unchanged', () => {
    expect(parseHighlight('Tech Career Fair')).toEqual([{ text: 'Tech Career Fair', mark: false }]);
  });
});
