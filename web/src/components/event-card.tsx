import {
  type EventHit,
  formatEventCost,
  formatEventPlace,
  formatEventStatus,
  formatMoreDates,
} from '@fieldguide/shared';
import { Link, useLocation, useSearch } from 'wouter';
import { formatDistance, formatEventWhen, isHappeningNow } from '../lib/format.js';
import { EVENT_TYPE_LABELS } from '../lib/labels.js';
import { returnStateFrom } from '../lib/return-to.js';
import { Highlight } from './highlight.js';
import { HiringBadge } from './hiring-badge.js';
import { SaveButton } from './save-button.js';
import './card.css';
import './event-card.css';

export interface EventCardProps {
  event: EventHit;
  /** Heading level of the title, so cards fit the page's outline. */
  headingLevel?: 2 | 3 | 4;
  /** Hide the description extract (compact lists). */
  compact?: boolean;
  /** Unit for `distanceKm`. */
  distanceUnit?: 'km' | 'mi';
}

/**
 * One event in a result list: title link (which remembers the search it was opened from), when (in the event's own
 * zone, or the viewer's for online events), place, type, cost, hiring signal, and a button saving it to this
 * browser's list.
 */
export function EventCard({ event, headingLevel = 3, compact = false, distanceUnit = 'km' }: EventCardProps) {
  const Heading = `h${headingLevel}` as const;
  const cost = formatEventCost(event);
  const status = formatEventStatus(event);
  const now = isHappeningNow(event);
  const [location] = useLocation();
  const returnState = returnStateFrom(location, useSearch());
  const moreDates = formatMoreDates(event.series?.moreDates ?? 0);
  return (
    <article className={`event-card${event.status === 'cancelled' ? ' event-card--cancelled' : ''}`}>
      <Heading className="event-card__title">
        <Link href={`/events/${encodeURIComponent(event.id)}`} state={returnState}>
          <Highlight text={event.title} matches={event.highlights.title} />
        </Link>
      </Heading>
      <p className="event-card__when">
        <time dateTime={event.start}>{formatEventWhen(event)}</time>
        {moreDates && <span className="event-card__series"> {moreDates}</span>}
        {now && <span className="tag tag--now">Happening now</span>}
        {status && <span className={`tag tag--status tag--${event.status}`}>{status}</span>}
      </p>
      <p className="event-card__where">
        {formatEventPlace(event)}
        {event.distanceKm !== undefined && (
          <span className="event-card__distance"> · {formatDistance(event.distanceKm, distanceUnit)} away</span>
        )}
      </p>
      <p className="event-card__meta">
        <span>{EVENT_TYPE_LABELS[event.type]}</span>
        {cost && <span className="event-card__cost">{cost}</span>}
      </p>
      {event.fieldNames.length > 0 && <p className="event-card__fields">{event.fieldNames.join(', ')}</p>}
      <HiringBadge score={event.hiring} reasons={event.hiringReasons} />
      {!compact && event.description && (
        <p className="event-card__description">
          <Highlight text={event.description} matches={event.highlights.description} />
        </p>
      )}
      <SaveButton event={event} className="event-card__save" />
    </article>
  );
}

/** A list of event cards, or nothing when empty. */
export function EventList({ events, ...card }: { events: readonly EventHit[] } & Omit<EventCardProps, 'event'>) {
  if (events.length === 0) return null;
  return (
    <ol className="event-list">
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} {...card} />
        </li>
      ))}
    </ol>
  );
}
