import type { Source } from '@fieldguide/shared';
import { formatLocalDateTime } from '../../../lib/format.js';

const STATUS_TEXT = { ok: 'OK', partial: 'Partial', failed: 'Failed' } as const;

/** Every source with its health, and a button to crawl it now. */
export function SourcesTable({
  sources,
  onCrawl,
  crawlPending,
}: {
  sources: readonly Source[];
  onCrawl: (sourceId: string) => void;
  crawlPending: boolean;
}) {
  if (sources.length === 0) return <p className="muted">No sources yet. Add one below.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Sources and their health</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Kind</th>
            <th scope="col">Last crawl</th>
            <th scope="col">Events</th>
            <th scope="col">Errors</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const status = source.health.lastStatus;
            return (
              <tr key={source.id} data-source-id={source.id}>
                <th scope="row">
                  <span className="table__name">{source.name ?? source.id}</span>
                  <a className="table__url" href={source.url} rel="noopener noreferrer">
                    {source.url}
                  </a>
                  {!source.enabled && <span className="tag">Disabled</span>}
                </th>
                <td>{source.kind}</td>
                <td>
                  {status ? (
                    <span className={`health health--${status}`}>{STATUS_TEXT[status]}</span>
                  ) : (
                    <span className="health">Never crawled</span>
                  )}
                  {source.health.lastCrawledAt && (
                    <span className="table__sub">{formatLocalDateTime(source.health.lastCrawledAt)}</span>
                  )}
                </td>
                <td>{source.health.eventsFound}</td>
                <td>
                  {source.health.errorCount}
                  {source.health.lastError && (
                    <span className="table__sub table__error">{source.health.lastError}</span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={crawlPending || !source.enabled}
                    onClick={() => onCrawl(source.id)}
                  >
                    Crawl<span className="visually-hidden"> {source.name ?? source.id}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
