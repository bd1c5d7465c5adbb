import { describe, expect, it } from 'vitest';
import { CLUSTERS } from '../taxonomy/clusters.js';
import { buildSynonyms } from './synonyms.js';

const synonyms = buildSynonyms();
const expands = (from: string, to: string) => synonyms[from]?.includes(to) ?? false;
/** Whether searching `from` finds what `to` names: through a synonym, or because `to` holds every word of `from`. */
const finds = (from: string, to: string) => {
  const words = new Set(to.split(' '));
  return expands(from, to) || from.split(' ').every((word) => words.has(word));
};

describe('buildSynonyms', () => {
  it('links healthcare and Health Science both ways', () => {
    expect(expands('healthcare', 'health science')).toBe(true);
    expect(expands('health science', 'healthcare')).toBe(true);
    expect(expands('health care', 'health science')).toBe(true);
    expect(expands('health science', 'health care')).toBe(true);
  });

  it('leads "IT" to information technology, but never the field to the pronoun "it"', () => {
    expect(synonyms.it).toEqual(['information technology']);
    expect(expands('information technology', 'it')).toBe(false);
  });

  it('expands aliases one way only', () => {
    expect(expands('tech', 'information technology')).toBe(true);
    expect(expands('information technology', 'tech')).toBe(false);
    expect(expands('medical', 'health science')).toBe(true);
    expect(expands('health science', 'medical')).toBe(false);
    expect(expands('computer science', 'programming and software development')).toBe(true);
  });

  it('links the forms of a name with "&": as indexed (dropped) and as said ("and")', () => {
    expect(expands('education and training', 'education training')).toBe(true);
    expect(finds('education', 'education training')).toBe(true);
    expect(expands('arts a v technology communications', 'arts and media')).toBe(true);
  });

  it('links every pathway name with its synonyms', () => {
    expect(finds('software development', 'programming and software development')).toBe(true);
    expect(expands('programming and software development', 'software development')).toBe(true);
  });

  it('leaves out a synonym holding every word of its term: the term finds all it would', () => {
    expect(expands('marketing', 'marketing sales service')).toBe(false);
    expect(expands('government', 'public administration')).toBe(true);
    expect(expands('government', 'government public administration')).toBe(false);
    for (const [key, values] of Object.entries(synonyms)) {
      for (const value of values) {
        const words = new Set(value.split(' '));
        expect(
          key.split(' ').every((word) => words.has(word)),
          `${key} → ${value}`,
        ).toBe(false);
      }
    }
  });

  it('leaves keywords out', () => {
    expect(synonyms.kubernetes).toBeUndefined();
    expect(synonyms.himss).toBeUndefined();
    expect(Object.values(synonyms).flat()).not.toContain('kubernetes');
  });

  it('writes lower-case terms, word-separated by single spaces, none mapping to itself', () => {
    for (const [key, values] of Object.entries(synonyms)) {
      for (const term of [key, ...values]) expect(term).toMatch(/^[\p{Ll}\p{N}]+( [\p{Ll}\p{N}]+)*$/u);
      expect(values).not.toContain(key);
      expect(new Set(values).size).toBe(values.length);
      expect(values.length).toBeGreaterThan(0);
    }
  });

  it('is symmetric within every cluster name group', () => {
    for (const c of CLUSTERS) {
      const name = c.name
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      for (const synonym of c.synonyms) {
        const s = synonym.toLowerCase();
        if (s === name) continue;
        expect(finds(s, name), `${s} → ${name}`).toBe(true);
        expect(finds(name, s), `${name} → ${s}`).toBe(true);
      }
    }
  });

  it('stays a sensible size and is deterministic', () => {
    const keys = Object.keys(synonyms);
    expect(keys.length).toBeGreaterThan(200);
    expect(keys.length).toBeLessThan(3000);
    expect(JSON.stringify(buildSynonyms())).toBe(JSON.stringify(synonyms));
  });
});
