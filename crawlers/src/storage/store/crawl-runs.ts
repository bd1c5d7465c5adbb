import type Database from 'better-sqlite3';
import { claimRun, currentOwner, isOrphaned, type RunOwner, releaseRun } from './crawl-run-owners.js';
import { StoreNotFoundError } from './errors.js';
import { RUN_COLUMNS, type RunRow, runFinishedAt, runFromRow } from './rows.js';
import type { CrawlRun, Store } from './store.types.js';

/** Crawl runs, and `release` to let go of this store's unfinished runs when it closes. */
export interface CrawlRuns extends Pick<Store, 'startCrawlRun' | 'updateCrawlRun' | 'getCrawlRun' | 'listCrawlRuns'> {
  /** Marks `running` runs whose process died as `interrupted`; returns how many. */
  interruptOrphans(): number;
  release(): void;
}

/** The statements each store engine runs for crawl runs; counts are of rows changed. */
export interface CrawlRunQueries {
  insert(startedAt: string, owner: RunOwner): number;
  update(run: CrawlRun, finishedAt: string | null): number;
  get(id: number): RunRow | undefined;
  list(limit: number): RunRow[];
  running(): ({ id: number } & RunOwner)[];
  interrupt(finishedAt: string, id: number): number;
}

/** Crawl runs over either engine's statements: who owns a run, and which runs were left by a process that died. */
export function crawlRunsOver(queries: CrawlRunQueries, storePath: string, nowIso: () => string): CrawlRuns {
  const claimed = new Set<number>();
  return {
    startCrawlRun: () => {
      const startedAt = nowIso();
      const id = queries.insert(startedAt, currentOwner());
      claimed.add(id);
      claimRun(storePath, id);
      return { id, startedAt, status: 'running', results: {} };
    },
    updateCrawlRun: (run) => {
      if (queries.update(run, runFinishedAt(run, nowIso)) === 0) throw new StoreNotFoundError('crawl run', run.id);
      if (run.status !== 'running') {
        claimed.delete(run.id);
        releaseRun(storePath, run.id);
      }
    },
    getCrawlRun: (id) => {
      const row = queries.get(id);
      return row && runFromRow(row);
    },
    listCrawlRuns: (limit) => queries.list(limit).map(runFromRow),
    interruptOrphans: () => {
      let count = 0;
      for (const row of queries.running()) {
        if (isOrphaned(storePath, row.id, row)) count += queries.interrupt(nowIso(), row.id);
      }
      return count;
    },
    release: () => {
      for (const id of claimed) releaseRun(storePath, id);
      claimed.clear();
    },
  };
}

export function createCrawlRuns(db: Database.Database, storePath: string, nowIso: () => string): CrawlRuns {
  const insert = db.prepare<[string, number | null, string | null]>(
    `INSERT INTO crawl_runs (started_at, status, results, pid, host) VALUES (?, 'running', '{}', ?, ?)`,
  );
  const update = db.prepare<[CrawlRun['status'], string | null, string, number]>(
    'UPDATE crawl_runs SET status = ?, finished_at = ?, results = ? WHERE id = ?',
  );
  const get = db.prepare<[number], RunRow>(`SELECT ${RUN_COLUMNS} FROM crawl_runs WHERE id = ?`);
  const list = db.prepare<[number], RunRow>(`SELECT ${RUN_COLUMNS} FROM crawl_runs ORDER BY id DESC LIMIT ?`);
  const running = db.prepare<[], { id: number } & RunOwner>(
    `SELECT id, pid, host FROM crawl_runs WHERE status = 'running'`,
  );
  const interrupt = db.prepare<[string, number]>(
    `UPDATE crawl_runs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'`,
  );
  return crawlRunsOver(
    {
      insert: (startedAt, owner) => Number(insert.run(startedAt, owner.pid, owner.host).lastInsertRowid),
      update: (run, finishedAt) => update.run(run.status, finishedAt, JSON.stringify(run.results), run.id).changes,
      get: (id) => get.get(id),
      list: (limit) => list.all(limit),
      running: () => running.all(),
      interrupt: (finishedAt, id) => interrupt.run(finishedAt, id).changes,
    },
    storePath,
    nowIso,
  );
}
