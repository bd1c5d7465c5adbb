import { request } from 'undici';

/** A GET against the server under test: status, headers and the body as text. */
export async function httpGet(url: string, headers: Record<string, string> = {}) {
  const res = await request(url, { headers });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

/**
 * GETs JSON from the server under test (the same API the page calls), failing on a non-2xx answer.
 * @throws Error naming the URL and status for any other answer.
 */
export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await httpGet(url, { accept: 'application/json', ...headers });
  if (res.status < 200 || res.status >= 300) throw new Error(`GET ${url} answered ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** Whitespace runs (including the narrow no-break spaces ICU puts before AM/PM) as single spaces. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
