import { describe, expect, it } from 'vitest';
import { createValidators, isNotModified } from './conditional.js';

describe('feed validators', () => {
  it('tag the exact bytes and date the feed by its newest update or first serving, whichever is later', () => {
    let now = new Date('2027-01-10T12:00:00.500Z');
    const validate = createValidators(() => now);
    const a = validate('body a', new Date('2027-01-01T00:00:00Z'));
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(a.lastModified).toBe('Sun, 10 Jan 2027 12:00:00 GMT');
    now = new Date('2027-01-11T00:00:00Z');
    expect(validate('body a', new Date('2027-01-01T00:00:00Z'))).toEqual(a);
    const b = validate('body b', new Date('2027-01-01T00:00:00Z'));
    expect(b.etag).not.toBe(a.etag);
    // Fewer events, none newer: the body changed, so Last-Modified moves on.
    expect(b.lastModified).toBe('Mon, 11 Jan 2027 00:00:00 GMT');
    expect(validate('body c', new Date('2027-02-01T00:00:00Z')).lastModified).toBe('Mon, 01 Feb 2027 00:00:00 GMT');
  });

  it('answer 304 on a matching If-None-Match, else on an If-Modified-Since not before Last-Modified', () => {
    const v = { etag: '"abc"', lastModified: 'Sun, 10 Jan 2027 12:00:00 GMT' };
    expect(isNotModified({ 'if-none-match': '"abc"' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': 'W/"abc"' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"x", "abc"' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"x"' }, v)).toBe(false);
    // If-None-Match wins over If-Modified-Since.
    expect(isNotModified({ 'if-none-match': '"x"', 'if-modified-since': 'Mon, 11 Jan 2027 00:00:00 GMT' }, v)).toBe(
      false,
    );
    expect(isNotModified({ 'if-modified-since': 'Sun, 10 Jan 2027 12:00:00 GMT' }, v)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Sun, 10 Jan 2027 11:59:59 GMT' }, v)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'yesterday' }, v)).toBe(false);
    expect(isNotModified({}, v)).toBe(false);
  });
});
