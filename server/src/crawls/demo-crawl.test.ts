import type { Source } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { wantsDemoSites } from './demo-crawl.js';

const source = (url: string, allowPrivateNetwork: boolean): Source => ({
  id: new URL(url).hostname.replaceAll('.', '-'),
  url,
  kind: 'auto',
  fields: [],
  pathways: [],
  recrawlMinutes: 1440,
  enabled: true,
  allowPrivateNetwork,
  health: { eventsFound: 0, errorCount: 0 },
});

describe('wantsDemoSites', () => {
  const demo = source('http://127.0.0.2:47470/', true);
  const real = source('https://www.example.org/events/', false);

  it('serves the demo on a fresh install and on one that only ever had the demo', () => {
    expect(wantsDemoSites('auto', [])).toBe(true);
    expect(wantsDemoSites('auto', [demo])).toBe(true);
  });

  it('leaves an install with real sources alone unless asked', () => {
    expect(wantsDemoSites('auto', [demo, real])).toBe(false);
    expect(wantsDemoSites('on', [real])).toBe(true);
    expect(wantsDemoSites('off', [])).toBe(false);
  });

  it('keeps the demo while the catalog’s sources wait disabled, and ends it once the operator enables one', () => {
    const catalog = { ...real, id: 'catalog-events', fromCatalog: true, enabled: false };
    expect(wantsDemoSites('auto', [demo, catalog])).toBe(true);
    expect(wantsDemoSites('auto', [catalog])).toBe(true);
    expect(wantsDemoSites('auto', [demo, { ...catalog, enabled: true }])).toBe(false);
    expect(wantsDemoSites('auto', [demo, { ...real, enabled: false }]), 'an operator’s own disabled source').toBe(
      false,
    );
  });
});
