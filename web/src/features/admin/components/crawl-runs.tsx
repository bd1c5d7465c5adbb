import type { CrawlRun } from '@fieldguide/shared';
import { formatLocalDateTime } from '../../../lib/format.js';
import '../../../components/card.css';

const RUN_STATUS_TEXT: Record<CrawlRun['status'], string> = {
  running: 'Running',
  finished: 'Finished',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

function RunProgress({ run }: { run: CrawlRun }) {
  const done = run.progress?.sourcesDone ?? Object.keys(run.results).length;
  const total = run.progress?.sourcesTotal;
  if (run.status !== 'running') return null;
  return (
    <div className="run__progress">
      {total ? (
        <>
          <progress value={done} max={total} aria-label={`Run ${run.id} progress`} />
          <span>
            {done} of {total} sources
          </span>
        </>
      ) : (
        <span>{done} sources done so far</span>
      )}
    </div>
  );
}

/** Crawl runs, newest first, with per-source results and errors; running ones show progress. */
export function CrawlRuns({ runs }: { runs: readonly CrawlRun[] }) {
  if (runs.length === 0) return <p className="muted">No crawl has run yet.</p>;
  return (
    <ol className="runs">
      {runs.map((run) => {
        const results = Object.entries(run.results);
        const events = results.reduce((sum, [, r]) => sum + r.events, 0);
        const errors = results.flatMap(([sourceId, r]) => r.errors.map((message) => ({ sourceId, message })));
        return (
          <li key={run.id} className={`run run--${run.status}`}>
            <h3 className="run__title">
              Run {run.id}: <span className="run__status">{RUN_STATUS_TEXT[run.status] ?? run.status}</span>
            </h3>
            <p className="run__meta">
              Started {formatLocalDateTime(run.startedAt)}
              {run.finishedAt && `, finished ${formatLocalDateTime(run.finishedAt)}`} · {results.length} sources ·{' '}
              {events} events · {errors.length} errors
            </p>
            <RunProgress run={run} />
            {results.length > 0 && (
              <details className="run__details">
                <summary>Per source</summary>
                <ul>
                  {results.map(([sourceId, r]) => (
                    <li key={sourceId}>
                      <strong>{sourceId}</strong>: {r.status}, {r.events} events
                      {r.errors.length > 0 && (
                        <ul className="run__errors">
                          {r.errors.map((message) => (
                            <li key={message}>{message}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
