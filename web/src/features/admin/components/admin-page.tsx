import { ErrorMessage, Loading } from '../../../components/status.js';
import { ApiError } from '../../../lib/api-client.js';
import { useAdminSources, useCrawlRuns, useStartCrawl } from '../api/admin-api.js';
import { useAdminToken } from '../hooks/use-admin-token.js';
import { AddSourceForm } from './add-source-form.js';
import { CatalogSources } from './catalog-sources.js';
import { CrawlRuns } from './crawl-runs.js';
import { SourcesTable } from './sources-table.js';
import { SuggestionsQueue } from './suggestions-queue.js';
import { TokenForm } from './token-form.js';
import './admin.css';

const isAuthError = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.status === 403);

/**
 * `/admin`: sources with their health, adding a source, suggested sources to decide on, the associations catalog's
 * sources to enable, crawl runs with progress and errors.
 */
export function AdminPage() {
  const [token, setToken] = useAdminToken();
  const sources = useAdminSources(token);
  const authorized = sources.isSuccess;
  const runs = useCrawlRuns(token, authorized);
  const crawl = useStartCrawl(token);
  const authError = isAuthError(sources.error) ? (sources.error as ApiError) : undefined;

  return (
    <div className="admin-page">
      <title>Admin · Fieldguide</title>
      <h1>Admin</h1>
      <TokenForm token={token} onToken={setToken} />
      {authError ? (
        <div className="status status--error" role="alert">
          <p className="status__title">
            {authError.status} {authError.status === 401 ? 'Unauthorized' : 'Forbidden'}
          </p>
          <p>
            {token ? 'The server did not accept this token.' : 'Enter the admin token to manage sources and crawls.'}{' '}
            <span className="muted">({authError.message})</span>
          </p>
        </div>
      ) : sources.error ? (
        <ErrorMessage error={sources.error} title="Could not load sources" onRetry={() => sources.refetch()} />
      ) : !sources.data ? (
        <Loading label="Loading sources…" />
      ) : (
        <>
          <section aria-labelledby="sources-heading" className="admin-section">
            <div className="section-header">
              <h2 id="sources-heading">Sources ({sources.data.sources.length})</h2>
              <button
                type="button"
                className="button button--primary"
                disabled={crawl.isPending}
                onClick={() => crawl.mutate(undefined)}
              >
                Crawl all sources
              </button>
            </div>
            {crawl.error && <ErrorMessage error={crawl.error} title="The crawl did not start" />}
            <SourcesTable
              sources={sources.data.sources}
              crawlPending={crawl.isPending}
              onCrawl={(id) => crawl.mutate([id])}
            />
          </section>
          <AddSourceForm token={token} />
          <SuggestionsQueue token={token} />
          <CatalogSources token={token} enabled={authorized} />
          <section aria-labelledby="runs-heading" className="admin-section">
            <h2 id="runs-heading">Crawl runs</h2>
            {runs.error ? (
              <ErrorMessage error={runs.error} title="Could not load crawl runs" onRetry={() => runs.refetch()} />
            ) : !runs.data ? (
              <Loading label="Loading crawl runs…" />
            ) : (
              <CrawlRuns runs={runs.data.runs} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
