/** The outbox cursor name of the embedded Meilisearch, whose port changes from one start to the next. */
export const EMBEDDED_REPLICA = 'embedded';

/**
 * A Meilisearch URL in the one form every server writes it in: scheme and host lower-cased, the default port left
 * out, no trailing slash. It names the replica's outbox cursor, so two servers listing one replica share it.
 * @throws TypeError when `raw` is not an http(s) URL without credentials, query or fragment.
 */
export function normalizeMeiliUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new TypeError(`not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`not an http(s) URL: ${JSON.stringify(raw)}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(`a Meilisearch URL takes no credentials, query or fragment: ${JSON.stringify(raw)}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The outbox cursor name of the indexes `prefix` names on the Meilisearch at `url` (already normalized). */
export const replicaName = (url: string, prefix: string): string => (prefix ? `${url}#${prefix}` : url);

/**
 * The replicas of `MEILI_URLS` (comma-separated) or `MEILI_URL` (one), normalized, with what is wrong with them:
 * both set, a bad URL, one listed twice.
 */
export function readMeiliUrls(
  list: string | undefined,
  single: string | undefined,
): { urls: string[]; problems: string[] } {
  const problems: string[] = [];
  if (list && single) problems.push('MEILI_URLS: set either MEILI_URLS or MEILI_URL, not both');
  const variable = list ? 'MEILI_URLS' : 'MEILI_URL';
  const raw = list ? list.split(',').filter((part) => part.trim() !== '') : single ? [single] : [];
  if (list !== undefined && list !== '' && raw.length === 0) problems.push('MEILI_URLS: lists no URL');
  const urls: string[] = [];
  for (const part of raw) {
    try {
      const url = normalizeMeiliUrl(part);
      if (urls.includes(url)) problems.push(`${variable}: ${url} is listed twice`);
      else urls.push(url);
    } catch (error) {
      problems.push(`${variable}: ${(error as Error).message}`);
    }
  }
  return { urls, problems };
}
