import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { parseMapTiles } from './map-tiles.js';

describe('MAP_TILE_URL and MAP_TILE_ATTRIBUTION', () => {
  it('are optional: no tiles, the bundled basemap only', () => {
    expect(parseMapTiles(undefined, undefined)).toBeUndefined();
    expect(loadConfig({}).mapTiles).toBeUndefined();
  });

  it('read a tile server, its {s} subdomains as a CSP wildcard, or a path on this server', () => {
    expect(parseMapTiles('https://{s}.tile.example.org/{z}/{x}/{y}.png', '© Example')).toEqual({
      url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      attribution: '© Example',
      imageSource: 'https://*.tile.example.org',
    });
    expect(parseMapTiles('http://127.0.0.1:8080/{z}/{x}/{y}{r}.png', 'Local')?.imageSource).toBe(
      'http://127.0.0.1:8080',
    );
    expect(parseMapTiles('/tiles/{z}/{x}/{y}.png', 'Ours')?.imageSource).toBe("'self'");
    expect(loadConfig({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Ours' }).mapTiles?.url).toBe(
      '/tiles/{z}/{x}/{y}.png',
    );
  });

  it('refuse a template that is no tile URL, naming the variable', () => {
    for (const bad of [
      'https://tile.example.org/{z}/{x}.png',
      'ftp://tile.example.org/{z}/{x}/{y}.png',
      'tile.example.org/{z}/{x}/{y}.png',
      '//tile.example.org/{z}/{x}/{y}.png',
      'https://tiles{s}.example.org/{z}/{x}/{y}.png',
      'https://tile.example.org/{z}/{x}/{y}.png?key={apikey}',
    ]) {
      expect(() => loadConfig({ MAP_TILE_URL: bad, MAP_TILE_ATTRIBUTION: 'x' }), bad).toThrow(/MAP_TILE_URL/);
    }
  });

  it('refuse tiles without an attribution, and an attribution without tiles', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'https://t.example.org/{z}/{x}/{y}.png' })).toThrow(
      /MAP_TILE_ATTRIBUTION: required/,
    );
    expect(() => loadConfig({ MAP_TILE_ATTRIBUTION: '© Example' })).toThrow(/MAP_TILE_ATTRIBUTION: set without/);
  });
});
