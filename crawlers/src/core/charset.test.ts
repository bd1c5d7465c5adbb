import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, detectCharset, normalizeCharset, parseMimeType } from './charset.js';

const win1252 = (text: string) => iconv.encode(text, 'windows-1252');

describe('detectCharset', () => {
  it('takes the Content-Type charset first', () => {
    const body = win1252('<html><head><meta charset="utf-8"></head><body>Zürich</body></html>');
    expect(detectCharset(body, 'text/html; charset=ISO-8859-1')).toEqual({
      charset: 'windows-1252',
      source: 'content-type',
    });
  });

  it('lets a byte-order mark win over the header', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zürich')]);
    expect(detectCharset(body, 'text/html; charset=iso-8859-1')).toEqual({ charset: 'utf-8', source: 'bom' });
    expect(detectCharset(Buffer.from([0xff, 0xfe, 0x41, 0x00]), undefined).charset).toBe('utf-16le');
  });

  it('reads <meta charset> and <meta http-equiv> in HTML', () => {
    const meta = win1252('<!DOCTYPE html><html><head><meta charset=windows-1252><title>Café</title>');
    expect(detectCharset(meta, 'text/html')).toEqual({ charset: 'windows-1252', source: 'meta' });
    const httpEquiv = iconv.encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>説明会</title>',
      'shift_jis',
    );
    expect(detectCharset(httpEquiv, 'text/html')).toEqual({ charset: 'shift_jis', source: 'meta' });
    expect(decodeBody(httpEquiv, 'shift_jis')).toContain('説明会');
  });

  it('sniffs HTML without a Content-Type', () => {
    const body = win1252('<!doctype html><meta charset="latin1"><p>Café</p>');
    expect(detectCharset(body, undefined)).toEqual({ charset: 'windows-1252', source: 'meta' });
  });

  it('only looks for <meta> in the first 4 KiB', () => {
    const body = Buffer.from(`<html><head><!--${'x'.repeat(5000)}--><meta charset="windows-1252">`);
    expect(detectCharset(body, 'text/html')).toEqual({ charset: 'utf-8', source: 'default' });
  });

  it('reads the XML declaration of XML only', () => {
    const xml = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss></rss>');
    expect(detectCharset(xml, 'application/rss+xml')).toEqual({ charset: 'windows-1252', source: 'xml-declaration' });
    expect(detectCharset(xml, undefined)).toEqual({ charset: 'windows-1252', source: 'xml-declaration' });
    expect(detectCharset(xml, 'text/plain')).toEqual({ charset: 'utf-8', source: 'default' });
  });

  it('treats a <meta> claiming UTF-16 as UTF-8, and skips unknown labels', () => {
    expect(detectCharset(Buffer.from('<html><meta charset="utf-16">'), 'text/html').charset).toBe('utf-8');
    const body = win1252('<html><meta charset="windows-1252">Café');
    expect(detectCharset(body, 'text/html; charset=klingon')).toEqual({ charset: 'windows-1252', source: 'meta' });
  });

  it('defaults to UTF-8', () => {
    expect(detectCharset(Buffer.from('BEGIN:VCALENDAR'), 'text/calendar')).toEqual({
      charset: 'utf-8',
      source: 'default',
    });
  });
});

describe('decodeBody', () => {
  it('decodes latin-1 labelled pages as windows-1252 (curly quotes in 0x80–0x9F survive)', () => {
    const body = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80]);
    expect(decodeBody(body, normalizeCharset('iso-8859-1') ?? '')).toBe('“Café” – €');
  });

  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeBody(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'utf-8')).toBe('hi');
  });
});

describe('header helpers', () => {
  it('parses charset and media type out of Content-Type', () => {
    expect(charsetFromContentType('text/html; charset="UTF-8"')).toBe('UTF-8');
    expect(charsetFromContentType('text/html;charset=iso-8859-1; foo=bar')).toBe('iso-8859-1');
    expect(charsetFromContentType('text/html')).toBeUndefined();
    expect(parseMimeType('Text/HTML; charset=utf-8')).toBe('text/html');
    expect(parseMimeType(undefined)).toBeUndefined();
  });

  it('normalises labels to names iconv-lite knows', () => {
    expect(normalizeCharset(' UTF8 ')).toBe('utf-8');
    expect(normalizeCharset('x-sjis')).toBe('shift_jis');
    expect(normalizeCharset('US-ASCII')).toBe('windows-1252');
    expect(normalizeCharset('koi8-r')).toBe('koi8-r');
    expect(normalizeCharset('no-such-charset')).toBeUndefined();
  });
});
