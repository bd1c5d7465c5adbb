import { setTimeout } from 'node:timers/promises';
import {
  ASSOCIATION_INDEX_SETTINGS,
  ASSOCIATIONS_INDEX,
  type AssociationDocument,
  buildSynonyms,
  EVENT_INDEX_SETTINGS,
  EVENTS_INDEX,
  type EventDocument,
  type Filter,
  PRIMARY_KEY,
} from '@fieldguide/shared';
import {
  callMeilisearch,
  createMeilisearchClient,
  type EnqueuedTask,
  type Health,
  type Index,
  IndexError,
  type IndexStats,
  type SearchParams,
  type SearchResponse,
  type Settings,
  type Task,
} from './client.js';
import { normalizeMeiliUrl, replicaName } from './replica-name.js';
import { withoutHighlightMarks } from './search-highlight.js';

/** What an index holds: the same words as the outbox's `entity`. */
export type IndexedEntity = 'event' | 'association';

export type IndexDocument<E extends IndexedEntity> = E extends 'event' ? EventDocument : AssociationDocument;

export interface CreateIndexOptions {
  /** Base URL of Meilisearch. */
  url: string;
  masterKey: string;
  /** Put before the index names (`<prefix>events`), so tests can share one server; `[A-Za-z0-9_-]*`. */
  prefix?: string;
  /** Synonyms for both indexes; default: the field taxonomy's synonyms (see {@link defaultSynonyms}). */
  synonyms?: Record<string, string[]>;
  /** Per-request deadline in milliseconds; default 10 000. */
  timeoutMs?: number;
  /** The outbox cursor name of these indexes; default: the normalized URL, with `#<prefix>` when there is a prefix. */
  replicaName?: string;
  /** How long {@link SearchIndex.waitTask} waits by default, in milliseconds; default 120 000. */
  taskTimeoutMs?: number;
}

/** Search parameters as Meilisearch takes them (`q`, `filter`, `facets`, `sort`, `page`/`hitsPerPage`…). */
export type IndexSearchParams = SearchParams;
/** Meilisearch's answer to an events search: hits, `totalHits`/`totalPages`, `facetDistribution`… */
export type EventSearchResponse = SearchResponse<EventDocument>;
export type AssociationSearchResponse = SearchResponse<AssociationDocument>;

/**
 * The search index: Meilisearch's events and associations indexes behind our names and errors. Every
 * method throws {@link IndexUnavailableError} when Meilisearch cannot be reached and {@link IndexError}
 * for anything else.
 */
export interface SearchIndex {
  /** Live index uid per entity, prefix included. */
  readonly names: Readonly<Record<IndexedEntity, string>>;
  /** Meilisearch URL plus prefix: two objects with the same identity work on the same indexes. */
  readonly identity: string;
  /** The Meilisearch URL it talks to (its port is one no crawled source may reach). */
  readonly url: string;
  /**
   * The name of this replica's outbox cursor (see `Store.outboxCursor`): its normalized URL (with `#<prefix>`), or
   * `embedded` for the bundled Meilisearch. A set of replicas ({@link ReplicatedSearchIndex}) has its own name.
   */
  readonly replica: string;
  /** Creates both live indexes if missing and applies their settings and synonyms; idempotent. */
  applySettings(): Promise<void>;
  /** Creates `uid` if missing and gives it the settings of `entity`'s index, waiting for both tasks. */
  prepareIndex(entity: IndexedEntity, uid: string): Promise<void>;
  /**
   * Waits for a task and returns it once it has succeeded.
   * @throws IndexError when it failed or was canceled, or did not finish within `timeoutMs` (default: `taskTimeoutMs`).
   */
  waitTask(task: EnqueuedTask | number, options?: { timeoutMs?: number }): Promise<Task>;
  searchEvents(params: IndexSearchParams): Promise<EventSearchResponse>;
  /**
   * Several events searches in one round trip, answered in the order asked: sent at once as separate searches, which
   * Meilisearch runs on as many cores as it has, where it answers a multi-search's queries one after another (at
   * 1 M events on 2 cores, three count queries: 14 ms concurrently, 27 ms as one multi-search).
   */
  multiSearchEvents(queries: readonly IndexSearchParams[]): Promise<EventSearchResponse[]>;
  searchAssociations(params: IndexSearchParams): Promise<AssociationSearchResponse>;
  /** Adds or replaces whole documents (not a partial update); `uid` defaults to the live index. */
  upsertDocuments<E extends IndexedEntity>(
    entity: E,
    documents: readonly IndexDocument<E>[],
    uid?: string,
  ): Promise<EnqueuedTask>;
  /** Deletes documents by id; ids that are not there are fine. `uid` defaults to the live index. */
  deleteDocuments(entity: IndexedEntity, ids: readonly string[], uid?: string): Promise<EnqueuedTask>;
  /** Deletes the documents matching `filter` (made with the shared filter builders); `uid` defaults to the live index. */
  deleteDocumentsWhere(entity: IndexedEntity, filter: Filter, uid?: string): Promise<EnqueuedTask>;
  /**
   * Swaps each pair's contents in one atomic task and waits for it; with `rename`, renames each pair's first index to
   * the second, which must not exist.
   */
  swapIndexes(pairs: ReadonlyArray<readonly [string, string]>, options?: { rename?: boolean }): Promise<void>;
  /** Deletes an index and waits; a missing index is fine. */
  deleteIndex(uid: string): Promise<void>;
  /** Uids of every index on the server. */
  listIndexes(): Promise<string[]>;
  /** `{ status: 'available' }`, or throws IndexUnavailableError. */
  health(): Promise<Health>;
  /** Document counts and sizes of the two live indexes. */
  stats(): Promise<Record<IndexedEntity, IndexStats>>;
  /** Releases the HTTP connections. */
  close(): Promise<void>;
}

