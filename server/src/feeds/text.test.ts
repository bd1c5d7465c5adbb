import { describe, expect, it } from 'vitest';
import { cdataText, escapeHtml, feedText, oneLine, rssTitle, textToHtml, xmlAttribute } from './text.js';

describe('feed text', () => {
  it('drops what XML and iCalendar cannot carry and keeps the rest', () => {
    expect(feedText('a\u0000b\u0007c\r\nd\te\uFFFEf\uD800g 🎉')).toBe('abc\nd\tefg 🎉');
    expect(oneLine(' a\n b\t c ')).toBe('a b c');
  });

  it('escapes text for HTML fields and attributes', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(textToHtml('a<b\nc')).toBe('a&lt;b<br>\nc');
    expect(xmlAttribute('A & B <c>')).toBe('A &amp; B &lt;c&gt;');
  });

  it('leaves the first CDATA end to the writer and splits every later one', () => {
    expect(cdataText('no end')).toBe('no end');
    expect(cdataText('a]]>b')).toBe('a]]>b');
    const split = ']]]]><![CDATA[>';
    expect(cdataText('a]]>b]]>c]]>')).toBe(`a]]>b${split}c${split}`);
    // What the writer then does to the first one gives a well-formed section.
    const written = `<![CDATA[${cdataText('a]]>b]]>c').replace(']]>', split)}]]>`;
    expect(written).toBe(`<![CDATA[a${split}b${split}c]]>`);
  });

  it('writes an RSS title that no reader can take for markup, keeping other "<" and every CDATA end intact', () => {
    expect(rssTitle('Fair <svg/onload=alert(1)> </b><!-- x --><?php ?>')).toBe(
      'Fair &lt;svg/onload=alert(1)> &lt;/b>&lt;!-- x -->&lt;?php ?>',
    );
    expect(rssTitle('Salary < $50k, C++ <3, x <= 4 & AT&T')).toBe('Salary < $50k, C++ <3, x <= 4 & AT&T');
    const written = `<![CDATA[${rssTitle('<b>a]]>b]]>c\n d').replace(']]>', ']]]]><![CDATA[>')}]]>`;
    expect(written).toBe('<![CDATA[&lt;b>a]]]]><![CDATA[>b]]]]><![CDATA[>c d]]>');
  });
});
