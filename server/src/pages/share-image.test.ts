import { describe, expect, it } from 'vitest';
import { renderShareCard, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, shareCardSvg, wrapText } from './share-image.js';

describe('share cards', () => {
  it('wrap a long title into at most the lines given, the last cut after a whole word', () => {
    const title =
      'Annual Midwest Nursing Leadership & Clinical Excellence Conference for Registered Nurses and Students';
    const lines = wrapText(title, 64, true, 1040, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/[a-z]…$/);
    expect(title.startsWith(lines.join(' ').replace(/…$/, ''))).toBe(true);
    expect(wrapText('Short title', 64, true, 1040, 3)).toEqual(['Short title']);
  });

  it('hold any text as text: markup and entities are escaped, control characters dropped', () => {
    const svg = shareCardSvg({ kicker: 'IT', title: '<script>alert("x")</script> & \u0007bell', lines: ['a < b'] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; bell');
    expect(svg).not.toContain('\u0007');
  });

  it('render to a PNG of the size link previews ask for', () => {
    const png = renderShareCard({ kicker: 'Health Science', title: 'Nursing Career Fair', lines: ['Chicago, IL'] });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT]);
  });
});
