import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, stripHighlight, toHighlightHtml } from './highlight.js';

describe('highlights', () => {
  const marked = `${HIGHLIGHT_PRE}Nurse${HIGHLIGHT_POST}s <b>&</b> "friends"`;

  it('become escaped HTML with <mark> around the matches', () => {
    expect(toHighlightHtml(marked)).toBe('<mark>Nurse</mark>s &lt;b&gt;&amp;&lt;/b&gt; &quot;friends&quot;');
    expect(toHighlightHtml(`<script>alert('x')</script>`)).toBe('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
  });

  it('strip to plain text', () => {
    expect(stripHighlight(marked)).toBe('Nurses <b>&</b> "friends"');
  });
});
