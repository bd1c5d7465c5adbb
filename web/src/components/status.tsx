import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client.js';
import './status.css';

/** A polite "loading" line for a region, announced to screen readers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** What went wrong, in words a person can act on. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return 'Too many requests just now. Wait a moment and try again.';
    // Other 503s (alerts off, mail or store unavailable) carry a message of their own.
    if (error.status === 503 && (error.code === 'ERR_INDEX_UNAVAILABLE' || error.code.startsWith('ERR_HTTP_'))) {
      return 'Search is temporarily unavailable. Try again in a moment.';
    }
    return error.message;
  }
  return 'Something went wrong.';
}

/** True when trying the same request again may work: no answer, a 5xx, a timeout or a rate limit. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
}

/** An error region with the API's message, and a retry button when retrying may help. */
export function ErrorMessage({
  error,
  title = 'Could not load this',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="status status--error" role="alert">
      <p className="status__title">{title}</p>
      <p>{errorMessage(error)}</p>
      {onRetry && isRetryable(error) && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A friendly "nothing here" block with optional actions. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="status status--empty">
      <p className="status__title">{title}</p>
      {children}
    </div>
  );
}

/** "Not found" for a missing event, association or field. */
export function NotFound({ what }: { what: string }) {
  return (
    <div className="page">
      <title>Not found · Fieldguide</title>
      <h1>{what} not found</h1>
      <p>
        It may have been removed, or the link is mistyped. <a href="/">Search all events</a>.
      </p>
    </div>
  );
}
