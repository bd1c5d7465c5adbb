import iconv from 'iconv-lite';

/** Where the charset of a body came from. */
export type CharsetSource = 'bom' | 'content-type' | 'meta' | 'xml-declaration' | 'default';

/** The charset a body is decoded with, and why. */
export interface DetectedCharset {
  /** An iconv-lite encoding name, lower case (`utf-8`, `windows-1252`, `shift_jis`…). */
  charset: string;
  source: CharsetSource;
}

/** How far into an HTML body `<meta charset>` is looked for, in bytes (the HTML spec's prescan window). */
export const META_SNIFF_BYTES = 4096;

// WHATWG Encoding: these labels all mean windows-1252, and pages labelled latin-1 really do use 0x80–0x9F.
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'x-sjis': 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  ms_kanji: 'shift_jis',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** Maps a charset label to an encoding iconv-lite can decode, or `undefined` when the label is unknown. */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  const name = ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(name) ? name : undefined;
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType ? /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType)?.[2] : undefined;
}

function charsetFromBom(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function charsetFromMeta(head: string): string | undefined {
  // Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  const label = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:+-]+)/i.exec(head)?.[1];
  // A meta tag is read through ASCII-compatible bytes, so it cannot really be UTF-16 (HTML spec).
  return label && /^utf-?16/i.test(label) ? 'utf-8' : label;
}

function charsetFromXmlDeclaration(head: string): string | undefined {
  return /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:+-]+)["']/i.exec(head)?.[1];
}

function isHtml(mimeType: string | undefined, head: string): boolean {
  if (mimeType) return mimeType === 'text/html' || mimeType === 'application/xhtml+xml';
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|meta)\b/i.test(head);
}

function isXml(mimeType: string | undefined, head: string): boolean {
  return mimeType ? /[/+]xml$/.test(mimeType) : /^\s*<\?xml\b/.test(head);
}

/**
 * Detects a body's charset: a byte-order mark wins (as in the WHATWG encoding sniffing algorithm), then the
 * Content-Type `charset`, then `<meta charset>`/`<meta http-equiv>` in the first 4 KiB of HTML, then the XML
 * declaration of XML; UTF-8 otherwise. Unknown labels are skipped.
 */
export function detectCharset(body: Buffer, contentTypeHeader: string | undefined): DetectedCharset {
  const bom = charsetFromBom(body);
  if (bom) return { charset: bom, source: 'bom' };
  const declared = normalizeCharset(charsetFromContentType(contentTypeHeader));
  if (declared) return { charset: declared, source: 'content-type' };
  const head = body.subarray(0, META_SNIFF_BYTES).toString('latin1');
  const mimeType = parseMimeType(contentTypeHeader);
  if (isHtml(mimeType, head)) {
    const meta = normalizeCharset(charsetFromMeta(head));
    if (meta) return { charset: meta, source: 'meta' };
  }
  if (isXml(mimeType, head)) {
    const declaration = normalizeCharset(charsetFromXmlDeclaration(head));
    if (declaration) return { charset: declaration, source: 'xml-declaration' };
  }
  return { charset: 'utf-8', source: 'default' };
}

/** Decodes `body` with `charset` (iconv-lite), dropping a leading byte-order mark. */
export function decodeBody(body: Buffer, charset: string): string {
  return iconv.decode(body, charset, { stripBOM: true });
}

/** The lower-case media type of a Content-Type header value, without parameters. */
export function parseMimeType(contentTypeHeader: string | undefined): string | undefined {
  const type = contentTypeHeader?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}
