import type {
  AlertFrequency,
  Association,
  CrawlRunRecord,
  Event,
  Source,
  SourceHealth,
  Suggestion,
  SuggestionPreview,
  SuggestionStatus,
} from '@fieldguide/shared';

/** What an index change is about. */
export type OutboxEntity = 'event' | 'association';

/**
 * One pending change for the search index, written in the same transaction as the data it describes.
 * It names the entity only: the drain reads the current row (gone for a `delete`). The same entity may
 * appear in several entries, consecutive or not; the drain may keep the last entry per entity of a batch.
 */
export interface OutboxEntry {
  /** Monotonic sequence number, never reused (also after acks); drain in this order. */
  seq: number;
  entity: OutboxEntity;
  entityId: string;
  op: 'upsert' | 'delete';
  /** When the change was written, ISO UTC. */
  createdAt: string;
}

/** Result of an upsert: whether anything changed (and so whether an outbox entry was written). */
export interface UpsertResult {
  id: string;
  status: 'inserted' | 'updated' | 'unchanged';
}

/** One place a source saw an event: the event's id and the URL (page, feed or API page) it was read from. */
/** An event's id and when it last changed (ISO instant). */
export interface EventStamp {
  id: string;
  updatedAt: string;
}

export interface SourceRef {
  eventId: string;
  url: string;
}

/** One HTTP fetch as the crawler saw it; the latest per URL feeds conditional GETs. */
export interface FetchLogEntry {
  url: string;
  sourceId?: string;
  /** HTTP status, `null` when no response came (DNS, timeout, refused address). */
  status: number | null;
  etag?: string;
  lastModified?: string;
  contentHash?: string;
  error?: string;
  /** ISO instant. */
  fetchedAt: string;
  durationMs?: number;
}

/** A suggested source as it arrives: the URL as given, the key it is deduplicated on, and what reading it found. */
export interface SuggestionInput {
  url: string;
  normalizedUrl: string;
  note?: string;
  /** A field id. */
  field?: string;
  preview: SuggestionPreview;
}

/** An editor's decision on a suggestion. */
export type SuggestionDecision = { status: 'accepted'; sourceId: string } | { status: 'refused'; reason: string };

/** An email alert as it is signed up for: not sent anything until its confirmation token comes back. */
export interface AlertSignup {
  /** The address, trimmed and lower-cased: one alert per address and search. */
  email: string;
  /** The search's query string, canonical (see `canonicalFeedQuery`). */
  search: string;
  frequency: AlertFrequency;
  /** The origin its links point to (`https://fieldguide.example.org`). */
  origin: string;
  /** SHA-256 (hex) of the confirmation token mailed to the address; the token itself is never stored. */
  confirmHash: string;
  /** When the confirmation token stops working, epoch milliseconds. */
  confirmExpiresMs: number;
  /** The unsubscribe token, for a new alert (an alert signed up again keeps the one its mails carry already). */
  unsubscribeToken: string;
}

/** What a sign-up did: the alert's id, whether it was confirmed before, and the unsubscribe token its mails carry. */
export interface AlertSignupResult {
  id: number;
  confirmed: boolean;
  unsubscribeToken: string;
}

/** What an alert follows, as its pages show it (never its address). */
export interface AlertSummary {
  search: string;
  frequency: AlertFrequency;
}

/** What a confirmation token did: `unknown` for a token never issued, or one whose alert is gone. */
export type AlertConfirmation =
  | { outcome: 'confirmed' | 'already-confirmed'; alert: AlertSummary }
  | { outcome: 'expired' | 'unknown' };

/** A confirmed alert whose digest is due, claimed by one sender. */
export interface DueAlert extends AlertSummary {
  id: number;
  email: string;
  origin: string;
  unsubscribeToken: string;
  /** Events first seen after this instant (epoch ms) are new to it: the last digest's cut-off, or its confirmation. */
  sentThroughMs: number;
}

/** A crawl run as the store records it (`interrupted`: the process running it died, found when a store is next opened on this host). */
export type CrawlRun = CrawlRunRecord;

/** How to open the store. */
export interface StoreOptions {
  /** SQLite file; created (with its folder) when missing. `:memory:` for a throwaway store. */
  path: string;
  /** Clock for `updatedAt`, outbox and run times (default: the system clock). */
  now?: () => Date;
  /** How long a write waits for another process's lock before failing, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Fetches kept per URL in the fetch log, the latest included (default 20). */
  fetchHistoryPerUrl?: number;
}

/**
 * The canonical store: the SQLite file (or the PostgreSQL database, see `createPostgresStore`) is the source of
 * truth, the search index is derived from it through the outbox. Every method is synchronous (better-sqlite3; a
 * blocking bridge to a worker thread for PostgreSQL).
 *
 * Upserts validate with the shared schemas (a ValidationError leaves the store as it was) and compare
 * content, not bookkeeping: `firstSeen`, `lastSeen`, `updatedAt` and each source's `seenAt` do not count.
 * Same content: `unchanged`, no outbox entry, `updatedAt` kept (a later `lastSeen`/`seenAt` is still saved).
 * New or changed content: `updatedAt` = now, `firstSeen` kept from the stored row, an outbox `upsert`.
 */
