import type Database from 'better-sqlite3';
import { claimRun, currentOwner, isOrphaned, releaseRun } from './crawl-run-owners.js';
import { StoreNotFoundError } from './errors.js';
import type { CrawlRun, Store } from './store.types.js';

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: CrawlRun['status'];
  results: string;
}

function fromRow(row: RunRow): CrawlRun {
  const run: CrawlRun = { id: row.id, startedAt: row.started_at, status: row.status, results: JSON.parse(row.results) };
  if (row.finished_at !== null) run.finishedAt = row.finished_at;
  return run;
}

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
  const get = db.prepare<[number], RunRow>(
    'SELECT id, started_at, finished_at, status, results FROM crawl_runs WHERE id = ?',
  );
  const list = db.prepare<[number], RunRow>(
    'SELECT id, started_at, finished_at, status, results FROM crawl_runs ORDER BY id DESC LIMIT ?',
  );
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
      const finishedAt = run.finishedAt ?? (run.status === 'running' ? null : nowIso());
      const { changes } = update.run(run.status, finishedAt, JSON.stringify(run.results), run.id);
      if (changes === 0) throw new StoreNotFoundError('crawl run', run.id);
      if (run.status !== 'running') {
        claimed.delete(run.id);
        releaseRun(storePath, run.id);
      }
    },
    getCrawlRun: (id) => {
      const row = get.get(id);
      return row && fromRow(row);
    },
    listCrawlRuns: (limit) => list.all(limit).map(fromRow),
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
