import type Database from 'better-sqlite3';
import { claimRun, currentOwner, isOrphaned, releaseRun } from './crawl-run-owners.js';
import { StoreNotFoundError } from './errors.js';
import { RUN_COLUMNS, type RunRow, runFinishedAt, runFromRow } from './rows.js';
import type { CrawlRun, Store } from './store.types.js';

/** Crawl runs, and `release` to let go of this store's unfinished runs when it closes. */
export interface CrawlRuns extends Pick<Store, 'startCrawlRun' | 'updateCrawlRun' | 'getCrawlRun' | 'listCrawlRuns'> {
  /** Marks `running` runs whose process died as `interrupted`; returns how many. */
  interruptOrphans(): number;
  release(): void;
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
  const running = db.prepare<[], { id: number; pid: number | null; host: string | null }>(
    `SELECT id, pid, host FROM crawl_runs WHERE status = 'running'`,
  );
  const interrupt = db.prepare<[string, number]>(
    `UPDATE crawl_runs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'`,
  );
  const claimed = new Set<number>();

  return {
    startCrawlRun: () => {
      const owner = currentOwner();
      const startedAt = nowIso();
      const id = Number(insert.run(startedAt, owner.pid, owner.host).lastInsertRowid);
      claimed.add(id);
      claimRun(storePath, id);
      return { id, startedAt, status: 'running', results: {} };
    },
    updateCrawlRun: (run) => {
      const finishedAt = runFinishedAt(run, nowIso);
      const { changes } = update.run(run.status, finishedAt, JSON.stringify(run.results), run.id);
      if (changes === 0) throw new StoreNotFoundError('crawl run', run.id);
      if (run.status !== 'running') {
        claimed.delete(run.id);
        releaseRun(storePath, run.id);
      }
    },
    getCrawlRun: (id) => {
      const row = get.get(id);
      return row && runFromRow(row);
    },
    listCrawlRuns: (limit) => list.all(limit).map(runFromRow),
    interruptOrphans: () => {
      let count = 0;
      for (const row of running.all()) {
        if (isOrphaned(storePath, row.id, row)) count += interrupt.run(nowIso(), row.id).changes;
      }
      return count;
    },
    release: () => {
      for (const id of claimed) releaseRun(storePath, id);
      claimed.clear();
    },
  };
}
