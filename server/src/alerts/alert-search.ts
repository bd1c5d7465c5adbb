import {
  canonicalFeedQuery,
  type EchoedSearchQuery,
  MAX_ALERT_EMAIL_LENGTH,
  type SearchQuery,
  SearchQuerySchema,
} from '@fieldguide/shared';
import { Value } from '@sinclair/typebox/value';
import { errors } from '../errors.js';
import { searchFeedTitle } from '../feeds/feed-query.js';
import { resolveEventQuery } from '../search/resolve-query.js';
import { echoQuery } from '../search/run-search.js';

const PARAMETERS = Object.keys(SearchQuerySchema.properties);

/** A search an alert follows: its canonical query string (its key) and the query it runs. */
export interface AlertSearch {
  queryString: string;
  query: SearchQuery;
}

/**
 * A sign-up's `search` (the `/api/search` parameters as a query string, with or without `?`) read as the search API
 * reads its query string, paging and sort dropped; a 400 naming an unknown or bad parameter.
 */
export function parseAlertSearch(text: string): AlertSearch {
  const params = new URLSearchParams(text.trim().replace(/^\?/, ''));
  const unknown = [...params.keys()].find((key) => !PARAMETERS.includes(key));
  if (unknown !== undefined) {
    throw errors.badParameter(
      'search',
      `has an unknown parameter ${JSON.stringify(unknown.slice(0, 50))}; it takes ${PARAMETERS.join(', ')}`,
    );
  }
  const queryString = canonicalFeedQuery(params);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(new URLSearchParams(queryString).keys())) {
    const values = params.getAll(key);
    raw[key] = values.length === 1 ? (values[0] as string) : values;
  }
  const query = Value.Convert(SearchQuerySchema, raw);
  const issue = Value.Errors(SearchQuerySchema, query).First();
  if (issue)
    throw errors.badParameter('search', `has a bad value at ${issue.path.slice(1) || 'its root'}: ${issue.message}`);
  return { queryString, query: query as SearchQuery };
}

/** What the `type=email` field of an HTML form accepts (the WHATWG rule), and nothing longer than RFC 5321 allows. */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** The address trimmed and lower-cased (one alert per address and search), or a 400. */
export function normalizeEmail(text: string): string {
  const email = text.trim().toLowerCase();
  if (email.length > MAX_ALERT_EMAIL_LENGTH || !EMAIL.test(email)) {
    throw errors.badParameter('email', 'must be an email address, such as you@example.edu');
  }
  return email;
}

/** A search as words, for mails and pages: "Health Science events near Chicago, IL, US". */
export const alertSearchTitle = (query: EchoedSearchQuery): string =>
  searchFeedTitle(query).replace(/^Fieldguide — /, '');

/**
 * The search a stored alert follows, as words; "this search" when it no longer reads (a field or place gone).
 * @throws nothing: a page about an alert shows whatever it can.
 */
export async function describeAlertSearch(queryString: string, now: Date): Promise<string> {
  try {
    return alertSearchTitle(echoQuery(await resolveEventQuery(parseAlertSearch(queryString).query, now)));
  } catch {
    return 'this search';
  }
}
