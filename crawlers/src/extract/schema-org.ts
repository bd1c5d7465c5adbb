import { normalizeStatus } from '../normalize/normalize-status.js';
import { cleanTitle, htmlToText, looksLikeHtml, removeInvisible } from '../normalize/normalize-text.js';
import { parseDateValue } from './dates.js';
import type { ExtractedBy, RawAttendanceMode, RawEvent, RawOffer, RawOrganizer, RawVenue } from './raw-event.js';
import { expandSchedule, type ScheduleWindow } from './schedule.js';
import { absoluteUrl, asArray, compact, isNode, parsePrice, toNumber } from './util.js';

export { isNode };

/** A schema.org node as JSON-LD has it (microdata is read into the same shape). */
export type SchemaNode = { [key: string]: unknown };

/** schema.org types that are events (Event and its subtypes, pending ones included). */
export const EVENT_TYPES = new Set([
  'Event',
  'BusinessEvent',
  'ChildrensEvent',
  'ComedyEvent',
  'CourseInstance',
  'DanceEvent',
  'DeliveryEvent',
  'EducationEvent',
  'EventSeries',
  'ExhibitionEvent',
  'Festival',
  'FoodEvent',
  'Hackathon',
  'LiteraryEvent',
  'MusicEvent',
  'PublicationEvent',
  'BroadcastEvent',
  'OnDemandEvent',
  'SaleEvent',
  'ScreeningEvent',
  'SocialEvent',
  'SportsEvent',
  'TheaterEvent',
  'VisualArtsEvent',
]);

/** schema.org types that are organizations worth knowing for association discovery. */
export const ORGANIZATION_TYPES = new Set([
  'Organization',
  'NGO',
  'Corporation',
  'EducationalOrganization',
  'CollegeOrUniversity',
  'GovernmentOrganization',
  'MedicalOrganization',
  'ResearchOrganization',
  'SportsOrganization',
  'WorkersUnion',
  'Consortium',
  'NonprofitOrganization',
  'ProfessionalService',
  'Project',
  'FundingScheme',
]);

const MAX_DEPTH = 12;

/**
 * True for a schema.org Event type, and for extension types that follow its naming (`ConferenceEvent`,
 * `NetworkingEvent`): any name ending in `Event`. Names come from {@link nodeTypes}.
 */
export function isEventType(type: string): boolean {
  return EVENT_TYPES.has(type) || /^[A-Z][A-Za-z0-9]*Event$/.test(type);
}

/** True when one of the node's types is an event type. */
export function isEventNode(node: SchemaNode): boolean {
  return nodeTypes(node).some(isEventType);
}

/** The node's types without the schema.org prefix (`http://schema.org/Event` → `Event`). */
export function nodeTypes(node: SchemaNode): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) =>
      t
        .trim()
        .replace(/^(https?:\/\/)?(www\.)?schema\.org\//i, '')
        .replace(/^schema:/i, ''),
    );
}

/** Reads nodes, resolving `{ "@id": … }` references to the full node of that id where the document has one. */
export class NodeReader {
  private readonly byId = new Map<string, SchemaNode>();

  constructor(roots: unknown[]) {
    for (const root of roots) this.index(root, 0);
  }

  private index(value: unknown, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (const v of value) this.index(v, depth + 1);
      return;
    }
    if (!isNode(value)) return;
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1 && !this.byId.has(id)) this.byId.set(id, value);
    for (const v of Object.values(value)) this.index(v, depth + 1);
  }

  resolve(value: unknown): unknown {
    if (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return this.byId.get(value['@id']) ?? value;
    }
    return value;
  }

  /** Every value of a property, references resolved. */
  all(node: SchemaNode, key: string): unknown[] {
    return asArray(node[key]).map((v) => this.resolve(v));
  }

  first(node: SchemaNode, key: string): unknown {
    return this.all(node, key)[0];
  }

  /** The first property value as a string (`@value` objects and numbers included). */
  str(node: SchemaNode, key: string): string | undefined {
    for (const v of this.all(node, key)) {
      const s = scalar(v);
      if (s) return s;
    }
    return undefined;
  }

  /** Every node in the document (depth-first), stopping inside nodes for which `stopAt` says so. */
  *walk(roots: unknown[], stopAt: (node: SchemaNode) => boolean): Generator<SchemaNode> {
    const seen = new Set<SchemaNode>();
    const stack: { value: unknown; depth: number }[] = roots.map((value) => ({ value, depth: 0 })).reverse();
    while (stack.length > 0) {
      const { value, depth } = stack.pop()!;
      if (depth > MAX_DEPTH) continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1 });
        continue;
      }
      if (!isNode(value) || seen.has(value)) continue;
      seen.add(value);
      yield value;
      if (stopAt(value)) continue;
      const children = Object.entries(value).filter(([k]) => k !== '@context');
      for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i]![1], depth: depth + 1 });
    }
  }
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isNode(value) && (typeof value['@value'] === 'string' || typeof value['@value'] === 'number')) {
    return String(value['@value']).trim() || undefined;
  }
  return undefined;
}

