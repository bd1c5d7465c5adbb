import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.js';

describe('canonicalUrl', () => {
  it('gives one key to the forms of one page', () => {
    const forms = [
      'https://www.Example.org/events/summit/',
      'http://example.org:80/events/summit',
      'https://example.org:443/events/summit/#register',
      'https://example.org/events/summit?utm_source=news&utm_medium=email&fbclid=abc',
      'https://EXAMPLE.org/events//summit/index.html',
    ];
    expect(new Set(forms.map(canonicalUrl))).toEqual(new Set(['example.org/events/summit']));
  });

  it('keeps what names another page: other ports, paths and meaningful parameters, sorted', () => {
    expect(canonicalUrl('http://example.org:8080/e')).toBe('example.org:8080/e');
    expect(canonicalUrl('https://example.org/e?id=2&lang=en')).toBe(canonicalUrl('https://example.org/e?lang=en&id=2'));
    expect(canonicalUrl('https://example.org/e?id=2')).not.toBe(canonicalUrl('https://example.org/e?id=3'));
    expect(canonicalUrl('https://example.org/a')).not.toBe(canonicalUrl('https://example.org/b'));
  });

  it('answers undefined for what is not an http(s) URL', () => {
    expect(canonicalUrl(undefined)).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
    expect(canonicalUrl('mailto:x@example.org')).toBeUndefined();
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
  });
});
