import {
  ALL_FIELDS_LABEL,
  displayTimeZone,
  type EventDetail,
  formatEventCost,
  formatEventPlace,
  formatEventStatus,
  formatPlace,
} from '@fieldguide/shared';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { EventList } from '../../../components/event-card.js';
import { HiringBadge } from '../../../components/hiring-badge.js';
import { SaveButton } from '../../../components/save-button.js';
import { pageLink, ShareButton } from '../../../components/share-button.js';
import { ErrorMessage, Loading, NotFound } from '../../../components/status.js';
import { ApiError } from '../../../lib/api-client.js';
import { fallbackFieldName, fieldNames, useFields } from '../../../lib/fields-query.js';
import { formatEventWhen, formatLocalDateTime, isHappeningNow } from '../../../lib/format.js';
import { EVENT_FORMAT_LABELS, EVENT_TYPE_LABELS } from '../../../lib/labels.js';
import { returnHref } from '../../../lib/return-to.js';
import { viewerTimeZone } from '../../../lib/viewer.js';
import { useEvent, useEventAssociation } from '../api/get-event.js';
import { AddToCalendar } from './add-to-calendar.js';
import './event-details.css';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The viewer's own zone, when it differs from the one the time is shown in: then the page also shows it. */
function viewerZone(event: EventDetail): string | undefined {
  const zone = viewerTimeZone();
  return zone && zone !== displayTimeZone(event, zone) ? zone : undefined;
}

/** The association's name and job board, once loaded; a plain link meanwhile or if it fails. */
function AssociationLink({ id }: { id: string }) {
  const { data } = useEventAssociation(id);
  return (
    <>
      <Link href={`/associations/${encodeURIComponent(id)}`}>{data?.name ?? 'About the association'}</Link>
      {data?.jobBoardUrl && (
        <span className="facts__secondary">
          <a href={data.jobBoardUrl} rel="noopener noreferrer">
            Its job board
          </a>
        </span>
      )}
    </>
  );
}

