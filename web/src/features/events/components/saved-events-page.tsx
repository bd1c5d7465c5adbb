import { type EventDetail, eventsIcsUrl, formatEventPlace, formatEventStatus } from '@fieldguide/shared';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'wouter';
import { SaveButton } from '../../../components/save-button.js';
import { EmptyState, ErrorMessage } from '../../../components/status.js';
import { ApiError } from '../../../lib/api-client.js';
import { feedOrigin } from '../../../lib/feed-urls.js';
import { formatEventWhen } from '../../../lib/format.js';
import { MAX_SAVED_EVENTS, type SavedEvent, unsaveEvent, useSavedEvents } from '../../../lib/saved-events.js';
import { eventQueryOptions } from '../api/get-event.js';
import './saved-events.css';

type Row =
  | { kind: 'event'; saved: SavedEvent; event: EventDetail }
  | { kind: 'gone'; saved: SavedEvent }
  | { kind: 'loading'; saved: SavedEvent }
  | { kind: 'error'; saved: SavedEvent; error: unknown; retry: () => void };

const startOf = (row: Row) => Date.parse(row.kind === 'event' ? row.event.start : row.saved.start) || 0;

/** Events first, soonest first; then the ones no longer listed. */
const byStart = (a: Row, b: Row) => Number(a.kind === 'gone') - Number(b.kind === 'gone') || startOf(a) - startOf(b);

function SavedEventCard({ event }: { event: EventDetail }) {
  const status = formatEventStatus(event);
  return (
    <article className={`event-card${event.status === 'cancelled' ? ' event-card--cancelled' : ''}`}>
      <h2 className="event-card__title">
        <Link href={`/events/${encodeURIComponent(event.id)}`}>{event.title}</Link>
      </h2>
      <p className="event-card__when">
        <time dateTime={event.start}>{formatEventWhen(event)}</time>
        {status && <span className={`tag tag--status tag--${event.status}`}>{status}</span>}
        {Date.parse(event.end ?? event.start) < Date.now() && <span className="tag">Past</span>}
      </p>
      <p className="event-card__where">{formatEventPlace(event)}</p>
      <SaveButton event={event} className="event-card__save" />
    </article>
  );
}

function GoneEvent({ saved }: { saved: SavedEvent }) {
  const name = saved.title || 'An event you saved';
  return (
    <article className="event-card saved-gone">
      <h2 className="event-card__title">{name}</h2>
      <p>This event is no longer listed: its organizer took it down or it was merged with another listing.</p>
      <button type="button" className="button button--small" onClick={() => unsaveEvent(saved.id)}>
        Remove<span className="visually-hidden"> “{name}”</span> from saved events
      </button>
    </article>
  );
}

function SavedRow({ row }: { row: Row }) {
  switch (row.kind) {
    case 'event':
      return <SavedEventCard event={row.event} />;
    case 'gone':
      return <GoneEvent saved={row.saved} />;
    case 'loading':
      return (
        <article className="event-card" aria-busy="true">
          <h2 className="event-card__title">{row.saved.title || 'Saved event'}</h2>
          <p className="status">Loading…</p>
        </article>
      );
    case 'error':
      return (
        <article className="event-card">
          <h2 className="event-card__title">{row.saved.title || 'Saved event'}</h2>
          <ErrorMessage error={row.error} title="Could not load this event" onRetry={row.retry} />
        </article>
      );
  }
}

/**
 * The events saved in this browser, each read fresh from the API; one that is no longer stored is shown as gone,
 * with a button removing it. "Export as .ics" downloads them all as one calendar file.
 */
export function SavedEventsPage() {
  const saved = useSavedEvents();
  const rows = useQueries({
    queries: saved.map((s) => ({ ...eventQueryOptions(s.id), retry: false as const })),
    combine: (results) =>
      results
        .map((result, i): Row => {
          const entry = saved[i] as SavedEvent;
          if (result.data) return { kind: 'event', saved: entry, event: result.data };
          if (result.error instanceof ApiError && result.error.status === 404) return { kind: 'gone', saved: entry };
          if (result.error) return { kind: 'error', saved: entry, error: result.error, retry: result.refetch };
          return { kind: 'loading', saved: entry };
        })
        .sort(byStart),
  });
  const ids = saved.map((s) => s.id);
  return (
    <div className="page saved-page">
      <title>Saved events · Fieldguide</title>
      <h1>Saved events</h1>
      <p className="lead">
        Kept in this browser only, no account needed: {saved.length} of {MAX_SAVED_EVENTS}.
      </p>
      {saved.length === 0 ? (
        <EmptyState title="You have not saved any events yet.">
          <p>
            Press <strong>Save</strong> on an event to keep it here. <Link href="/">Find events</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="saved-page__actions">
            <a
              className="button button--primary"
              href={eventsIcsUrl(feedOrigin(), ids)}
              download="fieldguide-saved-events.ics"
            >
              Export as .ics<span className="visually-hidden"> ({saved.length} events, for any calendar app)</span>
            </a>
          </p>
          <ol className="event-list">
            {rows.map((row) => (
              <li key={row.saved.id}>
                <SavedRow row={row} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
