import type { AssociationScope, EventFormat, EventStatus, EventType, SearchSort } from '@fieldguide/shared';

/** What each event type is called in the UI; a `Record` so a new type in `shared` fails the type check here. */
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

export const SORT_LABELS: Readonly<Record<SearchSort, string>> = {
  relevance: 'Best match',
  date: 'Soonest',
  hiring: 'Hiring signal',
  distance: 'Nearest',
};

/** Label lists in display order, for pickers. */
export const entriesOf = <K extends string>(labels: Readonly<Record<K, string>>): [K, string][] =>
  Object.entries(labels) as [K, string][];

/** The hiring score at or above which the UI says "hiring managers likely". */
export const HIRING_LIKELY = 0.5;