function attendanceMode(value: string | undefined): RawAttendanceMode | undefined {
  const word = value?.split(/[/#:]/).pop()?.toLowerCase() ?? '';
  if (word.startsWith('offline')) return 'offline';
  if (word.startsWith('online')) return 'online';
  if (word.startsWith('mixed')) return 'mixed';
  return undefined;
}

function readAddress(r: NodeReader, value: unknown, venue: RawVenue): void {
  if (typeof value === 'string') {
    venue.address ??= cleanTitle(value) || undefined;
    return;
  }
  if (!isNode(value)) return;
  const street = r.str(value, 'streetAddress');
  if (street) venue.address ??= cleanTitle(street);
  const city = r.str(value, 'addressLocality');
  if (city) venue.city ??= cleanTitle(city);
  const region = r.str(value, 'addressRegion');
  if (region) venue.region ??= cleanTitle(region);
  const postal = r.str(value, 'postalCode');
  if (postal) venue.postalCode ??= cleanTitle(postal);
  const country = r.first(value, 'addressCountry');
  const countryText = isNode(country) ? r.str(country, 'name') : scalar(country);
  if (countryText) venue.country ??= cleanTitle(countryText);
}

function readGeo(r: NodeReader, node: SchemaNode, venue: RawVenue): void {
  const geo = r.first(node, 'geo');
  const source = isNode(geo) ? geo : node;
  const lat = toNumber(r.str(source, 'latitude'));
  const lng = toNumber(r.str(source, 'longitude'));
  if (lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
    venue.lat = lat;
    venue.lng = lng;
  }
}

interface LocationInfo {
  venue?: RawVenue;
  virtualUrl?: string;
  online?: boolean;
}

function readLocations(r: NodeReader, event: SchemaNode, pageUrl: string): LocationInfo {
  const info: LocationInfo = {};
  for (const loc of r.all(event, 'location')) {
    if (typeof loc === 'string') {
      const url = /^https?:\/\//i.test(loc.trim()) ? absoluteUrl(loc) : undefined;
      if (url) info.virtualUrl ??= url;
      else if (!info.venue && loc.trim()) info.venue = { address: cleanTitle(loc) };
      continue;
    }
    if (!isNode(loc)) continue;
    const types = nodeTypes(loc);
    if (types.includes('VirtualLocation')) {
      info.online = true;
      info.virtualUrl ??= absoluteUrl(r.str(loc, 'url'), pageUrl);
      continue;
    }
    if (info.venue) continue;
    const venue: RawVenue = {};
    if (types.includes('PostalAddress')) readAddress(r, loc, venue);
    else {
      const name = r.str(loc, 'name');
      if (name) venue.name = cleanTitle(name);
      for (const address of r.all(loc, 'address')) readAddress(r, address, venue);
      readGeo(r, loc, venue);
    }
    const compacted = compact(venue);
    if (Object.keys(compacted).length > 0) info.venue = compacted;
  }
  return info;
}

function readOffers(r: NodeReader, event: SchemaNode): RawOffer[] {
  const offers: RawOffer[] = [];
  const free = r.first(event, 'isAccessibleForFree');
  const explicitFree = free === true || (typeof free === 'string' && /^(true|yes)$/i.test(free.trim()));
  for (const offer of r.all(event, 'offers')) {
    if (!isNode(offer)) continue;
    const currency = r.str(offer, 'priceCurrency')?.toUpperCase();
    const price = parsePrice(r.first(offer, 'price') ?? r.str(offer, 'price'));
    const low = parsePrice(r.first(offer, 'lowPrice'));
    const high = parsePrice(r.first(offer, 'highPrice'));
    const out = compact<RawOffer>({
      price: price.amount,
      lowPrice: low.amount,
      highPrice: high.amount,
      currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : (price.currency ?? low.currency),
      isFree: price.free || (low.free && high.amount === undefined) || undefined,
    });
    if (Object.keys(out).length > 0) offers.push(out);
  }
  if (explicitFree && !offers.some((o) => o.isFree)) offers.push({ price: 0, isFree: true });
  return offers;
}

function readAgent(r: NodeReader, value: unknown, pageUrl: string): RawOrganizer | undefined {
  if (typeof value === 'string') {
    const name = cleanTitle(value);
    return name ? { name } : undefined;
  }
  if (!isNode(value)) return undefined;
  const name = r.str(value, 'name');
  if (!name) return undefined;
  const url = absoluteUrl(r.str(value, 'url') ?? r.str(value, 'sameAs'), pageUrl);
  return compact({ name: cleanTitle(name), url });
}

function readImage(r: NodeReader, event: SchemaNode, pageUrl: string): string | undefined {
  for (const img of r.all(event, 'image')) {
    const url = absoluteUrl(isNode(img) ? (r.str(img, 'url') ?? r.str(img, 'contentUrl')) : img, pageUrl);
    if (url) return url;
  }
  return undefined;
}

function readKeywords(r: NodeReader, event: SchemaNode): string[] {
  const words = new Set<string>();
  for (const kw of r.all(event, 'keywords')) {
    const text = isNode(kw) ? r.str(kw, 'name') : scalar(kw);
    for (const word of text?.split(',') ?? []) {
      const clean = cleanTitle(word).slice(0, 80);
      if (clean) words.add(clean);
    }
  }
  return [...words].slice(0, 50);
}

/** Options of {@link eventsFromNode}. */
export interface SchemaEventOptions {
  /** Where and how far an `eventSchedule` is expanded. */
  schedule: ScheduleWindow;
}

/**
 * Maps one schema.org Event node to raw events: one, or one per occurrence of its `eventSchedule` in the
 * window (sharing a `seriesKey`). `warnings` say what was skipped and why (no name, no readable start date or
 * schedule).
 */
export function eventsFromNode(
  r: NodeReader,
  node: SchemaNode,
  pageUrl: string,
  extractedBy: ExtractedBy,
  opts: SchemaEventOptions,
): { events: RawEvent[]; warnings: string[] } {
  const rawName = r.str(node, 'name') ?? r.str(node, 'headline');
  const title = rawName ? cleanTitle(rawName) : '';
  const types = nodeTypes(node);
  const label = `${types[0] ?? 'Event'} "${title || '(no name)'}"`;
  if (!title && rawName?.trim()) {
    const written = JSON.stringify(removeInvisible(rawName).slice(0, 80));
    return {
      events: [],
      warnings: [`${extractedBy}: Event named ${written} skipped: its name is markup, with no text`],
    };
  }
  if (!title) return { events: [], warnings: [`${extractedBy}: ${label} skipped: no name`] };
  const startText = r.str(node, 'startDate');
  const start = parseDateValue(startText);
  const end = parseDateValue(r.str(node, 'endDate'));
  const warnings: string[] = [];
  const base = eventDetails(r, node, pageUrl, extractedBy, title, types);
  const schedules = r.all(node, 'eventSchedule').filter(isNode);
  if (schedules.length > 0) {
    const occurrences = schedules.flatMap((schedule) => {
      const expanded = expandSchedule(r, schedule, { start, end }, opts.schedule);
      warnings.push(...expanded.warnings.map((w) => `${extractedBy}: ${label}: ${w}`));
      return expanded.occurrences;
    });
    if (occurrences.length > 0) {
      const seriesKey = base.uid ?? `${base.url ?? pageUrl}#${title}`;
      const events = occurrences.map((o) =>
        compact<RawEvent>({ ...base, ...o, uid: base.uid ? `${base.uid}#${o.start}` : undefined, seriesKey }),
      );
      return { events, warnings };
    }
  }
  if (!start) {
    const why = startText ? `unreadable startDate "${startText}"` : 'no startDate';
    return { events: [], warnings: [...warnings, `${extractedBy}: ${label} skipped: ${why}`] };
  }
  const event = compact<RawEvent>({
    ...base,
    start: start.value,
    end: end?.value,
    allDay: start.dateOnly || undefined,
  });
  return { events: [event], warnings };
}

/** Everything an Event node says apart from its dates. */
function eventDetails(
  r: NodeReader,
  node: SchemaNode,
  pageUrl: string,
  extractedBy: ExtractedBy,
  title: string,
  types: string[],
): Omit<RawEvent, 'start'> {
  const rawDescription = r.str(node, 'description');
  const loc = readLocations(r, node, pageUrl);
  let mode = attendanceMode(r.str(node, 'eventAttendanceMode'));
  if (!mode && loc.online) mode = loc.venue ? 'mixed' : 'online';
  const organizer = r
    .all(node, 'organizer')
    .map((o) => readAgent(r, o, pageUrl))
    .find(Boolean);
  const performers = r
    .all(node, 'performer')
    .map((p) => readAgent(r, p, pageUrl)?.name)
    .filter((n): n is string => Boolean(n));
  const id = r.str(node, '@id');
  return compact<Omit<RawEvent, 'start'>>({
    title,
    description: rawDescription ? htmlToText(rawDescription) : undefined,
    descriptionHtml: rawDescription && looksLikeHtml(rawDescription) ? rawDescription : undefined,
    url: absoluteUrl(r.str(node, 'url'), pageUrl),
    uid: id ? (absoluteUrl(id, pageUrl) ?? id) : undefined,
    attendanceMode: mode,
    status: normalizeStatus(r.str(node, 'eventStatus')),
    venue: loc.venue,
    virtualUrl: loc.virtualUrl,
    organizer,
    performers: [...new Set(performers)],
    offers: readOffers(r, node),
    keywords: readKeywords(r, node),
    typeHint: types.find((t) => isEventType(t) && t !== 'Event') ?? types.find((t) => t !== 'Event'),
    image: readImage(r, node, pageUrl),
    extractedBy,
  });
}

/** An organization as schema.org data on a page describes it (for association auto-discovery). */
export interface RawOrganization {
  name: string;
  types: string[];
  url?: string;
  description?: string;
  logo?: string;
  /** Profiles elsewhere (social networks, Wikipedia), absolute URLs. */
  sameAs: string[];
  /** A job board or career center link, when the data or the page names one. */
  jobBoardUrl?: string;
  email?: string;
  address?: RawVenue;
}

export function organizationFromNode(r: NodeReader, node: SchemaNode, pageUrl: string): RawOrganization | undefined {
  const name = r.str(node, 'name') ?? r.str(node, 'legalName');
  if (!name || !cleanTitle(name)) return undefined;
  const description = r.str(node, 'description');
  const sameAs = r
    .all(node, 'sameAs')
    .map((s) => absoluteUrl(scalar(s), pageUrl))
    .filter((s): s is string => Boolean(s));
  const logo = r.first(node, 'logo');
  const address: RawVenue = {};
  for (const a of r.all(node, 'address')) readAddress(r, a, address);
  const email = r.str(node, 'email')?.replace(/^mailto:/i, '');
  const jobBoardUrl = sameAs.find((s) => /\b(jobs?|careers?|career-?cent(er|re)|job-?board)\b/i.test(s));
  const org = compact<RawOrganization>({
    name: cleanTitle(name),
    types: nodeTypes(node),
    url: absoluteUrl(r.str(node, 'url'), pageUrl),
    description: description ? htmlToText(description, { maxLength: 5000 }) : undefined,
    logo: absoluteUrl(isNode(logo) ? r.str(logo, 'url') : scalar(logo), pageUrl),
    sameAs: [],
    jobBoardUrl,
    email,
    address: Object.keys(compact(address)).length > 0 ? compact(address) : undefined,
  });
  return { ...org, sameAs: [...new Set(sameAs)] };
}
