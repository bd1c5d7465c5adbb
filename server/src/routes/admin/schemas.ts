import { errorResponses } from '../../errors.js';

/** Errors every admin route can answer with (a change, also: the store is read-only). */
export const adminErrorResponses = errorResponses(
  'ERR_BAD_PARAMETER',
  'ERR_UNAUTHORIZED',
  'ERR_ADMIN_CLOSED',
  'ERR_RATE_LIMITED',
  'ERR_STORE_READONLY',
);
