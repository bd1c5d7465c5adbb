import { randomUUID } from 'node:crypto';
import {
  type DueAlert,
  eventsIndexOutdated,
  replicasOf,
  type SearchIndex,
  type Store,
} from '@fieldguide/crawlers/storage';
import { alertPeriodMs, and, type Event, gte, lte, ValidationError } from '@fieldguide/shared';
import type { FastifyBaseLogger } from 'fastify';
import { loadFeedEvents } from '../feeds/feed-query.js';
import { digestMail } from './alert-mail.js';
import { alertSearchTitle, parseAlertSearch } from './alert-search.js';
import { type Mailer, mailFailure } from './mailer.js';

/** How long a claimed digest is this scheduler's alone; past it (the process died) another may send it. */
const DEFAULT_LEASE_MS = 10 * 60_000;
/** Alerts claimed at a time. */
const DEFAULT_BATCH = 20;

export interface AlertSchedulerOptions {
  store: Store;
  searchIndex: SearchIndex;
  mailer: Mailer;
  log: FastifyBaseLogger;
  /** The clock digests are due by (default: the system clock). */
  now?: () => Date;
  /** Who claims digests (default: a random id per scheduler). */
  holder?: string;
  leaseMs?: number;
  batchSize?: number;
}

/** What one round did. */
export interface AlertRound {
  /** Digests mailed. */
  sent: number;
  /** Due alerts with no new event: nothing mailed, their period starts again. */
  empty: number;
  /** Digests that could not be built or sent: tried again next round. */
  failed: number;
  /** Pending alerts whose confirmation expired, deleted with their addresses. */
  purged: number;
  /**
   * True when no digest was looked at because a search index is being rebuilt after an upgrade (its events lack
   * what digests filter on, so they would look new to none): the due digests wait for a later round.
   */
  deferred: boolean;
}

export interface AlertScheduler {
  /** Sends every due digest now (what each tick does). */
  runDue(): Promise<AlertRound>;
  /** Runs a round every `intervalMs` until stopped; one round at a time. */
  start(intervalMs: number): void;
  /** Stops the timer and waits for a round under way. */
  stop(): Promise<void>;
}

/** The events of `events` first seen in (`afterMs`, `throughMs`]: new since the last digest. */
export function newEvents(events: readonly Event[], afterMs: number, throughMs: number): Event[] {
  return events.filter((event) => {
    const seen = Date.parse(event.firstSeen);
    return seen > afterMs && seen <= throughMs;
  });
}

/** Whether a replica that answers holds events an older version wrote (one that does not answer is skipped). */
async function anyIndexOutdated(index: SearchIndex): Promise<boolean> {
  const outdated = await Promise.allSettled(replicasOf(index).map((replica) => eventsIndexOutdated(replica)));
  return outdated.some((check) => check.status === 'fulfilled' && check.value);
}

/**
 * Digests of confirmed alerts, one store-wide: each round claims the due alerts (a lease in the store, so servers
 * sharing a PostgreSQL store never send one digest twice), mails each its upcoming events first seen since its last
 * digest (none when there are none), and records the new position and the next due time in one step with the claim's
 * release. A process that dies between sending and recording loses its claim when the lease runs out, and that one
 * digest may be sent again: never the events of earlier digests.
 */
export function createAlertScheduler(options: AlertSchedulerOptions): AlertScheduler {
  const { store, mailer, log } = options;
  const now = options.now ?? (() => new Date());
  const holder = options.holder ?? `alerts-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<AlertRound> | undefined;

  async function sendDigest(alert: DueAlert, at: Date): Promise<'sent' | 'empty'> {
    const { query, queryString } = parseAlertSearch(alert.search);
    // Only events first seen since the last digest (the index keeps whole seconds; `newEvents` cuts to the ms):
    // a search matching more upcoming events than a digest reads still finds new ones however far ahead they are.
    const since = and([
      gte('firstSeen', Math.floor(alert.sentThroughMs / 1000)),
      lte('firstSeen', Math.ceil(at.getTime() / 1000)),
    ]);
    const found = await loadFeedEvents(options, query, at, since);
    const events = newEvents(found.events, alert.sentThroughMs, at.getTime());
    if (events.length > 0) {
      await mailer.send(
        digestMail(
          {
            to: alert.email,
            origin: alert.origin,
            searchTitle: alertSearchTitle(found.query),
            queryString,
            frequency: alert.frequency,
            unsubscribeToken: alert.unsubscribeToken,
          },
          events,
        ),
      );
    }
    return events.length > 0 ? 'sent' : 'empty';
  }

  async function handle(alert: DueAlert, at: Date, round: AlertRound): Promise<void> {
    const nowMs = at.getTime();
    try {
      const outcome = await sendDigest(alert, at);
      round[outcome] += 1;
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        round.failed += 1;
        store.releaseAlert(alert.id, holder);
        log.warn({ alertId: alert.id, ...mailFailure(error) }, 'could not send an alert digest; will retry');
        return;
      }
      // The search no longer reads (a place or field that is gone): nothing to send this period.
      round.empty += 1;
      log.warn({ alertId: alert.id, problem: error.message }, 'an alert search no longer reads; skipped this period');
    }
    store.recordAlertDigest(alert.id, holder, nowMs, nowMs + alertPeriodMs(alert.frequency));
  }

  async function round(): Promise<AlertRound> {
    const at = now();
    const purged = store.purgeExpiredAlerts(at.getTime());
    const result: AlertRound = { sent: 0, empty: 0, failed: 0, purged, deferred: false };
    if (await anyIndexOutdated(options.searchIndex)) {
      log.info('alert digests wait until the search index is rebuilt after an upgrade');
      return { ...result, deferred: true };
    }
    const seen = new Set<number>();
    for (;;) {
      const claimed = store.claimDueAlerts(holder, at.getTime(), leaseMs, batchSize);
      const fresh = claimed.filter((alert) => !seen.has(alert.id));
      // One that failed earlier this round waits for the next round.
      for (const alert of claimed) if (seen.has(alert.id)) store.releaseAlert(alert.id, holder);
      for (const alert of fresh) {
        seen.add(alert.id);
        await handle(alert, at, result);
      }
      if (fresh.length < batchSize) return result;
    }
  }

  const runDue = (): Promise<AlertRound> => {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    runDue,
    start: (intervalMs) => {
      timer ??= setInterval(() => {
        runDue().catch((error: unknown) => log.warn({ err: error }, 'alert digests failed; will retry'));
      }, intervalMs);
      timer.unref();
    },
    stop: async () => {
      clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