export interface Store {
  readonly path: string;
  /** Stored `sources` and incoming ones are merged by (sourceId, url), the later `seenAt` kept. */
  upsertEvent(event: Event): UpsertResult;
  /** All or nothing: one invalid event rejects the batch. One transaction. */
  upsertEvents(events: readonly Event[]): UpsertResult[];
  getEvent(id: string): Event | undefined;
  /**
   * The stored events among `ids`, in the order of `ids` (each once), those not stored left out: one read of the
   * store however many (a round trip on PostgreSQL, where a `getEvent` each would be one per id).
   */
  getEvents(ids: readonly string[]): Event[];
  /** Removes the event and writes an outbox `delete`; false when there was none. */
  deleteEvent(id: string): boolean;
  /**
   * Every event, in id order, without loading them all at once (pages by id, so the connection stays
   * free between items and writes made meanwhile may or may not be seen).
   */
  iterateEvents(): IterableIterator<Event>;
  countEvents(): number;
  /**
   * Events whose start instant lies in [`fromMs`, `toMs`) (epoch milliseconds), in start order, delisted ones
   * included: what dedupe compares an incoming event with (a day's window around its start).
   */
  findEventsStartingBetween(fromMs: number, toMs: number): Event[];
  /**
   * The id and `updatedAt` of every event listings show at `nowMs` (epoch milliseconds): not ended (its end, or its
   * start when it has none, at or after `nowMs`), not delisted, not judged `careerRelevant: false`; in id order.
   * Reads no whole document: what a sitemap of a million events needs.
   */
  listUpcomingEventStamps(nowMs: number): EventStamp[];
  /** Where `sourceId` saw events: one (event id, URL) pair per source reference, by URL then event id. */
  listSourceRefs(sourceId: string): SourceRef[];
  /**
   * Events of `sourceId` alone that this crawl did not see (not in `seenIds`, and not seen by that source
   * since `crawlStartedAt`) get `delisted: true`: a real change, with an outbox entry. An event seen
   * again is listed again by its next upsert (`delisted: false`). Returns how many were delisted.
   */
  markDelisted(sourceId: string, seenIds: ReadonlySet<string>, crawlStartedAt: string): number;
  upsertAssociation(association: Association): UpsertResult;
  getAssociation(id: string): Association | undefined;
  iterateAssociations(): IterableIterator<Association>;
  countAssociations(): number;
  /**
   * Saves a source's configuration (no outbox: sources are not indexed). `health` is taken only when
   * the source is new; afterwards it changes through {@link Store.updateSourceHealth} alone.
   */
  upsertSource(source: Source): UpsertResult;
  getSource(id: string): Source | undefined;
  /** Every source, in id order. */
  listSources(): Source[];
  /** @throws StoreNotFoundError for an unknown source. */
  updateSourceHealth(id: string, health: SourceHealth): void;
  /**
   * Appends to the fetch log, keeping the latest few per URL. A 304 without validators keeps the
   * previous fetch's `etag`, `lastModified` and `contentHash`, since they still describe the body.
   */
  recordFetch(entry: FetchLogEntry): void;
  lastFetch(url: string): FetchLogEntry | undefined;
  /** The kept fetches of `url`, newest first. */
  fetchHistory(url: string): FetchLogEntry[];
  startCrawlRun(): CrawlRun;
  /** Saves status, finish time and results. @throws StoreNotFoundError for an unknown run. */
  updateCrawlRun(run: CrawlRun): void;
  getCrawlRun(id: number): CrawlRun | undefined;
  /** The newest runs first, at most `limit`. */
  listCrawlRuns(limit: number): CrawlRun[];
  /** The oldest pending index changes after `afterSeq` (default: all of them), at most `limit`, in `seq` order. */
  readOutbox(limit: number, afterSeq?: number): OutboxEntry[];
  /** Removes drained entries up to and including `seq`, whatever the replicas' cursors say (one index, no cursors). */
  ackOutbox(seq: number): void;
  /**
   * The `seq` up to which search-index `replica` has applied the outbox. A replica without a cursor is taken to
   * have applied everything no longer in the outbox: the entry before the oldest pending one, or the last `seq`
   * ever written when none is pending (0 for a store never written). A replica new to its index must be rebuilt
   * (`reindex`) rather than drained from there.
   */
  outboxCursor(replica: string): number;
  /**
   * Records that `replica` has applied every entry up to and including `seq` (it may move back: a rebuild sets it
   * to where its snapshot began), then removes the entries every replica with a cursor has applied.
   */
  setOutboxCursor(replica: string, seq: number): void;
  /** Drops `replica`'s cursor (a replica taken out of service), then removes what the others have all applied. */
  forgetOutboxReplica(replica: string): void;
  /** The replicas that have a cursor, in name order. */
  listOutboxCursors(): { replica: string; seq: number }[];
  /**
   * Takes or renews the right to drain `replica` for `ttlMs` from now, so one process at a time sends its changes
   * (the order of a replica's writes is the order they were sent in). False while another holder's claim lasts;
   * a holder that dies loses the claim when it runs out.
   */
  claimOutboxReplica(replica: string, holder: string, ttlMs: number): boolean;
  /** Gives up a claim `holder` has on `replica` (nothing when it has none). */
  releaseOutboxReplica(replica: string, holder: string): void;
  outboxSize(): number;
  /**
   * The highest `seq` ever written to the outbox, pending or not (0 for a store never written): where a rebuild's
   * snapshot begins, and what a replica's lag is measured from.
   */
  lastOutboxSeq(): number;
  /**
   * A token that changes whenever the data behind the index changes: any outbox write (events, associations, a
   * delisting), any acknowledged drain and any replica's cursor moving. Equal tokens mean the store and the index answer the same; it holds
   * across processes on the same file (a crawl child writes, the server reads). Cheap: two indexed reads.
   */
  dataStamp(): string;
  /** The stored occurrences of a series (see `Event.seriesId`), delisted ones included, soonest first. */
  listSeriesEvents(seriesId: string): Event[];
  /**
   * Saves a suggested source, one per `normalizedUrl`: a URL suggested again counts once more (whatever its
   * status), keeps the newer preview, and its note and field where the first left them empty.
   */
  recordSuggestion(input: SuggestionInput): { suggestion: Suggestion; duplicate: boolean };
  getSuggestion(id: number): Suggestion | undefined;
  /** Suggestions, most recently suggested first, at most `limit` (default 100). */
  listSuggestions(options?: { status?: SuggestionStatus; limit?: number }): Suggestion[];
  /** Records an editor's decision. @throws StoreNotFoundError for an unknown suggestion. */
  decideSuggestion(id: number, decision: SuggestionDecision): Suggestion;
  /**
   * Saves a pending email alert, one per (email, search). Signed up again while pending: the new confirmation token,
   * expiry and frequency replace the old ones. Already confirmed: nothing changes (`confirmed: true`).
   */
  saveAlertSignup(signup: AlertSignup): AlertSignupResult;
  /**
   * Confirms the pending alert whose confirmation token hashes to `confirmHash`, at `nowMs`: its digests start, the
   * first one listing events first seen after now. A token past its expiry deletes its alert (`expired`).
   */
  confirmAlert(confirmHash: string, nowMs: number): AlertConfirmation;
  /** The alert an unsubscribe token belongs to, when it still exists. */
  findAlertByUnsubscribeToken(token: string): AlertSummary | undefined;
  /** The alert a confirmation token (by its hash) belongs to, confirmed or not, when it still exists. */
  findAlertByConfirmHash(confirmHash: string): AlertSummary | undefined;
  /** Deletes the alert (its address with it); false when there was none. */
  unsubscribeAlert(token: string): boolean;
  /** Deletes pending alerts whose confirmation expired before `nowMs`, addresses included; returns how many. */
  purgeExpiredAlerts(nowMs: number): number;
  /**
   * Claims up to `limit` confirmed alerts due at `nowMs` (next digest time reached, no unexpired claim) for `holder`
   * until `nowMs + leaseMs`, so that across processes sharing the store each digest is claimed by one sender.
   */
  claimDueAlerts(holder: string, nowMs: number, leaseMs: number, limit: number): DueAlert[];
  /**
   * Records a digest (sent, or found empty) of a claimed alert in one step: events first seen up to `sentThroughMs`
   * have been dealt with, the next digest is due at `nextDueMs`, the claim is released. False when `holder` no
   * longer holds the claim (or the alert is gone): nothing is written then.
   */
  recordAlertDigest(id: number, holder: string, sentThroughMs: number, nextDueMs: number): boolean;
  /** Gives up `holder`'s claim on an alert whose digest could not be sent, so a later round tries again. */
  releaseAlert(id: number, holder: string): void;
  /** How many alerts wait for confirmation and how many are confirmed (counts only: addresses are never listed). */
  countAlerts(): { pending: number; confirmed: number };
  /** Runs `fn` in one transaction (a savepoint when nested); `fn` must be synchronous. */
  transaction<T>(fn: () => T): T;
  /**
   * Whether changes can be saved now: the file was opened for writing and it, its WAL files and its directory
   * are still writable by this process (checked without writing; a few file-system calls).
   */
  writable(): boolean;
  /** Closes the file; later calls do nothing. */
  close(): void;
}
