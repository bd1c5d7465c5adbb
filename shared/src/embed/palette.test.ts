import { describe, expect, it } from 'vitest';
import { embedPaletteCss } from './palette.js';

describe('embedPaletteCss', () => {
  it('declares every colour as a themable custom property', () => {
    expect(embedPaletteCss('light')).toBe(
      '--a:var(--fg-accent,#0b57d0);--b:var(--fg-bg,#fff);--t:var(--fg-text,#1b1b1f);--m:var(--fg-muted,#55565c);--l:var(--fg-border,#d6d7dc);--h:var(--fg-badge-bg,#e7f3e8);--ht:var(--fg-badge-text,#1b5e20)',
    );
    expect(embedPaletteCss('dark')).toContain('--t:var(--fg-text,#ececf1)');
  });
});
