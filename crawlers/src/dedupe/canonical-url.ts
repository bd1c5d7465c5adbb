/** Query parameters that only say how a visitor arrived, never which page: dropped by {@link canonicalUrl}. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref',
  'ref_src',
  'referrer',
  'source',
  'src',
  'trk',
  'spm',
  'share',
  'aff',
  'affiliate',
  'cmpid',
  'campaign',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  's_cid',
  'sr_share',
]);

const isTracking = (name: string): boolean => {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || key.startsWith('pk_') || key.startsWith('hsa_') || TRACKING_PARAMS.has(key);
};

/**
 * The form two URLs of the same page share: http and https alike, lower-case host without `www.`, no default
 * port, no fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`, `ref`, …), the remaining parameters
 * sorted, no trailing slash, no `index.html`. Not a URL to fetch (the scheme is dropped): a key to compare.
 * Returns `undefined` for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(input: string | undefined): string | undefined {
  if (!input) return undefined;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\d*\./, '')
    .replace(/\.$/, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  let path = url.pathname.replace(/\/{2,}/g, '/');
  try {
    path = encodeURI(decodeURI(path));
  } catch {
    // A malformed escape: keep the path as the URL parser left it.
  }
  path = path.replace(/\/(index|default)\.(html?|php|aspx?)$/i, '/').replace(/\/+$/, '');
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !isTracking(name))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}
