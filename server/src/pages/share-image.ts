import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { escapeHtml as escapeXml, oneLine } from '../feeds/text.js';

/** The size link previews ask for (OpenGraph's large card, 1.91:1), in pixels. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

const require = createRequire(import.meta.url);

/** Inter (SIL Open Font License 1.1), shipped in an npm package: no font is fetched and no system font is needed. */
const FONT_FILES = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
];
const FONT = 'Inter';

const BRAND = '#1f4fc4';
const INK = '#14213d';
const MUTED = '#4a5568';
const MARGIN = 80;
const TEXT_WIDTH = SHARE_IMAGE_WIDTH - 2 * MARGIN;

/** What a card shows: a kicker above (the field), a title, and up to two lines under it (when, where). */
export interface ShareCard {
  kicker: string;
  title: string;
  lines: readonly string[];
  /** A word in red above the title: "Cancelled", "Postponed". */
  flag?: string;
}

// Inter's advance widths, in ems, by kind of character: close enough to wrap lines without a text shaper.
const NARROW = /[iljtfr.,:;'!|()[\]\s]/;
const WIDE = /[mwMW@%]/;
const UPPER = /[A-Z0-9&]/;

function textWidth(text: string, size: number, bold: boolean): number {
  let ems = 0;
  for (const char of text) {
    if (NARROW.test(char)) ems += 0.3;
    else if (WIDE.test(char)) ems += 0.86;
    else if (UPPER.test(char)) ems += 0.68;
    else if (char.charCodeAt(0) > 0x2e80) ems += 1;
    else ems += 0.56;
  }
  return ems * size * (bold ? 1.05 : 1);
}

/** Cuts `text` to fit `width`, after a whole word when one fits, ending with an ellipsis when anything was cut. */
function fit(text: string, size: number, bold: boolean, width: number): string {
  if (textWidth(text, size, bold) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size, bold) > width) chars.pop();
  const cut = chars.join('');
  const lastSpace = cut.search(/\s\S*$/);
  return `${(lastSpace > cut.length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:·–-]+$/u, '')}…`;
}

/** Words wrapped into at most `maxLines` lines of `width`, the last one cut with an ellipsis when needed. */
export function wrapText(text: string, size: number, bold: boolean, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, size, bold) <= width || !current) {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(fit(`${current} ${words.slice(i).join(' ')}`, size, bold, width));
      return lines;
    }
    lines.push(current);
    current = word;
  }
  if (current) lines.push(fit(current, size, bold, width));
  return lines;
}

function textElement(x: number, y: number, size: number, weight: number, fill: string, text: string): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(text)}</text>`;
}

/** The card as SVG: every text escaped, on one line each, cut to fit. */
export function shareCardSvg(card: ShareCard): string {
  const parts: string[] = [];
  let y = MARGIN + 30;
  parts.push(textElement(MARGIN, y, 30, 700, BRAND, fit(oneLine(card.kicker).toUpperCase(), 30, true, TEXT_WIDTH)));
  y += 30;
  if (card.flag) {
    y += 46;
    parts.push(textElement(MARGIN, y, 34, 700, '#b42318', card.flag.toUpperCase()));
  }
  const titleSize = 64;
  for (const line of wrapText(oneLine(card.title), titleSize, true, TEXT_WIDTH, card.flag ? 2 : 3)) {
    y += titleSize * 1.2;
    parts.push(textElement(MARGIN, y, titleSize, 700, INK, line));
  }
  y += 24;
  for (const line of card.lines.slice(0, 2)) {
    y += 52;
    parts.push(textElement(MARGIN, y, 36, 400, MUTED, fit(oneLine(line), 36, false, TEXT_WIDTH)));
  }
  const footerY = SHARE_IMAGE_HEIGHT - 56;
  parts.push(textElement(MARGIN, footerY, 30, 700, BRAND, 'Fieldguide'));
  parts.push(textElement(MARGIN + 180, footerY, 26, 400, MUTED, 'where the hiring managers in your field go'));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" viewBox="0 0 ${SHARE_IMAGE_WIDTH} ${SHARE_IMAGE_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect width="24" height="100%" fill="${BRAND}"/>`,
    `<rect x="${MARGIN}" y="${footerY - 60}" width="${TEXT_WIDTH}" height="2" fill="#d5dcea"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** What Inter draws: Latin, Greek, Cyrillic, punctuation, currency, arrows and maths symbols. */
const INTER_COVERS = /^[\u0020-\u052F\u1E00-\u1FFF\u2000-\u22FF]*$/u;

/** Whether the card holds characters Inter lacks (CJK, Arabic, emoji): then the system's fonts are asked too. */
const needsFallback = (card: ShareCard): boolean =>
  ![card.kicker, card.title, card.flag ?? '', ...card.lines].every((text) => INTER_COVERS.test(text));

/** The card rendered to a PNG of {@link SHARE_IMAGE_WIDTH}×{@link SHARE_IMAGE_HEIGHT}. */
export function renderShareCard(card: ShareCard): Buffer {
  const resvg = new Resvg(shareCardSvg(card), {
    font: { loadSystemFonts: needsFallback(card), fontFiles: FONT_FILES, defaultFontFamily: FONT },
    fitTo: { mode: 'width', value: SHARE_IMAGE_WIDTH },
  });
  return resvg.render().asPng();
}