function EventBody({ event }: { event: EventDetail }) {
  const names = fieldNames(useFields().data);
  const place = formatPlace(event);
  const address = event.venue?.address;
  const cost = formatEventCost(event);
  const status = formatEventStatus(event);
  const myZone = viewerZone(event);
  // The search this page was opened from, kept in its history entry (so it survives a reload, not a new tab).
  const back = useMemo(() => returnHref(window.history.state), []);
  const fieldIds = [...event.fields, ...event.pathways];
  const location = event.format === 'online' ? event.url : [address, place].filter(Boolean).join(', ');
  return (
    <article className="event-page">
      <title>{`${event.title} · Fieldguide`}</title>
      <p className="breadcrumbs">
        <Link href={back}>{back === '/' ? '← All events' : '← Back to results'}</Link>
      </p>
      <h1>{event.title}</h1>
      {status && (
        <p className={`notice notice--${event.status}`} role="note">
          This event is <strong>{status.toLowerCase()}</strong>. Check the organizer’s page before you go.
        </p>
      )}
      <div className="event-page__layout">
        <div className="event-page__main">
          <dl className="facts">
            <dt>When</dt>
            <dd>
              <time dateTime={event.start}>{formatEventWhen(event)}</time>
              {isHappeningNow(event) && <span className="tag tag--now">Happening now</span>}
              {myZone && !event.allDay && (
                <span className="facts__secondary">Your time: {formatEventWhen({ ...event, timeZone: myZone })}</span>
              )}
            </dd>
            <dt>Where</dt>
            <dd>
              {formatEventPlace(event)}
              {address && event.format !== 'online' && <span className="facts__secondary">{address}</span>}
            </dd>
            <dt>Type</dt>
            <dd>
              {EVENT_TYPE_LABELS[event.type]} · {EVENT_FORMAT_LABELS[event.format]}
            </dd>
            {cost && (
              <>
                <dt>Cost</dt>
                <dd>{cost}</dd>
              </>
            )}
            {event.organizer && (
              <>
                <dt>Organizer</dt>
                <dd>
                  {event.organizer.url ? (
                    <a href={event.organizer.url} rel="noopener noreferrer">
                      {event.organizer.name}
                    </a>
                  ) : (
                    event.organizer.name
                  )}
                </dd>
              </>
            )}
            {event.associationId && (
              <>
                <dt>Association</dt>
                <dd>
                  <AssociationLink id={event.associationId} />
                </dd>
              </>
            )}
            {(fieldIds.length > 0 || event.allFields) && (
              <>
                <dt>Fields</dt>
                <dd>
                  <ul className="chips">
                    {event.allFields && (
                      <li>
                        <span className="chip">{ALL_FIELDS_LABEL}</span>
                      </li>
                    )}
                    {fieldIds.map((id) => (
                      <li key={id}>
                        <Link className="chip" href={`/fields/${id}`}>
                          {names.get(id) ?? fallbackFieldName(id)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {event.tags.length > 0 && (
              <>
                <dt>Tags</dt>
                <dd>{event.tags.join(', ')}</dd>
              </>
            )}
          </dl>
          <SeriesDates event={event} />
          <h2>Hiring signal</h2>
          <HiringBadge score={event.hiring.score} reasons={event.hiring.reasons} showLow />
          {event.description && (
            <>
              <h2>About</h2>
              <p className="event-page__description">{event.description}</p>
            </>
          )}
          {event.cfpUrl && (
            <p>
              <a href={event.cfpUrl} rel="noopener noreferrer">
                Call for speakers
              </a>
              {event.cfpEnd &&
                ` (until ${formatEventWhen({ start: event.cfpEnd, timeZone: event.timeZone, allDay: true })})`}
            </p>
          )}
        </div>
        <aside className="event-page__aside" aria-label="Actions and sources">
          <h2 className="visually-hidden">Actions</h2>
          <p>
            <a className="button button--wide" href={event.url} rel="noopener noreferrer">
              Event website<span className="visually-hidden"> ({hostOf(event.url)})</span>
            </a>
          </p>
          <AddToCalendar
            eventId={event.id}
            info={{ ...event, location, url: event.url, description: event.description }}
          />
          <SaveButton event={event} className="event-page__save" size="wide" />
          <p>
            <ShareButton
              className="button button--wide"
              what="this event"
              data={{
                title: event.title,
                text: [formatEventWhen(event), formatEventPlace(event)].join(' · '),
                url: pageLink(`/events/${encodeURIComponent(event.id)}`),
              }}
            />
          </p>
          <h2 className="aside-heading">Sources</h2>
          <ul className="sources">
            {event.sources.map((source) => (
              <li key={`${source.sourceId} ${source.url}`}>
                <a href={source.url} rel="noopener noreferrer">
                  {hostOf(source.url)}
                </a>
                <span className="sources__seen"> seen {formatLocalDateTime(source.seenAt)}</span>
              </li>
            ))}
          </ul>
          <p className="muted">
            First found {formatLocalDateTime(event.firstSeen)}; last checked {formatLocalDateTime(event.lastSeen)}.
          </p>
        </aside>
      </div>
      {event.related.length > 0 && (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">More events in this field</h2>
          <EventList events={event.related} compact />
        </section>
      )}
    </article>
  );
}

/** The dates of the event's recurring series, this one marked, past ones left out; nothing for a one-off event. */
function SeriesDates({ event }: { event: EventDetail }) {
  const now = Date.now();
  const dates = event.seriesDates.filter((d) => d.id === event.id || Date.parse(d.end ?? d.start) >= now);
  if (dates.length < 2) return null;
  return (
    <section className="series-dates" aria-labelledby="series-dates-heading">
      <h2 id="series-dates-heading">All dates of this series</h2>
      <ol>
        {dates.map((d) => (
          <li key={d.id}>
            {d.id === event.id ? (
              <strong aria-current="page">
                <time dateTime={d.start}>{formatEventWhen({ ...d, format: event.format })}</time> (this date)
              </strong>
            ) : (
              <Link href={`/events/${encodeURIComponent(d.id)}`}>
                <time dateTime={d.start}>{formatEventWhen({ ...d, format: event.format })}</time>
              </Link>
            )}
            {d.status === 'cancelled' && ' — cancelled'}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** `/events/:id`: everything known about one event. */
export function EventDetails({ id }: { id: string }) {
  const { data, error, refetch } = useEvent(id);
  if (error instanceof ApiError && error.status === 404) return <NotFound what="Event" />;
  if (error) return <ErrorMessage error={error} title="Could not load this event" onRetry={() => refetch()} />;
  if (!data) return <Loading label="Loading the event…" />;
  return <EventBody event={data} />;
}
