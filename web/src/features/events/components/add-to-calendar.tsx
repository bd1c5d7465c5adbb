import { eventIcsUrl } from '@fieldguide/shared';
import { feedOrigin } from '../../../lib/feed-urls.js';
import { type CalendarEventInfo, googleCalendarUrl } from '../../../lib/google-calendar.js';

/** "Add to calendar": the event's .ics file (any calendar app) and a Google Calendar template link. */
export function AddToCalendar({ eventId, info }: { eventId: string; info: CalendarEventInfo }) {
  return (
    <div className="add-to-calendar">
      <a className="button button--primary" href={eventIcsUrl(feedOrigin(), eventId)} download={`${eventId}.ics`}>
        Add to calendar (.ics)
      </a>
      <a className="button" href={googleCalendarUrl(info)} target="_blank" rel="noopener noreferrer">
        Add to Google Calendar<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </div>
  );
}
