import { type Event, type EventBatch, eventsIcsUrl, formatEventPlace, formatEventStatus } from '@fieldguide/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { SaveButton } from '../../../components/save-button.js';
import { EmptyState, ErrorMessage } from '../../../components/status.js';
import { feedOrigin } from '../../../lib/feed-urls.js';
import { formatEventWhen } from '../../../lib/format.js';
import { MAX_SAVED_EVENTS, type SavedEvent, unsaveEvent, useSavedEvents } from '../../../lib/saved-events.js';
import { eventBatchQueryOptions } from '../api/get-event.js';
import './saved-events.css';

type Row =
  | { kind: 'event'; saved: SavedEvent; event: Event }
  | { kind: 'gone'; saved: SavedEvent }
  | { kind: 'loading'; saved: SavedEvent };

const startOf = (row: Row) => Date.parse(row.kind === 'event' ? row.event.start : row.saved.start) || 0;

/** Events first, soonest first; then the ones no longer listed. */
const byStart = (a: Row, b: Row) => Number(a.kind === 'gone') - Number(b.kind === 'gone') || startOf(a) - startOf(b);

/** Each saved event with what the API says of it: found, gone, or not yet known. */
function savedRows(saved: readonly SavedEvent[], batch: EventBatch | undefined): Row[] {
  const found = new Map((batch?.events ?? []).map((event) => [event.id, event]));
  const missing = new Set(batch?.missing);
  return saved
    .map((entry): Row => {
      const event = found.get(entry.id);
      if (event) return { kind: 'event', saved: entry, event };
      return missing.has(entry.id) ? { kind: 'gone', saved: entry } : { kind: 'loading', saved: entry };
    })
    .sort(byStart);
}

function SavedEventCard({ event }: { event: Event }) {
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
  }
}

/**
 * The events saved in this browser, read fresh from the API in one request; one no longer stored is shown as gone,
 * with a button removing it. "Export as .ics" downloads them all as one calendar file.
 */
export function SavedEventsPage() {
  const saved = useSavedEvents();
  const ids = saved.map((s) => s.id);
  const batch = useQuery(eventBatchQueryOptions(ids));
  const rows = useMemo(() => savedRows(saved, batch.data), [saved, batch.data]);
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
          {batch.error && !batch.isFetching && (
            <ErrorMessage
              error={batch.error}
              title="Could not load your saved events"
              onRetry={() => batch.refetch()}
            />
          )}
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
