import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EMBED_SETTINGS,
  type EmbedSettings,
  embedAttributes,
  iframeSnippet,
  iframeSrc,
  scriptSnippet,
} from './embed-snippets.js';

const ORIGIN = 'https://fieldguide.example';
const full: EmbedSettings = {
  field: 'information-technology',
  near: 'Minneapolis, MN',
  radius: '50mi',
  type: 'career-fair',
  q: '',
  format: '',
  hiring: '',
  limit: 5,
  theme: 'dark',
  tz: '',
};

describe('embed snippets', () => {
  it('writes the widget tag with every choice as a data attribute', () => {
    expect(scriptSnippet(ORIGIN, full)).toBe(
      '<script src="https://fieldguide.example/embed.js" data-field="information-technology" ' +
        'data-near="Minneapolis, MN" data-radius="50mi" data-type="career-fair" data-limit="5" data-theme="dark" ' +
        'async></script>',
    );
  });

  it('leaves out empty choices, and the radius without a place', () => {
    expect(embedAttributes({ ...DEFAULT_EMBED_SETTINGS, near: '  ', radius: '10mi' })).toEqual([
      ['limit', '5'],
      ['theme', 'light'],
    ]);
  });

  it('escapes what a person typed, in attributes and in the iframe URL', () => {
    const hostile = { ...full, near: '"><script>alert(1)</script>&' };
    const script = scriptSnippet(ORIGIN, hostile);
    expect(script).toContain('data-near="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;"');
    expect(script.match(/<script/g)).toHaveLength(1);
    expect(new URL(iframeSrc(ORIGIN, hostile)).searchParams.get('near')).toBe(hostile.near);
    expect(iframeSnippet(ORIGIN, hostile)).not.toMatch(/"><script/);
  });

  it('points the iframe at the server-rendered page with a height for the count', () => {
    const snippet = iframeSnippet(ORIGIN, { ...full, limit: 3 });
    expect(snippet).toContain(
      'src="https://fieldguide.example/embed/events?field=information-technology&amp;near=Minneapolis%2C+MN&amp;' +
        'radius=50mi&amp;type=career-fair&amp;limit=3&amp;theme=dark&amp;height=auto"',
    );
    expect(snippet).toContain('height="440"');
    expect(snippet).toContain(
      'sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>\n' +
        '<script src="https://fieldguide.example/embed.js" async></script>',
    );
  });

  it('passes keywords, format, hiring floor and, to the iframe only, the zone for online events', () => {
    const more = { ...full, q: ' nursing ', format: 'online', hiring: '0.75', tz: 'America/Chicago' } as const;
    expect(embedAttributes(more)).toEqual([
      ['field', 'information-technology'],
      ['q', 'nursing'],
      ['near', 'Minneapolis, MN'],
      ['radius', '50mi'],
      ['type', 'career-fair'],
      ['format', 'online'],
      ['hiring', '0.75'],
      ['limit', '5'],
      ['theme', 'dark'],
    ]);
    expect(new URL(iframeSrc(ORIGIN, more)).searchParams.get('tz')).toBe('America/Chicago');
    expect(scriptSnippet(ORIGIN, more)).not.toContain('tz');
  });
});
