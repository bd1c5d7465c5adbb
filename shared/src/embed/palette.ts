/** The themes both embeds (the script-tag widget and the iframe page) come in. */
export type PaletteTheme = 'light' | 'dark';

/** The colours an embed paints with. */
export interface EmbedColors {
  accent: string;
  background: string;
  text: string;
  muted: string;
  border: string;
  badgeBackground: string;
  badgeText: string;
}

/** The one palette of the widget and the iframe embed page, per theme (CSS colours). */
export const EMBED_PALETTE: Readonly<Record<PaletteTheme, Readonly<EmbedColors>>> = {
  light: {
    accent: '#0b57d0',
    background: '#fff',
    text: '#1b1b1f',
    muted: '#55565c',
    border: '#d6d7dc',
    badgeBackground: '#e7f3e8',
    badgeText: '#1b5e20',
  },
  dark: {
    accent: '#8ab4f8',
    background: '#1f1f23',
    text: '#ececf1',
    muted: '#b4b5bd',
    border: '#3c3d44',
    badgeBackground: '#1e3a22',
    badgeText: '#b9e6bd',
  },
};

/**
 * Each colour's short custom property, the one the embeds' rules read (`color:var(--t)`), and the public one a host
 * page may set to theme the widget (`--fg-text`).
 */
export const EMBED_COLOR_PROPERTIES: Readonly<Record<keyof EmbedColors, readonly [own: string, themable: string]>> = {
  accent: ['--a', '--fg-accent'],
  background: ['--b', '--fg-bg'],
  text: ['--t', '--fg-text'],
  muted: ['--m', '--fg-muted'],
  border: ['--l', '--fg-border'],
  badgeBackground: ['--h', '--fg-badge-bg'],
  badgeText: ['--ht', '--fg-badge-text'],
};

/**
 * The palette of a theme as CSS declarations, each short property defaulting to the theme's colour unless the
 * public one is set: `--a:var(--fg-accent,#0b57d0);--b:var(--fg-bg,#fff);…` (no trailing `;`). Fixed text, so a
 * style sheet built with it hashes the same every time (the iframe page's CSP allows its style by hash).
 */
export function embedPaletteCss(theme: PaletteTheme): string {
  const colors = EMBED_PALETTE[theme];
  return (Object.keys(EMBED_COLOR_PROPERTIES) as (keyof EmbedColors)[])
    .map((name) => {
      const [own, themable] = EMBED_COLOR_PROPERTIES[name];
      return `${own}:var(${themable},${colors[name]})`;
    })
    .join(';');
}
