import { describe, expect, it } from 'vitest';
import { radiusLabel, radiusUnit, viewerDistanceUnit } from './viewer.js';

describe('viewerDistanceUnit', () => {
  it('uses miles where the language settings name the US or the UK', () => {
    expect(viewerDistanceUnit(['en-US'])).toBe('mi');
    expect(viewerDistanceUnit(['en-GB', 'en'])).toBe('mi');
    expect(viewerDistanceUnit(['en'])).toBe('mi');
    expect(viewerDistanceUnit(['de-DE', 'en-US'])).toBe('km');
    expect(viewerDistanceUnit(['fr-CA'])).toBe('km');
    expect(viewerDistanceUnit([])).toBe('km');
  });

  it('reads and writes radii', () => {
    expect(radiusUnit('50mi')).toBe('mi');
    expect(radiusUnit('80km')).toBe('km');
    expect(radiusUnit(undefined)).toBeUndefined();
    expect(radiusLabel('50mi')).toBe('50 mi');
  });
});
