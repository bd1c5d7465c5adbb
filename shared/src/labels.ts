import type { AssociationScope } from './association/association.schema.js';
import type { EventFormat, EventStatus, EventType } from './event/event.schema.js';
import type { SourceKind } from './source/source.schema.js';

// What people read for each value, in one place for the app, the widget, the embeds and the feeds.
// Each is a `Record`, so a new value in a schema fails the type check here until it has a label.

export const EVENT_TYPE_LABELS: Readonly<Record<EventType, string>> = {
  conference: 'Conference',
  seminar: 'Seminar',
  workshop: 'Workshop',
  'association-meeting': 'Association meeting',
  'career-fair': 'Career fair',
  networking: 'Networking',
  meetup: 'Meetup',
  webinar: 'Webinar',
  other: 'Other',
};

/** What an event open to every field shows where other events show their field names. */
export const ALL_FIELDS_LABEL = 'All fields';

export const EVENT_FORMAT_LABELS: Readonly<Record<EventFormat, string>> = {
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'Hybrid',
};

export const EVENT_STATUS_LABELS: Readonly<Record<EventStatus, string>> = {
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  postponed: 'Postponed',
  rescheduled: 'Rescheduled',
};

export const SCOPE_LABELS: Readonly<Record<AssociationScope, string>> = {
  international: 'International',
  national: 'National',
  regional: 'Regional',
  local: 'Local',
};

/** How a source is read, in words a visitor suggesting one understands. */
export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  auto: 'A calendar, feed or page, read as it comes',
  html: 'Event data on the page itself',
  listing: 'An events page and the event pages it links to',
  ics: 'An iCalendar calendar',
  feed: 'An RSS or Atom feed',
  'wordpress-events': 'The Events Calendar (WordPress) API',
  'json-list': 'A JSON list of events',
  sitemap: 'A sitemap of event pages',
};
