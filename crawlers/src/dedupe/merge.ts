import { type Event, EventSchema, type HiringSignal, type Venue } from '@fieldguide/shared';
import { laterInstant, mergeSourceRefs } from '../storage/store/merge-sources.js';

const MAX_FIELDS = EventSchema.properties.fields.maxItems ?? 16;
const MAX_PATHWAYS = EventSchema.properties.pathways.maxItems ?? 100;
const MAX_TAGS = EventSchema.properties.tags.maxItems ?? 50;
const MAX_REASONS = 20;

const union = <T>(a: readonly T[], b: readonly T[], max: number): T[] => [...new Set([...a, ...b])].slice(0, max);

const earlierInstant = (a: string, b: string): string => (Date.parse(b) < Date.parse(a) ? b : a);

const venueParts = (venue: Venue | undefined): number => (venue ? Object.keys(venue).length : 0);

/** The venue with more parts, completed with the other's parts when both are the same place. */
function richerVenue(a: Venue | undefined, b: Venue | undefined): Venue | undefined {
  if (!a || !b) return a ?? b;
  const [rich, poor] = venueParts(b) > venueParts(a) ? [b, a] : [a, b];
  const samePlace = !rich.city || !poor.city || rich.city.toLowerCase() === poor.city.toLowerCase();
  return samePlace ? { ...poor, ...rich } : rich;
}

function richerHiring(a: HiringSignal, b: HiringSignal): HiringSignal {
  return { score: Math.max(a.score, b.score), reasons: union(a.reasons, b.reasons, MAX_REASONS) };
}

/** The longer of two texts; the first on a tie. */
const longer = (a: string, b: string): string => (b.length > a.length ? b : a);

/**
 * One event from two records of it. `primary` keeps its id, title and URL; every source reference of both is
 * kept, with the earliest `firstSeen` and the latest `lastSeen`. Otherwise the richer value wins: a timed
 * start over an all-day one, the longer description, the venue with more parts, any end, organizer, cost, CFP
 * or association the other lacks, a status other than `scheduled` (a cancellation is news), the union of
 * fields, pathways and tags, and the stronger hiring signal with both sets of reasons.
 *
 * Deterministic and idempotent: merging a record into the result again changes nothing.
 */
export function mergeEvents(primary: Event, other: Event): Event {
  const timed = primary.allDay && !other.allDay ? other : primary;
  const merged: Event = {
    ...primary,
    description: longer(primary.description, other.description),
    type: primary.type === 'other' ? other.type : primary.type,
    fields: union(primary.fields, other.fields, MAX_FIELDS),
    pathways: union(primary.pathways, other.pathways, MAX_PATHWAYS),
    tags: union(primary.tags, other.tags, MAX_TAGS),
    start: timed.start,
    timeZone: timed.timeZone,
    allDay: timed.allDay,
    format: primary.format === other.format ? primary.format : 'hybrid' === other.format ? 'hybrid' : primary.format,
    status: primary.status === 'scheduled' ? other.status : primary.status,
    hiring: richerHiring(primary.hiring, other.hiring),
    sources: mergeSourceRefs(primary.sources, other.sources),
    delisted: primary.delisted && other.delisted,
    firstSeen: earlierInstant(primary.firstSeen, other.firstSeen),
    lastSeen: laterInstant(primary.lastSeen, other.lastSeen),
    updatedAt: laterInstant(primary.updatedAt, other.updatedAt),
  };
  const end = timed.end ?? (timed === primary ? other.end : primary.end);
  if (end !== undefined && Date.parse(end) > Date.parse(merged.start)) merged.end = end;
  else delete merged.end;
  const venue = richerVenue(primary.venue, other.venue);
  if (venue) merged.venue = venue;
  for (const key of ['organizer', 'cost', 'cfpUrl', 'cfpEnd', 'associationId', 'seriesId'] as const) {
    if (merged[key] === undefined && other[key] !== undefined) Object.assign(merged, { [key]: other[key] });
  }
  return merged;
}
