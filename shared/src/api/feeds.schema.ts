import { type Static, Type } from '@sinclair/typebox';

/** `GET /api/feeds`: a field's or a search's feed in every format. */
export const FeedUrlsSchema = Type.Object(
  {
    title: Type.String({ description: 'the feed title, e.g. "Fieldguide — Information Technology events"' }),
    ics: Type.String({ description: 'iCalendar (subscribe in Google Calendar, Outlook)' }),
    webcal: Type.String({ description: 'the iCalendar feed as webcal:// (Apple Calendar, Outlook desktop)' }),
    rss: Type.String({ description: 'RSS 2.0' }),
    atom: Type.String({ description: 'Atom 1.0' }),
    json: Type.String({ description: 'JSON Feed 1.1' }),
  },
  { title: 'FeedUrls' },
);
export type FeedUrlsResponse = Static<typeof FeedUrlsSchema>;
