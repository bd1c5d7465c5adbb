import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { FieldguideError, SOURCE_KINDS } from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import { Command, CommanderError, Option } from 'commander';
import { checkHomepages, type HomepageCheck } from './catalog/check-catalog.js';
import { CatalogError, DEFAULT_CATALOG_DIR, loadCatalog } from './catalog/load-catalog.js';
import {
  type CatalogSelection,
  CatalogSelectionError,
  catalogFieldId,
  setCatalogSourcesEnabled,
  syncCatalog,
} from './catalog/sync-catalog.js';
import { type ClassifyEventInput, classifyEvent } from './classify/classify-event.js';
import { decodeBody, detectCharset } from './core/charset.js';
import { createFetcher, type FetcherOptions } from './core/fetcher.js';
import { type BodyFormat, detectFormat, extractAny } from './extract/detect.js';
import { topicFromPath } from './extract/json-list.js';
import { buildEvents } from './pipeline/build-event.js';
import type { Classifier } from './pipeline/classifier.js';
import { defaultClassifier } from './pipeline/default-classifier.js';
import { discoverSources } from './pipeline/discover.js';
import type { CrawlLimits } from './pipeline/harvest.js';
import { type CrawlProgress, type CrawlSummary, runCrawl } from './pipeline/run-crawl.js';
import { loadSourcesFile, SourcesFileError, syncSources, toSource } from './sources/load-sources.js';
import {
  ConfigError,
  loadStorageConfig,
  needsDataDirLock,
  parseEnv,
  redactDatabaseUrl,
  type StorageConfig,
} from './storage/config.js';
import { openCrawlQueue, QueueUnavailableError } from './storage/crawl-queue/crawl-queue.js';
import { loadWorkerSettings } from './storage/crawl-queue/queue-config.js';
import { acquireDataDirLock, type DataDirLock } from './storage/runtime/data-dir-lock.js';
import { openSearchIndex } from './storage/search-index/open-search-index.js';
import { releaseClaims } from './storage/search-index/outbox-claim.js';
import { createOutboxDrainer } from './storage/search-index/outbox-drainer.js';
import { reindex } from './storage/search-index/reindex.js';
import { configuredReplicas, forgetReplica, listReplicaCursors } from './storage/search-index/replica-cursors.js';
import { replicasOf } from './storage/search-index/replica-set.js';
import { openConfiguredStore } from './storage/store/open-store.js';
import type { Store } from './storage/store/store.types.js';
import { startCrawlWorker } from './workers/crawl-worker.js';

/** Crawler tuning from the environment, on top of the storage variables. */
const CrawlEnvSchema = Type.Object({
  CRAWL_PER_HOST_DELAY_MS: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
  CRAWL_CONCURRENCY: Type.Optional(Type.Integer({ minimum: 1, maximum: 256 })),
  CRAWL_MAX_PAGES_PER_SOURCE: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  CRAWL_TIMEOUT_MS: Type.Optional(Type.Integer({ minimum: 100, maximum: 600_000 })),
});

const FORMATS = ['auto', 'html', 'ics', 'rss', 'atom', 'wordpress-events', 'json-list', 'localist', 'sitemap'] as const;

/** A mistake in how the command was called or what it was given: printed without a stack, exit code 1. */
class UsageError extends FieldguideError {
  constructor(message: string) {
    super('CLI_USAGE', message);
    this.name = 'UsageError';
  }
}

const classify: Classifier = defaultClassifier;

