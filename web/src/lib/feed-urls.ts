import { canonicalFeedQuery, type FeedTarget } from '@fieldguide/shared';
import { env } from '../config/env.js';
import { type QueryValue, toQueryString } from './api-client.js';

/** The origin feeds are served from: the configured API base, else this page's origin. */
export function feedOrigin(): string {
  if (env.apiBaseUrl !== '') return env.apiBaseUrl;
  return typeof window === 'undefined' ? '' : window.location.origin;
}

/** The feed of a search in the app's `/api/search` parameters, keyed as the server keys it (paging and sort dropped). */
export function searchFeedTarget(params: Record<string, QueryValue>): FeedTarget {
  return { kind: 'search', queryString: canonicalFeedQuery(new URLSearchParams(toQueryString(params))) };
}
