import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import fc from 'fast-check';
import { htmlTagNames } from 'html-tag-names';
import { describe, expect, it } from 'vitest';
import {
  cleanTitle,
  collapseWhitespace,
  htmlToText,
  looksLikeHtml,
  removeInvisible,
  truncate,
} from './normalize-text.js';

/** A `<` that starts a tag, an end tag, a comment, a CDATA section or a processing instruction. */
const TAG_START = /<[a-z/!?]/i;

describe('htmlToText', () => {
  it('turns blocks and <br> into line breaks, drops scripts and styles, decodes entities', () => {
    const html =
      '<h2>Agenda</h2><p>Day&nbsp;1:&#8201;talks<br>Day 2 &amp; 3:   <b>expo</b></p><script>alert(1)</script><style>p{}</style><ul><li>A</li><li>B</li></ul>';
    expect(htmlToText(html)).toBe('Agenda\n\nDay 1: talks\nDay 2 & 3: expo\n\nA\n\nB');
    expect(htmlToText('<table><tr><td>Room</td><td>101</td></tr></table>')).toBe('Room 101');
  });

  it('leaves text with "<" alone', () => {
    expect(cleanTitle('Salaries < $50k  &\n more')).toBe('Salaries < $50k & more');
    expect(cleanTitle('C<T> templates, C++ <3 and x <= 4')).toBe('C<T> templates, C++ <3 and x <= 4');
    expect(cleanTitle('<CODE/CRAFTS>')).toBe('<CODE/CRAFTS>');
    expect(cleanTitle('Map<String, Integer> in Java')).toBe('Map<String, Integer> in Java');
    expect(cleanTitle('AT&amp;T &amp;lt;b&amp;gt; night')).toBe('AT&T &lt;b&gt; night');
    expect(looksLikeHtml('a <em>b</em>')).toBe(true);
    expect(looksLikeHtml('C++ <3')).toBe(false);
  });

  it('strips every tag of a hostile title, also ones that appear only once entities are decoded', () => {
    expect(cleanTitle('Career fair <svg/onload=alert(1)> spring')).toBe('Career fair spring');
    expect(cleanTitle('Fair <img src=x onerror=alert(1)>')).toBe('Fair');
    expect(cleanTitle('Fair <img src=x onerror=alert(1)')).toBe('Fair');
    expect(cleanTitle('<script>if (a<b) alert(1)</script>Talk')).toBe('Talk');
    expect(cleanTitle('&lt;script&gt;alert(1)&lt;/script&gt; Talk')).toBe('Talk');
    expect(cleanTitle('&#60;img src=x onerror=alert(1)&#x3E;Talk')).toBe('Talk');
    expect(cleanTitle('<<b></b>img src=x onerror=alert(1)>Talk')).toBe('Talk');
    expect(cleanTitle('<SVG ONLOAD>Talk</SVG>')).toBe('Talk');
    expect(cleanTitle('<textarea><img src=x onerror=alert(1)></textarea>Talk')).toBe('Talk');
    expect(cleanTitle('Open<!-- <img src=x onerror=alert(1)> --> day')).toBe('Open day');
    expect(cleanTitle('Open <![CDATA[<img src=x onerror=alert(1)>house]]>')).toBe('Open house');
    expect(cleanTitle('<xss onmouseover=alert(1)>Expo</xss> <my-widget>Day</my-widget>')).toBe('Expo Day');
    expect(cleanTitle('<?xml-stylesheet href=x?><!doctype html>Expo')).toBe('Expo');
    // Each pass strips one layer; past the last pass, every "<" that would start a tag goes.
    let nested = 'Talk <<b></b>img src=x onerror=alert(1)>';
    for (let layer = 0; layer < 12; layer += 1) nested = nested.replace('<b></b>', '<<b></b>b></b>');
    expect(cleanTitle(nested)).not.toMatch(TAG_START);
  });

  it('caps length at a word boundary', () => {
    expect(truncate('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(htmlToText(`<p>${'word '.repeat(5000)}</p>`, { maxLength: 100 }).length).toBeLessThanOrEqual(100);
    expect(cleanTitle('x'.repeat(600))).toHaveLength(500);
  });
});

describe('removeInvisible', () => {
  it('removes controls, the search marks, lone surrogates, noncharacters, private use and bidi overrides', () => {
    expect(removeInvisible('a\u0000b\u0002c\u0003d\u001be\u007ff\u009fg')).toBe('abcdefg');
    expect(removeInvisible('a\u000Bb\u000Cc\u0085d')).toBe('a b c d');
    expect(removeInvisible('a\u202Eb\u202Ac\u2066d\u2069e')).toBe('abcde');
    expect(removeInvisible('a\uD800b\uDC00c\uFDD0d\uFFFEe\u{10FFFF}f\uE000g\u{F0000}h')).toBe('abcdefgh');
  });

  it('keeps tabs, line breaks, bidi marks, right-to-left text and emoji with tag characters', () => {
    const kept = 'a\tb\nc\r\nd \u200Fمعرض\u200E \u05D9\u05E8\u05D9\u05D3 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🎉 e\u0301';
    expect(removeInvisible(kept)).toBe(kept);
  });

  it('is applied to all text: no control character or search mark survives htmlToText', () => {
    expect(cleanTitle('\u0002Apply\u0003 now &#2;here&#3; \u202Egnp.exe')).toBe('Apply now here gnp.exe');
    expect(cleanTitle('<\u0002script>alert(1)</script>Talk')).toBe('Talk');
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        const out = htmlToText(text);
        expect(out).toBe(removeInvisible(out));
      }),
    );
  });
});

