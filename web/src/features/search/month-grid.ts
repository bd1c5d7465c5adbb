import { displayTimeZone, type EventTiming } from '@fieldguide/shared';
import {
  addDays,
  type CalendarDate,
  type CalendarMonth,
  dateInZone,
  intersectRanges,
  monthRange,
  weekdayIndex,
} from '../../lib/date-range.js';

/** One cell of the month grid. */
export interface MonthDay<E> {
  date: CalendarDate;
  /** False for the days of the months before and after that fill the first and last week. */
  inMonth: boolean;
  isToday: boolean;
  /** Events running that day, in the order given; none on days outside the month. */
  events: E[];
}

/** A month as weeks of seven days, Monday first, every day of the month in it. */
export interface MonthGrid<E> {
  month: CalendarMonth;
  weeks: MonthDay<E>[][];
}

/**
 * The first and last day an event runs on, in the zone its time is shown in ({@link displayTimeZone}): an end at
 * midnight belongs to the day before (all-day events end at the next day's midnight).
 */
export function eventDays(event: EventTiming, viewerTimeZone?: string): { first: CalendarDate; last: CalendarDate } {
  const zone = displayTimeZone(event, viewerTimeZone);
  const startMs = Date.parse(event.start);
  const endMs = event.end ? Date.parse(event.end) : startMs;
  const first = dateInZone(new Date(startMs), zone);
  // An end not after the start (bad data) still gives the event its first day.
  const last = endMs > startMs ? dateInZone(new Date(endMs - 1), zone) : first;
  return { first, last };
}

/** Lays `events` (in start order) out on the month's days, a multi-day event on each day it spans. */
export function buildMonthGrid<E extends EventTiming>(
  month: CalendarMonth,
  events: readonly E[],
  options: { today: CalendarDate; viewerTimeZone?: string },
): MonthGrid<E> {
  const { from, to } = monthRange(month);
  const gridStart = addDays(from, -weekdayIndex(from));
  const byDay = new Map<CalendarDate, E[]>();
  for (const event of events) {
    const { first, last } = eventDays(event, options.viewerTimeZone);
    const shown = intersectRanges({ from: first, to: last }, { from, to });
    if (!shown) continue;
    for (let day = shown.from; day <= shown.to; day = addDays(day, 1)) {
      const list = byDay.get(day);
      if (list) list.push(event);
      else byDay.set(day, [event]);
    }
  }
  const weeks: MonthDay<E>[][] = [];
  for (let weekStart = gridStart; weekStart <= to; weekStart = addDays(weekStart, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = addDays(weekStart, i);
        return {
          date,
          inMonth: date >= from && date <= to,
          isToday: date === options.today,
          events: byDay.get(date) ?? [],
        };
      }),
    );
  }
  return { month, weeks };
}

/** The events a day shows before "+N more", and N. */
export function visibleEvents<E>(events: readonly E[], limit: number): { shown: readonly E[]; more: number } {
  // "+1 more" would take the room of the one event it hides.
  if (events.length <= limit + 1) return { shown: events, more: 0 };
  return { shown: events.slice(0, limit), more: events.length - limit };
}
