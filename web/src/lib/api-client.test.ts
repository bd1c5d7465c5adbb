import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../testing/fetch-stub.js';
import { ApiError, apiRequest, toQueryString } from './api-client.js';

describe('toQueryString', () => {
  it('repeats array keys and leaves out empty values', () => {
    expect(
      toQueryString({ q: 'nurse', field: ['health-science', 'finance'], page: 2, near: '', cost: undefined }),
    ).toBe('q=nurse&field=health-science&field=finance&page=2');
  });
});

describe('apiRequest', () => {
  it('returns the JSON body and sends the query and the bearer token', async () => {
    const fetch = stubFetch({ '/api/admin/sources': () => ({ sources: [] }) });
    await expect(apiRequest('/api/admin/sources', { params: { a: [1, 2] }, token: 'secret-token' })).resolves.toEqual({
      sources: [],
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('/api/admin/sources?a=1&a=2');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer secret-token');
  });

  it("turns the API's error body into an ApiError with its status, code and message", async () => {
    stubFetch({
      '/api/search': () =>
        jsonResponse({ statusCode: 400, code: 'ERR_BAD_PARAMETER', message: "parameter 'near' names no place" }, 400),
    });
    const error = await apiRequest('/api/search').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'ERR_BAD_PARAMETER', message: "parameter 'near' names no place" });
  });

  it('names the status when an error answer is not JSON (a proxy page)', async () => {
    stubFetch({
      '/api/search': () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    });
    await expect(apiRequest('/api/search')).rejects.toMatchObject({ status: 502, code: 'ERR_HTTP_502' });
  });

  it('says the server could not be reached when fetch itself fails', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiRequest('/api/search')).rejects.toMatchObject({ status: 0, code: 'ERR_NETWORK' });
  });

  it('rethrows an abort as it is, not as an ApiError', async () => {
    const controller = new AbortController();
    const abort = new DOMException('aborted', 'AbortError');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        controller.abort();
        throw abort;
      }),
    );
    await expect(apiRequest('/api/search', { signal: controller.signal })).rejects.toBe(abort);
  });

  it('rejects a 200 whose body is not JSON', async () => {
    stubFetch({ '/api/fields': () => new Response('<!doctype html>', { status: 200 }) });
    await expect(apiRequest('/api/fields')).rejects.toMatchObject({ code: 'ERR_BAD_RESPONSE' });
  });
});