const safeWord = fc.stringMatching(/^[A-Za-z0-9$.,:;'"=+()-]{1,10}$/);
const knownTag = fc.constantFrom(
  ...htmlTagNames.filter((n) => !['plaintext', 'textarea', 'xmp', 'title', 'script', 'style'].includes(n)),
);
/** Elements that act without attributes or an end tag: raw text, embedded content, void elements. */
const ACTING = ['script', 'style', 'iframe', 'img', 'object', 'embed', 'link', 'meta', 'base', 'textarea', 'xmp'];
const attribute = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('onload', 'onerror', 'src', 'href', 'style', 'x'),
      fc.constantFrom('=alert(1)', '="javascript:alert(1)"', "='x>y'", '=x'),
    )
    .map(([name, value]) => name + value),
  fc.constantFrom('onload', 'onerror', 'onfocus autofocus'),
);
const separator = fc.constantFrom(' ', '/', '\n', '\t', ' / ');
/** A start tag with an attribute that has a value or is an event handler, in the shapes browsers accept. */
const startTag = fc
  .tuple(
    fc.oneof(knownTag, fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)),
    fc.array(fc.tuple(separator, attribute), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('>', '/>', ' >'),
  )
  .map(([name, attrs, end]) => `<${name}${attrs.map(([sep, attr]) => sep + attr).join('')}${end}`);
const markup = fc.oneof(
  startTag,
  fc.tuple(knownTag, safeWord).map(([name, word]) => `<${name}>${word}</${name}>`),
  fc.constantFrom(...ACTING, 'br', 'p', 'li', 'td').map((name) => `<${name}>`),
  knownTag.map((name) => `</${name}>`),
  startTag.map((tag) => `<!-- ${tag} -->`),
  startTag.map((tag) => `<![CDATA[${tag}]]>`),
  startTag.map((tag) => `<textarea>${tag}</textarea>`),
);
const encodings = [
  (tag: string) => tag,
  (tag: string) => tag.replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
  (tag: string) => tag.replaceAll('<', '&#60;').replaceAll('>', '&#x3E;'),
  (tag: string) => tag.replace('<', '<<b></b>'),
];
/** Hostile markup written in one of the ways above. */
const hostile = fc.tuple(markup, fc.constantFrom(...encodings)).map(([tag, write]) => write(tag));
/** A "<" that is text, next to what may be a tag. */
const strayLessThan = fc.constantFrom('<', '< ', '<<', '&lt;');

/**
 * What a browser's parser (parse5, not the tokenizer htmlToText uses) reads as markup that can act or format in
 * `text`: comments, elements with an attribute that has a value or is an event handler, custom elements, elements
 * that act bare ({@link ACTING}) and elements HTML defines that `text` closes. "C<T>" holds none.
 */
function markupIn(text: string): string[] {
  const found: string[] = [];
  const visit = (node: AnyNode) => {
    if (node.type === 'comment') found.push(`<!--${node.data}-->`);
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const attributes = Object.entries(node.attribs);
      const known = htmlTagNames.includes(node.name);
      if (
        attributes.some(([name, value]) => value !== '' || name.startsWith('on')) ||
        node.name.includes('-') ||
        ACTING.includes(node.name) ||
        (known && text.toLowerCase().includes(`</${node.name}`))
      ) {
        found.push(`<${[node.name, ...attributes.map(([name]) => name)].join(' ')}>`);
      }
      node.children.forEach(visit);
    }
  };
  load(text, null, false)
    .root()
    .contents()
    .each((_, node) => visit(node));
  return found;
}

describe('htmlToText on hostile markup (property)', () => {
  it('leaves no "<" that starts a tag, whichever way the tag was written', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(safeWord, hostile), { maxLength: 12 }), separator, (pieces, glue) => {
        const input = pieces.join(glue);
        expect(cleanTitle(input)).not.toMatch(TAG_START);
        expect(htmlToText(input)).not.toMatch(TAG_START);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves nothing a browser reads as markup, even when stray "<"s surround the tags', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(safeWord, hostile, strayLessThan), { maxLength: 12 }), (pieces) => {
        const input = pieces.join('');
        expect(markupIn(cleanTitle(input))).toEqual([]);
        expect(markupIn(htmlToText(input))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps text that merely contains "<" as written', () => {
    const unknownName = fc
      .stringMatching(/^[A-Z][A-Za-z]{0,3}$/)
      .filter((n) => !htmlTagNames.includes(n.toLowerCase()));
    const lessThan = fc.oneof(
      fc.constantFrom('<', '< $50k', '<3', '<=', '<<', '<-', '<5'),
      unknownName.map((n) => `<${n}>`),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(safeWord, lessThan), { minLength: 1, maxLength: 10 }), (pieces) => {
        const text = pieces.join(' ');
        expect(cleanTitle(text)).toBe(collapseWhitespace(text, true));
      }),
      { numRuns: 300 },
    );
  });
});
