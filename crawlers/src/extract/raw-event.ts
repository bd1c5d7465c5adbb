/** Which extractor produced a raw event. */
export type ExtractedBy =
  | 'json-ld'
  | 'microdata'
  | 'rdfa'
  | 'microformats'
  | 'ical'
  | 'rss'
  | 'atom'
  | 'wordpress-events'
  | 'json-list'
  | 'localist';

/** schema.org eventAttendanceMode, simplified. */
export type RawAttendanceMode = 'offline' | 'online' | 'mixed';

/** schema.org eventStatus (and iCalendar STATUS), simplified; `moved-online` is EventMovedOnline. */
export type RawEventStatus = 'scheduled' | 'cancelled' | 'postponed' | 'rescheduled' | 'moved-online';

/** A place as the source gave it; `country` is free text ("U.S.A.", "Deutschland", "DE"). */
export interface RawVenue {
  name?: string;
  address?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  /** Latitude in decimal degrees. */
  lat?: number;
  /** Longitude in decimal degrees. */
  lng?: number;
}

export interface RawOrganizer {
  name: string;
  url?: string;
}

/** One price as the source gave it; amounts in `currency` units (not cents). */
export interface RawOffer {
  price?: number;
  lowPrice?: number;
  highPrice?: number;
  /** ISO 4217 code when the source gave one or it could be read off a symbol. */
  currency?: string;
  isFree?: boolean;
}

/**
 * An event as an extractor read it, before normalization: only `title`, `start` and `extractedBy` are
 * guaranteed. Text fields are plain text; `descriptionHtml` keeps the source's HTML when it had any.
 */
export interface RawEvent {
  title: string;
  description?: string;
  /** The source's HTML as it came, unsanitized: convert with `htmlToText` or sanitize before showing it. */
  descriptionHtml?: string;
  /** Absolute URL of the event's page. */
  url?: string;
  /**
   * ISO 8601: an instant with `Z` or an offset, a floating local time `YYYY-MM-DDTHH:mm:ss` (read in
   * `timeZone`, else in the venue's or the source's zone), or a date `YYYY-MM-DD`.
   */
  start: string;
  /** Same forms as `start`. For all-day events this is the last day, inclusive. */
  end?: string;
  /** IANA zone the source named for the event. */
  timeZone?: string;
  /**
   * Whose zone `timeZone` is: the event's own (`stated`, the default) or its calendar's default (`calendar`, an
   * iCalendar X-WR-TIMEZONE).
   */
  timeZoneSource?: 'stated' | 'calendar';
  allDay?: boolean;
  /** The source's own id (iCal UID, with `#RECURRENCE-ID` for an occurrence; JSON-LD `@id`; WordPress id). */
  uid?: string;
  /**
   * Shared by the occurrences of one recurring event a page describes as a schedule (schema.org
   * `eventSchedule`), so they make one series. iCalendar occurrences are told by their `uid` instead.
   */
  seriesKey?: string;
  attendanceMode?: RawAttendanceMode;
  status?: RawEventStatus;
  venue?: RawVenue;
  /** Where to join online. */
  virtualUrl?: string;
  organizer?: RawOrganizer;
  performers?: string[];
  offers?: RawOffer[];
  keywords?: string[];
  /** schema.org Event subtype (`BusinessEvent`, `EducationEvent`, …) or the source's topic. */
  typeHint?: string;
  image?: string;
  /** Call for papers/speakers. */
  cfpUrl?: string;
  /** Last day to submit, same forms as `start`. */
  cfpEnd?: string;
  extractedBy: ExtractedBy;
}

/** What every extractor returns: what it found, and what it skipped or doubted, in words. */
export interface ExtractResult {
  events: RawEvent[];
  warnings: string[];
}

/** A link an extractor thinks worth fetching next, with why. */
export interface FollowLink {
  url: string;
  kind: 'event-page' | 'feed' | 'ics' | 'wordpress-events' | 'json' | 'sitemap' | 'next-page';
  /** Last modification time the source claims (sitemaps), ISO 8601. */
  lastmod?: string;
}