const PREFIX_PATTERN = /^[A-Za-z0-9_-]*$/;
const CONTRACT_SETTINGS: Record<IndexedEntity, DeepReadonly<Settings>> = {
  event: EVENT_INDEX_SETTINGS,
  association: ASSOCIATION_INDEX_SETTINGS,
};

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The synonyms both indexes get by default: the field taxonomy's (`healthcare` ↔ `health science`…). */
export function defaultSynonyms(): Record<string, string[]> {
  return buildSynonyms();
}

/**
 * Whether the events index holds events written by an older version, before event documents carried `geoCells`
 * and `geoPoint` (searches near a place filter on them, so they would miss those events), `hiringFloor` (the
 * hiring facet counts it) or `firstSeen` (alert digests filter on it): until the indexes are rebuilt.
 */
export async function eventsIndexOutdated(index: SearchIndex): Promise<boolean> {
  const { event } = await index.stats();
  const fields = event.fieldDistribution ?? {};
  const located = fields._geo ?? 0;
  return (
    located > (fields.geoCells ?? 0) ||
    located > (fields.geoPoint ?? 0) ||
    event.numberOfDocuments > (fields.hiringFloor ?? 0) ||
    event.numberOfDocuments > (fields.firstSeen ?? 0)
  );
}

/** Connects to Meilisearch; makes no request until a method is called. */
export function createIndex(options: CreateIndexOptions): SearchIndex {
  const prefix = options.prefix ?? '';
  if (!PREFIX_PATTERN.test(prefix)) throw new IndexError(`invalid index prefix ${JSON.stringify(prefix)}`);
  const { client, close } = createMeilisearchClient(options);
  const synonyms = options.synonyms ?? defaultSynonyms();
  const taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
  const names: Record<IndexedEntity, string> = {
    event: `${prefix}${EVENTS_INDEX}`,
    association: `${prefix}${ASSOCIATIONS_INDEX}`,
  };
  const handles = new Map<string, Index>();
  const handle = (uid: string): Index => {
    let found = handles.get(uid);
    if (!found) {
      found = client.index(uid);
      handles.set(uid, found);
    }
    return found;
  };

  const waitTask: SearchIndex['waitTask'] = async (task, waitOptions) => {
    const uid = typeof task === 'number' ? task : task.taskUid;
    const timeoutMs = waitOptions?.timeoutMs ?? taskTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    // Our own polling rather than the client's waitForTask, which leaves an abort listener behind per poll.
    let done: Task;
    for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 1.5, 100)) {
      done = await callMeilisearch(`wait for task ${uid}`, () => client.tasks.getTask(uid));
      if (done.status !== 'enqueued' && done.status !== 'processing') break;
      if (Date.now() > deadline) {
        throw new IndexError(
          `Meilisearch task ${uid} did not finish within ${timeoutMs} ms`,
          undefined,
          'INDEX_TASK_TIMEOUT',
        );
      }
      await setTimeout(pauseMs);
    }
    if (done.status !== 'succeeded') {
      const reason = done.error ? `${done.error.code}: ${done.error.message}` : 'no reason given';
      throw new IndexError(
        `Meilisearch task ${uid} (${done.type} on ${done.indexUid ?? '-'}) ${done.status}: ${reason}`,
        { meiliCode: done.error?.code },
      );
    }
    return done;
  };

  const enqueue = (action: string, call: () => Promise<EnqueuedTask>) => callMeilisearch(action, call);

  const prepareIndex: SearchIndex['prepareIndex'] = async (entity, uid) => {
    const created = await enqueue(`create index ${uid}`, () => client.createIndex(uid, { primaryKey: PRIMARY_KEY }));
    try {
      await waitTask(created);
    } catch (error) {
      if (!(error instanceof IndexError && error.meiliCode === 'index_already_exists')) throw error;
    }
    // Settings before documents: loading first and changing settings after makes Meilisearch index twice.
    const settings: Settings = { ...structuredClone(CONTRACT_SETTINGS[entity] as Settings), synonyms };
    await waitTask(await enqueue(`update settings of ${uid}`, () => handle(uid).updateSettings(settings)));
  };

  const searchEvents: SearchIndex['searchEvents'] = (params) =>
    callMeilisearch(`search ${names.event}`, () => handle(names.event).search<EventDocument>(params.q, params));

  return {
    names,
    identity: `${options.url.replace(/\/+$/, '')}#${prefix}`,
    url: options.url,
    replica: options.replicaName ?? replicaName(normalizeMeiliUrl(options.url), prefix),
    prepareIndex,
    waitTask,
    async applySettings() {
      await prepareIndex('event', names.event);
      await prepareIndex('association', names.association);
    },
    searchEvents,
    multiSearchEvents: (queries) => Promise.all(queries.map((params) => searchEvents(params))),
    searchAssociations: (params) =>
      callMeilisearch(`search ${names.association}`, () =>
        handle(names.association).search<AssociationDocument>(params.q, params),
      ),
    upsertDocuments: (entity, documents, uid = names[entity]) =>
      enqueue(`add ${documents.length} documents to ${uid}`, () =>
        handle(uid).addDocuments(documents.map(withoutHighlightMarks), { primaryKey: PRIMARY_KEY }),
      ),
    deleteDocuments: (_entity, ids, uid = names[_entity]) =>
      enqueue(`delete ${ids.length} documents from ${uid}`, () => handle(uid).deleteDocuments([...ids])),
    deleteDocumentsWhere: (entity, filter, uid = names[entity]) =>
      enqueue(`delete documents matching ${filter} from ${uid}`, () => handle(uid).deleteDocuments({ filter })),
    async swapIndexes(pairs, swapOptions) {
      const rename = swapOptions?.rename ?? false;
      const swaps = pairs.map(([a, b]) => ({ indexes: [a, b] as [string, string], rename }));
      await waitTask(await enqueue('swap indexes', () => client.swapIndexes(swaps)));
    },
    async deleteIndex(uid) {
      try {
        await waitTask(await enqueue(`delete index ${uid}`, () => client.deleteIndex(uid)));
      } catch (error) {
        if (!(error instanceof IndexError && error.meiliCode === 'index_not_found')) throw error;
      }
      handles.delete(uid);
    },
    async listIndexes() {
      const uids: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await callMeilisearch('list indexes', () => client.getRawIndexes({ offset, limit: 100 }));
        uids.push(...page.results.map((index) => index.uid));
        if (page.results.length < 100) return uids;
      }
    },
    health: () => callMeilisearch('health', () => client.health()),
    async stats() {
      const [event, association] = await Promise.all(
        (['event', 'association'] as const).map((entity) =>
          callMeilisearch(`stats of ${names[entity]}`, () => handle(names[entity]).getStats()),
        ),
      );
      return { event: event!, association: association! };
    },
    close,
  };
}