function crawlSettings(env: NodeJS.ProcessEnv): { fetcher: FetcherOptions; limits: Partial<CrawlLimits> } {
  const e = parseEnv(CrawlEnvSchema, env);
  return {
    fetcher: {
      ...(e.CRAWL_PER_HOST_DELAY_MS === undefined ? {} : { perHostDelayMs: e.CRAWL_PER_HOST_DELAY_MS }),
      ...(e.CRAWL_CONCURRENCY === undefined ? {} : { maxConcurrency: e.CRAWL_CONCURRENCY }),
      ...(e.CRAWL_TIMEOUT_MS === undefined ? {} : { totalTimeoutMs: e.CRAWL_TIMEOUT_MS }),
    },
    limits: e.CRAWL_MAX_PAGES_PER_SOURCE === undefined ? {} : { maxPagesPerSource: e.CRAWL_MAX_PAGES_PER_SOURCE },
  };
}

const openStore = (config: Readonly<StorageConfig>): Store => openConfiguredStore(config);

/**
 * Commands that write the index take the data directory, as the server does: never two Meilisearch on it. With
 * PostgreSQL and an external Meilisearch nothing lives there: nothing to take.
 */
function lockDataDir(config: Readonly<StorageConfig>, command: string): Pick<DataDirLock, 'release'> {
  if (!needsDataDirLock(config)) return { release: () => {} };
  return acquireDataDirLock(config.dataDir, {
    command: `fieldguide ${command}`,
    onStaleLock: (previous) => err(`took over the data directory from pid ${previous.pid}, which is gone`),
  });
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** One line per event on a pipe; one line rewritten in place on a terminal. */
function progressPrinter(total: () => number): (progress: CrawlProgress) => void {
  const tty = process.stderr.isTTY === true;
  let done = 0;
  let pages = 0;
  let events = 0;
  let current = '';
  const redraw = () => {
    if (!tty) return;
    const line = `[${done}/${total()} sources] ${pages} pages, ${events} events${current ? ` · ${current}` : ''}`;
    process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`);
  };
  const say = (line: string) => {
    if (tty) process.stderr.write('\r\x1b[K');
    err(line);
    redraw();
  };
  return (progress) => {
    switch (progress.type) {
      case 'source-started':
        current = progress.sourceId;
        return redraw();
      case 'page':
        pages += 1;
        current = `${progress.sourceId} ${progress.url}`;
        return redraw();
      case 'retry':
        return say(
          `retry ${progress.retry} of ${progress.url} in ${Math.round(progress.delayMs)} ms: ${progress.message}`,
        );
      case 'source-finished': {
        done += 1;
        events += progress.result.events;
        const { result } = progress;
        if (!tty || result.status !== 'ok') {
          say(`${result.sourceId}: ${result.status}, ${result.events} events, ${result.pages} pages`);
        } else redraw();
        return;
      }
      case 'run-finished':
        if (tty) process.stderr.write('\r\x1b[K');
        return;
      default:
        return;
    }
  };
}

function printSummary(summary: CrawlSummary): void {
  const rows = summary.sources.map((s) => [
    s.sourceId,
    s.status,
    String(s.events),
    String(s.inserted),
    String(s.updated),
    String(s.merged),
    String(s.delisted),
    String(s.pages),
    String(s.notModified),
    String(s.errors.length),
  ]);
  const header = ['source', 'status', 'events', 'new', 'changed', 'merged', 'delisted', 'pages', '304', 'errors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  out(line(header));
  for (const row of rows) out(line(row));
  for (const s of summary.sources) {
    if (s.skipReason) out(`  ${s.sourceId}: skipped, ${s.skipReason}`);
    for (const error of s.errors.slice(0, 5)) out(`  ${s.sourceId}: ${error}`);
    if (s.errors.length > 5) out(`  ${s.sourceId}: … and ${s.errors.length - 5} more`);
  }
  const { totals, run } = summary;
  out(
    `crawl run ${run.id} ${run.status}: ${totals.events} events (${totals.inserted} new, ${totals.updated} changed, ` +
      `${totals.merged} merged, ${totals.delisted} delisted), ${totals.errors} errors`,
  );
}

async function drainToIndex(store: Store, config: Readonly<StorageConfig>): Promise<void> {
  let opened: Awaited<ReturnType<typeof openSearchIndex>> | undefined;
  try {
    opened = await openSearchIndex(config);
    // The drainer's checks: a replica that lost its indexes is rebuilt rather than drained.
    const drainer = createOutboxDrainer(store, opened.index, { sweepIntervalMs: Number.POSITIVE_INFINITY });
    await drainer.prepare();
    const drained = await drainer.drainNow().finally(() => drainer.stop());
    const paused = drained.paused ? ' (paused: a rebuild is running, or another process drains the index)' : '';
    out(`search index: ${drained.upserted} updated, ${drained.deleted} removed${paused}`);
    if (drained.rejected.length > 0) err(`search index refused ${drained.rejected.length} document(s)`);
  } catch (error) {
    err(`search index not updated (${error instanceof Error ? error.message : error}); the changes wait in the outbox`);
  } finally {
    await opened?.close();
  }
}

async function crawlCommand(options: { sources?: string; source?: string[]; force?: boolean }): Promise<void> {
  const config = loadStorageConfig();
  const settings = crawlSettings(process.env);
  const file = options.sources ? await loadSourcesFile(options.sources) : undefined;
  const lock = lockDataDir(config, 'crawl');
  const store = openStore(config);
  const abort = new AbortController();
  const stop = () => {
    err('stopping after the pages in flight… (Ctrl-C again to quit at once)');
    process.off('SIGINT', stop);
    abort.abort();
  };
  process.on('SIGINT', stop);
  try {
    if (file) syncSources(store, file, options.sources);
    if (!file && store.listSources().length === 0) {
      throw new UsageError('no sources: pass --sources FILE, or add one with `fieldguide sources add <url>`');
    }
    let total = 0;
    const print = progressPrinter(() => total);
    const summary = await runCrawl({
      store,
      ...(file ? { sources: file.sources } : {}),
      ...(options.source?.length ? { sourceIds: options.source } : {}),
      force: options.force === true,
      fetcher: settings.fetcher,
      limits: settings.limits,
      classify,
      signal: abort.signal,
      onProgress: (progress) => {
        if (progress.type === 'run-started') total = progress.sources;
        print(progress);
      },
    });
    printSummary(summary);
    await drainToIndex(store, config);
  } finally {
    process.off('SIGINT', stop);
    store.close();
    lock.release();
  }
}

function formatOption(value: string): BodyFormat | undefined {
  return value === 'auto' ? undefined : (value as BodyFormat);
}

async function extractCommand(input: string, options: { url?: string; format: string }): Promise<void> {
  let text: string;
  let contentType: string | undefined;
  let pageUrl: string;
  if (/^https?:\/\//i.test(input)) {
    const { fetcher: fetcherOptions } = crawlSettings(process.env);
    const fetcher = createFetcher({ ...fetcherOptions, maxRetries: 1 });
    try {
      const fetched = await fetcher.fetch(input);
      ({ text, contentType } = fetched);
      pageUrl = options.url ?? fetched.url;
    } finally {
      await fetcher.close();
    }
  } else {
    let body: Buffer;
    try {
      body = await readFile(input);
    } catch (error) {
      throw new UsageError(`cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    text = decodeBody(body, detectCharset(body, undefined).charset);
    pageUrl = options.url ?? `https://localhost.invalid/${encodeURIComponent(path.basename(input))}`;
  }
  if (options.url && !URL.canParse(options.url)) throw new UsageError(`--url: not a URL: ${options.url}`);
  const format = formatOption(options.format) ?? detectFormat(text, contentType, pageUrl);
  const topic = format === 'json-list' ? topicFromPath(input) : undefined;
  const result = extractAny(text, pageUrl, {
    format,
    ...(contentType ? { contentType } : {}),
    ...(topic ? { topic } : {}),
  });
  const built = buildEvents(result.events, {
    source: { id: 'cli', fields: [], pathways: [] },
    documentUrl: pageUrl,
    seenAt: new Date().toISOString(),
    classify,
  });
  for (const warning of result.warnings) err(`warning: ${warning}`);
  for (const reason of built.rejected) err(`skipped: ${reason}`);
  out(JSON.stringify(built.events, null, 2));
}

async function classifyCommand(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let failed = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (!line.trim()) continue;
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch {
      input = undefined;
    }
    const record = input as { title?: unknown; description?: unknown } | undefined;
    if (typeof record !== 'object' || record === null || typeof record.title !== 'string') {
      failed += 1;
      err(`line ${lineNo}: expected a JSON object with a "title" string`);
      out(JSON.stringify({ error: `line ${lineNo}: expected a JSON object with a "title" string` }));
      continue;
    }
    try {
      const { fields, pathways, type, hiring } = classifyEvent(record as ClassifyEventInput);
      out(JSON.stringify({ fields, pathways, type, hiring }));
    } catch (error) {
      failed += 1;
      const message = `line ${lineNo}: ${error instanceof Error ? error.message : String(error)}`;
      err(message);
      out(JSON.stringify({ error: message }));
    }
  }
  if (failed > 0) process.exitCode = 1;
}

