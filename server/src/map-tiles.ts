import { ConfigError } from '@fieldguide/crawlers/storage';

/** Raster tiles the app's map draws over its bundled basemap (`MAP_TILE_URL`, `MAP_TILE_ATTRIBUTION`). */
export interface MapTiles {
  /** A Leaflet tile URL template: `{z}`, `{x}`, `{y}`, optionally `{s}` (subdomain) and `{r}` (`@2x` on sharp screens). */
  url: string;
  /** Plain text credited on the map, e.g. "© OpenStreetMap contributors". */
  attribution: string;
  /** Where the tiles come from, as a Content-Security-Policy `img-src` source. */
  imageSource: string;
}

const SAMPLE: Record<string, string> = { '{s}': 'a', '{z}': '1', '{x}': '1', '{y}': '1', '{r}': '' };

/** The tiles' origin as a CSP source: `'self'` for a path on this server, `https://*.host` for a `{s}` subdomain. */
function imageSourceOf(template: string): string | undefined {
  if (template.startsWith('/') && !template.startsWith('//')) return "'self'";
  const match = /^(https?:\/\/)([^/?#]+)/.exec(template);
  if (!match) return undefined;
  const [, scheme = '', host = ''] = match;
  const wildcard = host.replace(/^\{s\}\./, '*.');
  return /[{}]/.test(wildcard) ? undefined : `${scheme}${wildcard}`;
}

/**
 * `MAP_TILE_URL` and `MAP_TILE_ATTRIBUTION` as {@link MapTiles}; undefined when no tile URL is set (the map draws
 * its bundled basemap only). A ConfigError when the template is not an http(s) URL or a path with `{z}`, `{x}` and
 * `{y}` (`{s}` only as the host's first label), or when it comes without an attribution.
 */
export function parseMapTiles(url: string | undefined, attribution: string | undefined): MapTiles | undefined {
  if (url === undefined || url.trim() === '') {
    if (attribution?.trim()) throw new ConfigError(['MAP_TILE_ATTRIBUTION: set without MAP_TILE_URL']);
    return undefined;
  }
  const template = url.trim();
  const problems: string[] = [];
  const sample = template.replace(/\{[szxyr]\}/g, (p) => SAMPLE[p] ?? p);
  const imageSource = imageSourceOf(template);
  const placeholders = ['{z}', '{x}', '{y}'].every((p) => template.includes(p));
  const parses = URL.canParse(sample, 'http://localhost') && !/[{}\s]/.test(sample);
  if (!placeholders || !parses || !imageSource) {
    problems.push(
      'MAP_TILE_URL: must be an http(s) URL or a path on this server with {z}, {x} and {y} ' +
        `(and {s} only as the host's first label), e.g. https://{s}.tile.example.org/{z}/{x}/{y}.png (got ${JSON.stringify(url)})`,
    );
  }
  if (!attribution?.trim()) {
    problems.push("MAP_TILE_ATTRIBUTION: required with MAP_TILE_URL (the credit the tiles' licence asks for)");
  }
  if (problems.length > 0 || !imageSource) throw new ConfigError(problems);
  return { url: template, attribution: (attribution ?? '').trim(), imageSource };
}
