/** An error the API answers with: its HTTP status, a stable code and a message safe to show. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

/** The API's error codes, one place for all of them. */
export const errors = {
  notFound: (what: string) => new ApiError(404, 'ERR_NOT_FOUND', `${what} not found`),
  routeNotFound: (method: string, url: string) =>
    new ApiError(404, 'ERR_ROUTE_NOT_FOUND', `no route for ${method} ${url.split('?')[0]}`),
  badParameter: (name: string, problem: string) =>
    new ApiError(400, 'ERR_BAD_PARAMETER', `parameter '${name}' ${problem}`),
  unauthorized: () => new ApiError(401, 'ERR_UNAUTHORIZED', 'a valid bearer token is required'),
  indexUnavailable: () =>
    new ApiError(503, 'ERR_INDEX_UNAVAILABLE', 'search is temporarily unavailable; try again in a moment'),
  internal: () => new ApiError(500, 'ERR_INTERNAL', 'internal server error'),
} as const;
