import type { EventHit } from '@fieldguide/shared';
import { displayTimeZone, formatMoreDates } from '@fieldguide/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.js';
import type { QueryValue } from '../../../lib/api-client.js';
import {
  addMonths,
  apiDateRange,
  type CalendarDate,
  type CalendarMonth,
  dateInZone,
  intersectRanges,
  monthOf,
  monthRange,
} from '../../../lib/date-range.js';
import { formatCount } from '../../../lib/format.js';
import { uiLocale, viewerTimeZone } from '../../../lib/viewer.js';
import { searchEventsQueryOptions } from '../api/search-events.js';
import { buildMonthGrid, type MonthDay, visibleEvents } from '../month-grid.js';
import type { SearchState } from '../search-state.js';
import './month-view.css';

export interface MonthViewProps {
  state: SearchState;
  /** The search's `/api/search` parameters, as the list asks them (its days replaced by the month's). */
  params: Record<string, QueryValue>;
  onChange: (update: (prev: SearchState) => SearchState) => void;
}

/** Most events one month shows: one page of the API's largest. */
const MONTH_LIMIT = 100;
/** Events a day shows before "+N more". */
const DAY_LIMIT = 3;
const WEEKDAYS: readonly [short: string, long: string][] = [
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
];

const atNoonUtc = (date: CalendarDate) => new Date(`${date}T12:00:00Z`);
const formatMonth = (month: CalendarMonth) =>
  new Intl.DateTimeFormat(uiLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    atNoonUtc(`${month}-01`),
  );
const formatDay = (date: CalendarDate) =>
  new Intl.DateTimeFormat(uiLocale(), { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    atNoonUtc(date),
  );

/** How many events the month shows; at the limit, that there may be more. A series counts once, as in the list. */
function monthCountText(shown: number): string {
  if (shown >= MONTH_LIMIT) {
    return `The first ${formatCount(shown)} events this month, soonest first: narrow the search to see them all.`;
  }
  return `${formatCount(shown)} ${shown === 1 ? 'event' : 'events'} this month`;
}

/** "9:30 AM" in the zone the event's time is shown in; nothing for all-day events. */
function startTime(event: EventHit, viewerZone: string | undefined): string {
  if (event.allDay) return '';
  return new Intl.DateTimeFormat(uiLocale(), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: displayTimeZone(event, viewerZone),
  }).format(new Date(event.start));
}

function DayCell({ day, viewerZone }: { day: MonthDay<EventHit>; viewerZone: string | undefined }) {
  const [expanded, setExpanded] = useState(false);
  const { shown, more } = visibleEvents(day.events, DAY_LIMIT);
  const events = expanded ? day.events : shown;
  const className = [
    'month-grid__day',
    day.inMonth ? '' : 'month-grid__day--outside',
    day.isToday ? 'month-grid__day--today' : '',
    day.events.length === 0 ? 'month-grid__day--empty' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td className={className} aria-current={day.isToday ? 'date' : undefined}>
      <p className="month-grid__date">
        <span aria-hidden="true">{Number(day.date.slice(8))}</span>
        <span className="visually-hidden">{formatDay(day.date)}</span>
        {day.isToday && <span className="month-grid__today">Today</span>}
      </p>
      {events.length > 0 && (
        <ul className="month-grid__events">
          {events.map((event) => {
            const time = startTime(event, viewerZone);
            return (
              <li key={event.id}>
                <Link
                  href={`/events/${encodeURIComponent(event.id)}`}
                  className="month-grid__event"
                  title={event.title}
                >
                  {time && <span className="month-grid__time">{time} </span>}
                  {event.title}
                  {event.series && event.series.moreDates > 0 && (
                    <span className="month-grid__series"> ({formatMoreDates(event.series.moreDates)})</span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {more > 0 && (
        <button
          type="button"
          className="link-button month-grid__more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `+${more} more`}
          <span className="visually-hidden"> on {formatDay(day.date)}</span>
        </button>
      )}
    </td>
  );
}

/**
 * The search's results as a month: the same filters, limited to the month's days, laid out on a grid (a table
 * with a column per weekday), each event on every day it runs; previous and next month buttons.
 */
export default function MonthView({ state, params, onChange }: MonthViewProps) {
  const viewerZone = useMemo(() => viewerTimeZone(), []);
  const today = dateInZone(new Date(), viewerZone);
  const month = state.month ?? monthOf(state.from && state.from > today ? state.from : today);
  const days = intersectRanges({ from: state.from, to: state.to }, monthRange(month));
  const monthParams = {
    ...params,
    ...apiDateRange(days ?? {}, viewerZone),
    page: undefined,
    limit: MONTH_LIMIT,
    sort: 'date',
    facets: false,
  };
  const search = useQuery({ ...searchEventsQueryOptions(monthParams), enabled: days !== undefined });
  const data = search.isPlaceholderData ? undefined : search.data;
  const grid = useMemo(
    () => buildMonthGrid(month, data?.hits ?? [], { today, viewerTimeZone: viewerZone }),
    [month, data, today, viewerZone],
  );
  const title = formatMonth(month);
  const go = (count: number) => onChange((prev) => ({ ...prev, month: addMonths(month, count) }));
  const isPast = monthRange(month).to < today;

  return (
    <section className="month-view" aria-labelledby="month-heading" aria-busy={search.isFetching}>
      <div className="month-view__header">
        <button type="button" className="button button--small" onClick={() => go(-1)}>
          <span aria-hidden="true">‹ </span>Previous month
        </button>
        <h2 id="month-heading" className="month-view__title" aria-live="polite">
          {title}
        </h2>
        <button type="button" className="button button--small" onClick={() => go(1)}>
          Next month<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <p className="month-view__count" aria-live="polite">
        {!days
          ? 'This month is outside the search’s dates.'
          : isPast
            ? 'This month is over: only upcoming events are listed.'
            : data
              ? monthCountText(data.hits.length)
              : ''}
      </p>
      {search.error && !search.isFetching ? (
        <ErrorMessage error={search.error} title="The search failed" onRetry={() => search.refetch()} />
      ) : days && !data && !isPast ? (
        <Loading label="Searching events…" />
      ) : data && data.hits.length === 0 ? (
        <EmptyState title="No events match this search this month." />
      ) : null}
      <table className="month-grid">
        <caption className="visually-hidden">Events in {title}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr key={week[0]?.date}>
              {week.map((day) => (
                <DayCell key={day.date} day={day} viewerZone={viewerZone} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
