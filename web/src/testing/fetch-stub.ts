import { vi } from 'vitest';

/** What a stub route answers: a JSON body (status 200), or a full `Response`. */
export type StubAnswer = unknown | Response;

/** A stubbed route: the pathname it answers and how, given the request URL and init. */
export type StubRoutes = Record<string, (url: URL, init: RequestInit | undefined) => StubAnswer | Promise<StubAnswer>>;

/** A JSON response with a status. */
export const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Replaces `fetch` with a route table keyed by pathname ("GET /api/search" or just "/api/search"); unknown routes
 * answer 404 in the API's error shape. Returns the mock, whose calls hold every requested URL.
 */
export function stubFetch(routes: StubRoutes) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const handler = routes[`${method} ${url.pathname}`] ?? routes[url.pathname];
    if (!handler) {
      return jsonResponse(
        { statusCode: 404, code: 'ERR_ROUTE_NOT_FOUND', message: `no route for ${url.pathname}` },
        404,
      );
    }
    const answer = await handler(url, init);
    return answer instanceof Response ? answer : jsonResponse(answer);
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** The URLs a fetch mock was called with, as `URL`s. */
export const requestedUrls = (mock: ReturnType<typeof stubFetch>) =>
  mock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost'));