async function discoverCommand(url: string): Promise<void> {
  if (!/^https?:\/\//i.test(url)) throw new UsageError(`not an http(s) URL: ${url}`);
  const config = loadStorageConfig();
  const { fetcher: fetcherOptions } = crawlSettings(process.env);
  const fetcher = createFetcher({ ...fetcherOptions, maxRetries: 1 });
  const store = openStore(config);
  try {
    const result = await discoverSources(url, { fetcher, store, classify });
    out(JSON.stringify(result, null, 2));
  } finally {
    await fetcher.close();
    store.close();
  }
}

async function reindexCommand(): Promise<void> {
  const config = loadStorageConfig();
  const lock = lockDataDir(config, 'reindex');
  const store = openStore(config);
  let opened: Awaited<ReturnType<typeof openSearchIndex>> | undefined;
  try {
    opened = await openSearchIndex(config);
    const result = await reindex(store, opened.index, {
      onProgress: ({ entity, sent }) => {
        if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${entity}: ${sent} sent`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const into = result.replicas.length > 1 ? ` into each of ${result.replicas.length} replicas` : '';
    out(
      `reindexed ${result.events} events and ${result.associations} associations${into} in ${Math.round(result.durationMs)} ms` +
        (result.ended > 0 ? ` (${result.ended} ended events left out of the index, kept in the store)` : ''),
    );
    if (result.rejected.length > 0) err(`${result.rejected.length} document(s) refused by Meilisearch`);
  } finally {
    if (opened) releaseClaims(store, replicasOf(opened.index));
    await opened?.close();
    store.close();
    lock.release();
  }
}

function replicasListCommand(): void {
  const config = loadStorageConfig();
  const store = openStore(config);
  try {
    const rows = listReplicaCursors(store, configuredReplicas(config));
    out(`last outbox entry written: ${store.lastOutboxSeq()}`);
    for (const row of rows) {
      const note = row.configured
        ? ''
        : '  (not configured here: `fieldguide replicas forget` once no server lists it)';
      out(`${row.replica}  cursor ${row.seq}  lag ${row.lag}${note}`);
    }
  } finally {
    store.close();
  }
}

function replicasForgetCommand(name: string): void {
  const config = loadStorageConfig();
  const store = openStore(config);
  try {
    out(`forgot ${forgetReplica(store, config, name)}; the outbox now keeps entries for the other replicas only`);
  } catch (error) {
    if (error instanceof FieldguideError) throw new UsageError(error.message);
    throw error;
  } finally {
    store.close();
  }
}

function sourcesListCommand(): void {
  const store = openStore(loadStorageConfig());
  try {
    const sources = store.listSources();
    if (sources.length === 0) {
      out('no sources yet: `fieldguide sources add <url>` or `fieldguide crawl --sources FILE`');
      return;
    }
    for (const s of sources) {
      const health = s.health.lastStatus
        ? `${s.health.lastStatus} at ${s.health.lastCrawledAt}, ${s.health.eventsFound} events, ${s.health.errorCount} errors`
        : 'never crawled';
      out(
        `${s.id}  ${s.kind}${s.enabled ? '' : ' (disabled)'}  ${s.url}\n    ${health}${s.health.lastError ? `\n    last error: ${s.health.lastError}` : ''}`,
      );
    }
  } finally {
    store.close();
  }
}

function sourcesAddCommand(
  url: string,
  options: {
    id?: string;
    kind?: string;
    field?: string[];
    association?: string;
    recrawlMinutes?: string;
    disabled?: boolean;
  },
): void {
  const problems: string[] = [];
  const source = toSource(
    {
      url,
      ...(options.id ? { id: options.id } : {}),
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.field ? { fields: options.field } : {}),
      ...(options.association ? { associationId: options.association } : {}),
      ...(options.recrawlMinutes ? { recrawlMinutes: Number(options.recrawlMinutes) } : {}),
      ...(options.disabled ? { enabled: false } : {}),
    },
    'source',
    problems,
  );
  if (!source) throw new SourcesFileError('sources add', problems);
  const store = openStore(loadStorageConfig());
  try {
    const { status } = store.upsertSource(source);
    out(`${status === 'inserted' ? 'added' : status} source ${source.id} (${source.kind}) ${source.url}`);
  } finally {
    store.close();
  }
}

/** The queue's PostgreSQL, which `worker` and `enqueue` cannot do without. */
function requireDatabaseUrl(config: Readonly<StorageConfig>, command: string): string {
  if (config.databaseUrl) return config.databaseUrl;
  throw new UsageError(
    `${command} needs DATABASE_URL (postgres://user:password@host:5432/db): the crawl job queue and the host ` +
      'leases live in PostgreSQL. On one machine without it, the server runs crawls itself and `fieldguide crawl` crawls now.',
  );
}

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once. */
function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      const again = () => {
        err('second signal: exiting now; the jobs in flight are retried once their lease runs out');
        process.exit(1);
      };
      process.once('SIGTERM', again);
      process.once('SIGINT', again);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

async function workerCommand(): Promise<void> {
  const config = loadStorageConfig();
  const databaseUrl = requireDatabaseUrl(config, 'fieldguide worker');
  const settings = crawlSettings(process.env);
  const workerSettings = loadWorkerSettings(process.env, settings.fetcher.totalTimeoutMs);
  const store = openStore(config);
  const stopSignal = untilStopSignal();
  try {
    const worker = await startCrawlWorker({
      store,
      databaseUrl,
      settings: workerSettings,
      fetcher: settings.fetcher,
      limits: settings.limits,
      classify,
      log: err,
      // pg-boss reports some errors as plain objects carrying a message.
      onError: (error) => err(`worker: ${(error as { message?: unknown } | null)?.message ?? String(error)}`),
    });
    err(
      `worker started: ${workerSettings.concurrency} crawl job(s) at a time from ${redactDatabaseUrl(databaseUrl)}, ` +
        `writing to ${store.path}`,
    );
    const signal = await stopSignal;
    err(`${signal}: stopping; crawls under way end after their pages in flight and their jobs are given back…`);
    await worker.stop();
    err('worker stopped');
  } finally {
    store.close();
  }
}

async function enqueueCommand(options: { source?: string[]; force?: boolean }): Promise<void> {
  const config = loadStorageConfig();
  const databaseUrl = requireDatabaseUrl(config, 'fieldguide enqueue');
  const store = openStore(config);
  try {
    const ids = options.source ?? [];
    for (const id of ids) if (!store.getSource(id)) throw new UsageError(`no source ${JSON.stringify(id)}`);
    const queue = await openCrawlQueue({ databaseUrl, settings: loadWorkerSettings(process.env).queue });
    try {
      const result =
        ids.length > 0 ? await queue.enqueue(ids, { force: options.force === true }) : await queue.enqueueDue(store);
      out(`queued ${result.queued.length} crawl job(s)${result.queued.length ? `: ${result.queued.join(', ')}` : ''}`);
      if (result.alreadyQueued.length > 0) {
        out(`already queued or running: ${result.alreadyQueued.join(', ')}`);
      }
    } finally {
      await queue.stop(1000);
    }
  } finally {
    store.close();
  }
}

async function jobsCommand(options: { limit: string }): Promise<void> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new UsageError('--limit: a whole number, 1 to 10000');
  const config = loadStorageConfig();
  const queue = await openCrawlQueue({
    databaseUrl: requireDatabaseUrl(config, 'fieldguide jobs'),
    settings: loadWorkerSettings(process.env).queue,
  });
  try {
    const jobs = await queue.listJobs(limit);
    const outcome = (output: unknown) => (output === undefined ? '' : JSON.stringify(output).slice(0, 120));
    printTable(
      ['job', 'source', 'state', 'retries', 'queued', 'ended', 'outcome'],
      jobs.map((j) => [
        j.id,
        j.sourceId,
        j.state,
        String(j.retryCount),
        j.createdOn,
        j.completedOn ?? '',
        outcome(j.output),
      ]),
    );
  } finally {
    await queue.stop(1000);
  }
}

async function sourcesCheckCommand(id: string): Promise<void> {
  await crawlCommand({ source: [id], force: true });
}

interface CatalogOptions {
  dir?: string;
  field?: string;
  association?: string;
}

/** A table with a header, left-aligned columns two spaces apart. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  out(line(header));
  for (const row of rows) out(line(row));
}

async function catalogListCommand(options: CatalogOptions): Promise<void> {
  const catalog = await loadCatalog(options.dir ?? DEFAULT_CATALOG_DIR);
  const clusterId = options.field ? catalogFieldId(options.field) : undefined;
  const store = openStore(loadStorageConfig());
  try {
    const associations = catalog.associations.filter((a) => !clusterId || a.fields.includes(clusterId));
    const rows = associations.map((a) => {
      const sources = catalog.sources.filter((s) => s.associationId === a.id);
      const states = sources.map((s) => {
        const stored = store.getSource(s.id);
        return stored ? (stored.enabled ? 'enabled' : 'disabled') : 'not loaded';
      });
      return [
        a.id,
        a.acronym ?? '',
        a.fields[0] ?? '',
        a.url,
        states.length > 0 ? states.join(', ') : 'no events source',
      ];
    });
    printTable(['association', 'acronym', 'field', 'homepage', 'events source'], rows);
    out(`${associations.length} association(s) in ${catalog.dir}`);
  } finally {
    store.close();
  }
}

/** The one selection `--field` or `--association` names. @throws UsageError when there is not exactly one. */
function catalogSelection(options: CatalogOptions): CatalogSelection {
  if (options.field && options.association) throw new UsageError('give --field or --association, not both');
  if (options.field) return { field: options.field };
  if (options.association) return { associationId: options.association };
  throw new UsageError('give --field <id|name> or --association <id>');
}

async function catalogSwitchCommand(enabled: boolean, options: CatalogOptions): Promise<void> {
  const selection = catalogSelection(options);
  const catalog = await loadCatalog(options.dir ?? DEFAULT_CATALOG_DIR);
  const store = openStore(loadStorageConfig());
  try {
    syncCatalog(store, catalog);
    const changed = setCatalogSourcesEnabled(store, selection, enabled);
    const what =
      'field' in selection ? `field ${catalogFieldId(selection.field)}` : `association ${selection.associationId}`;
    const verb = enabled ? 'enabled' : 'disabled';
    if (changed.length === 0) {
      out(`no catalog source of ${what} to ${enabled ? 'enable' : 'disable'} (none, or all already ${verb})`);
      return;
    }
    out(`${verb} ${changed.length} catalog source(s) of ${what}: ${changed.join(', ')}`);
    if (enabled) out('they are crawled on the next `fieldguide crawl` (or the next crawl the server runs)');
  } finally {
    store.close();
  }
}

async function catalogCheckCommand(options: CatalogOptions & { allowPrivateOrigin?: string[] }): Promise<void> {
  const catalog = await loadCatalog(options.dir ?? DEFAULT_CATALOG_DIR);
  const clusterId = options.field ? catalogFieldId(options.field) : undefined;
  const associations = catalog.associations.filter((a) => !clusterId || a.fields.includes(clusterId));
  const fetcher = createFetcher({
    ...crawlSettings(process.env).fetcher,
    maxRetries: 1,
    ...(options.allowPrivateOrigin?.length ? { allowPrivateOrigins: options.allowPrivateOrigin } : {}),
  });
  let checks: HomepageCheck[];
  try {
    checks = await checkHomepages(fetcher, associations);
  } finally {
    await fetcher.close();
  }
  const rows = checks.map((c) => [
    c.associationId,
    c.state,
    c.status === undefined ? '' : String(c.status),
    c.url,
    [c.finalUrl ? `→ ${c.finalUrl}` : '', c.detail ?? ''].filter(Boolean).join(' '),
  ]);
  printTable(['association', 'state', 'status', 'homepage', 'detail'], rows);
  const count = (state: HomepageCheck['state']) => checks.filter((c) => c.state === state).length;
  out(
    `${checks.length} homepage(s): ${count('ok')} ok, ${count('moved')} moved, ${count('dead')} dead, ` +
      `${count('offline')} not reachable from here`,
  );
  if (count('offline') > 0) {
    out('some fetches failed for lack of network: `catalog check` is for a machine connected to the internet');
  }
  if (count('dead') > 0) process.exitCode = 1;
  else if (count('offline') > 0) process.exitCode = 2;
}

/** The `fieldguide` command line. */
export function buildProgram(): Command {
  const program = new Command('fieldguide')
    .description('Fieldguide crawler: events and professional associations by career field')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program
    .command('crawl')
    .description('crawl the due sources, update the store and the search index')
    .option('--sources <file>', 'sources YAML file (saved into the store first)')
    .option('--source <id...>', 'crawl only these sources')
    .option('--force', 'crawl even sources that are not due, and disabled ones')
    .action(crawlCommand);
  program
    .command('worker')
    .description(
      'claim crawl jobs from the PostgreSQL queue (DATABASE_URL) and crawl them, politely with every other worker; ' +
        'also queues the due sources. Stops on SIGTERM or SIGINT, giving its jobs back',
    )
    .action(workerCommand);
  program
    .command('enqueue')
    .description('queue crawl jobs now (DATABASE_URL): the due sources, or the ones named; one job per source at most')
    .option('--source <id...>', 'queue these sources (due or not, per --force)')
    .option('--force', 'with --source: crawl them even when not due, or disabled')
    .action(enqueueCommand);
  program
    .command('jobs')
    .description('the crawl jobs of the queue (DATABASE_URL), newest first: waiting, running and kept finished ones')
    .option('--limit <n>', 'how many', '50')
    .action(jobsCommand);
  program
    .command('extract')
    .description('print the events of a file or URL as a JSON array of Events')
    .argument('<file-or-url>', 'a saved page, feed or calendar, or an http(s) URL (fetched politely and safely)')
    .option(
      '--url <page-url>',
      'the page the file came from (resolves links; default https://localhost.invalid/<file>)',
    )
    .addOption(new Option('--format <format>', 'what the input is').choices(FORMATS).default('auto'))
    .action(extractCommand);
  program
    .command('classify')
    .description('JSON lines of {title, description, …} on stdin → JSON lines of {fields, pathways, type, hiring}')
    .action(classifyCommand);
  program
    .command('discover')
    .description("find an association's event sources, job board and profile from its home page")
    .argument('<url>', 'home page URL')
    .action(discoverCommand);
  program
    .command('reindex')
    .description('rebuild the search index of every replica from the store')
    .action(reindexCommand);
  const replicas = program
    .command('replicas')
    .description("the search-index replicas' places in the outbox: cursor and lag")
    .action(replicasListCommand);
  replicas
    .command('forget')
    .description('drop the cursor of a replica taken out of service (no longer in any MEILI_URLS)')
    .argument('<url>', 'its URL, or its name as `fieldguide replicas` lists it')
    .action(replicasForgetCommand);
  const sources = program.command('sources').description('list, add and check sources');
  sources.command('list').description('every source with its health').action(sourcesListCommand);
  sources
    .command('add')
    .description('add (or update) a source')
    .argument('<url>', 'the page, feed, calendar or API to crawl')
    .option('--id <id>', 'source id (default: from the URL)')
    .addOption(new Option('--kind <kind>', 'how to read it').choices(SOURCE_KINDS))
    .option('--field <field...>', 'career fields of every event (ids or names: "IT", "health care")')
    .option('--association <id>', 'association the source belongs to')
    .option('--recrawl-minutes <minutes>', 'least time between two crawls (default 1440)')
    .option('--disabled', 'add it disabled')
    .action(sourcesAddCommand);
  sources.command('check').description('crawl one source now and report').argument('<id>').action(sourcesCheckCommand);
  const catalog = program
    .command('catalog')
    .description('the bundled directory of professional associations and their (disabled) event sources');
  const dirOption = () => new Option('--dir <dir>', 'catalog directory (default: the bundled crawlers/catalog/)');
  catalog
    .command('list')
    .description("the catalog's associations, with whether their events source is enabled in the store")
    .addOption(dirOption())
    .option('--field <field>', 'one career field (id or name: "health science", "IT")')
    .action(catalogListCommand);
  catalog
    .command('enable')
    .description("load the catalog into the store and enable a field's or an association's event sources")
    .addOption(dirOption())
    .option('--field <field>', 'every catalog source of this field (id or name)')
    .option('--association <id>', "this association's catalog sources")
    .action((options: CatalogOptions) => catalogSwitchCommand(true, options));
  catalog
    .command('disable')
    .description("disable a field's or an association's catalog sources")
    .addOption(dirOption())
    .option('--field <field>', 'every catalog source of this field (id or name)')
    .option('--association <id>', "this association's catalog sources")
    .action((options: CatalogOptions) => catalogSwitchCommand(false, options));
  catalog
    .command('check')
    .description(
      'fetch every homepage (politely) and report the dead and the moved; exit code 1 when any is dead, ' +
        '2 when none is but some could not be reached from here',
    )
    .addOption(dirOption())
    .option('--field <field>', 'only this career field (id or name)')
    .option(
      '--allow-private-origin <origin...>',
      'origins (http://host:port) that may be on private or loopback addresses: for testing, or an intranet mirror',
    )
    .action(catalogCheckCommand);
  return program;
}

const USER_ERRORS = [
  ConfigError,
  SourcesFileError,
  UsageError,
  CatalogError,
  CatalogSelectionError,
  QueueUnavailableError,
];

/** Runs the command line; returns the exit code. Mistakes are reported in one message, never as a stack trace. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const known = USER_ERRORS.some((type) => error instanceof type) || error instanceof FieldguideError;
    const message = error instanceof Error ? error.message : String(error);
    err(`fieldguide: ${message}`);
    if (!known && process.env.FIELDGUIDE_DEBUG && error instanceof Error) err(error.stack ?? '');
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  // A reader that goes away (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main();
}
