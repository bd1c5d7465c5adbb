import type { Event, EventFormat, EventType } from '@fieldguide/shared';

/** A real city with its coordinates and zone, for venues and `near` queries. */
export interface SampleCity {
  name: string;
  region: string;
  country: string;
  lat: number;
  lng: number;
  timeZone: string;
}

/** What differs between the generated events of the test seed and of the benchmark corpus. */
export interface SyntheticEventParts {
  id: string;
  title: string;
  description: string;
  url: string;
  type: EventType;
  fields: string[];
  pathways: string[];
  tags: string[];
  start: string;
  end: string;
  /** In person (at its convention center) when given, online otherwise unless `format` says more. */
  city: SampleCity | undefined;
  format: EventFormat;
  hiring: number;
  sourceId: string;
  /** When the source was last seen: firstSeen, lastSeen and updatedAt. */
  seen: string;
  cost?: Event['cost'];
  delisted?: boolean;
}

/** A canonical Event from generated parts: hiring reasons from the score, a venue at the city's center. */
export function syntheticEvent(parts: SyntheticEventParts): Event {
  const event: Event = {
    id: parts.id,
    title: parts.title,
    description: parts.description,
    url: parts.url,
    type: parts.type,
    fields: parts.fields,
    pathways: parts.pathways,
    tags: parts.tags,
    start: parts.start,
    end: parts.end,
    timeZone: parts.city?.timeZone ?? 'UTC',
    allDay: false,
    format: parts.format,
    status: 'scheduled',
    hiring: { score: parts.hiring, reasons: parts.hiring >= 0.8 ? ['Career fair or recruiting event'] : [] },
    sources: [{ sourceId: parts.sourceId, url: parts.url, seenAt: parts.seen }],
    delisted: parts.delisted ?? false,
    firstSeen: parts.seen,
    lastSeen: parts.seen,
    updatedAt: parts.seen,
  };
  const { city } = parts;
  if (city) {
    event.venue = {
      name: `${city.name} Convention Center`,
      city: city.name,
      region: city.region,
      country: city.country,
      lat: city.lat,
      lng: city.lng,
    };
  }
  if (parts.cost) event.cost = parts.cost;
  return event;
}
