import { IndexError } from '@fieldguide/crawlers/storage';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs a search a page can do without: when the index fails (unreachable, or erroring), logs `what` as unavailable
 * and gives `fallback`, so pages served from the store stay up while Meilisearch is away.
 */
export async function unlessIndexDown<T, F>(
  log: FastifyBaseLogger,
  what: string,
  search: () => Promise<T>,
  fallback: F,
): Promise<T | F> {
  try {
    return await search();
  } catch (error) {
    if (!(error instanceof IndexError)) throw error;
    log.warn({ err: error }, `${what} unavailable`);
    return fallback;
  }
}
