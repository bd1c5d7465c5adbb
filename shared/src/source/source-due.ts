import type { Source } from './source.schema.js';

const MINUTE_MS = 60_000;

/**
 * When `source` is next due for a crawl: its last crawl plus its `recrawlMinutes`; undefined when it was never
 * crawled (due now). Whether it is enabled is not considered.
 */
export function sourceDueAt(source: Pick<Source, 'recrawlMinutes' | 'health'>): Date | undefined {
  const last = source.health.lastCrawledAt ? Date.parse(source.health.lastCrawledAt) : Number.NaN;
  return Number.isNaN(last) ? undefined : new Date(last + source.recrawlMinutes * MINUTE_MS);
}

/** Whether a scheduled crawl takes `source` at `now`: it is enabled and its `recrawlMinutes` have elapsed. */
export function isSourceDue(source: Pick<Source, 'enabled' | 'recrawlMinutes' | 'health'>, now: Date): boolean {
  const dueAt = sourceDueAt(source);
  return source.enabled && (dueAt === undefined || dueAt.getTime() <= now.getTime());
}
