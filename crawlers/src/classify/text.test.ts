import { describe, expect, it } from 'vitest';
import { foldPlural, termKey, tokenize } from './text.js';

const words = (text: string) => tokenize(text).segments.map((s) => s.map((t) => t.word).join(' '));

describe('tokenize', () => {
  it('keeps C++, C#, .NET and initials joined by & as words, and drops "and"', () => {
    expect(words('C++ & C# on .NET; R&D and M&A')).toEqual(['cplusplus csharp on dotnet', 'randd manda']);
  });

  it('drops accents and apostrophes, and folds possessives', () => {
    expect(words("Café Owners' Night: Cattlemen's Association")).toEqual(['cafe owner night', 'cattlemen association']);
  });

  it('cuts segments at commas, colons, brackets and the end of a sentence, not inside Node.js or 4.0', () => {
    expect(words('Node.js, industry 4.0 (smart). Next')).toEqual(['nodej', 'industry 40', 'smart', 'next']);
  });

  it('adds the parts of compound names as extra segments, marked with the compound', () => {
    const text = tokenize('RubyConf and DevOpsDays');
    const extra = text.segments.map((s, i) => [text.variantOf[i], s.map((t) => t.word).join(' ')]);
    expect(extra).toContainEqual(['rubyconf', 'ruby conf']);
    expect(extra).toContainEqual(['devopsday', 'devop day']);
    expect(text.variantOf[0]).toBeUndefined();
  });

  it('joins hyphenated words as an extra segment', () => {
    expect(words('Pre-Construction e-commerce')).toEqual([
      'pre construction e commerce',
      'preconstruction',
      'ecommerce',
    ]);
  });

  it('marks words written in capitals, and notices a text with no lower case at all', () => {
    const mixed = tokenize('IT Career Fair');
    expect(mixed.segments[0]?.[0]).toEqual({ word: 'it', upper: true });
    expect(mixed.allCaps).toBe(false);
    expect(tokenize('WHAT IT TAKES').allCaps).toBe(true);
    expect(tokenize('2025').allCaps).toBe(false);
  });
});

describe('foldPlural', () => {
  it.each([
    ['teachers', 'teacher'],
    ['technologies', 'technology'],
    ['classes', 'class'],
    ['business', 'business'],
    ['campus', 'campus'],
    ['analysis', 'analysis'],
    ['gas', 'gas'],
    ['news', 'news'],
    ['securities', 'securities'],
    ['corrections', 'corrections'],
    ['5gs', '5gs'],
  ])('%s → %s', (word, folded) => {
    expect(foldPlural(word)).toBe(folded);
  });

  it('folds the plural of capital initials ("RNs", "CPAs")', () => {
    expect(foldPlural('rns', 'RNs')).toBe('rn');
    expect(foldPlural('cpas', 'CPAs')).toBe('cpa');
  });
});

describe('termKey', () => {
  it('normalizes a term as text is normalized, across its commas', () => {
    expect(termKey('Arts, A/V Technology & Communications')).toBe('art a v technology communication');
    expect(termKey('FP&A')).toBe('fpanda');
    expect(termKey('K-12')).toBe('k 12');
    expect(termKey('and')).toBe('');
  });
});
