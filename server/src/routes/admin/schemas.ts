import { errorResponses } from '../../errors.js';

/** Errors every admin route can answer with. */
export const adminErrorResponses = errorResponses(
  'ERR_BAD_PARAMETER',
  'ERR_UNAUTHORIZED',
  'ERR_ADMIN_CLOSED',
  'ERR_RATE_LIMITED',
);
