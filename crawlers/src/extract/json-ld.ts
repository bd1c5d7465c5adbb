import { type CheerioAPI, load } from 'cheerio';
import { jsonrepair } from 'jsonrepair';
import type { IcalExtractOptions } from './ical.js';
import type { ExtractedBy, ExtractResult, RawEvent } from './raw-event.js';
import { scheduleWindow } from './schedule.js';
import {
  eventsFromNode,
  isEventNode,
  NodeReader,
  nodeTypes,
  ORGANIZATION_TYPES,
  organizationFromNode,
  type RawOrganization,
} from './schema-org.js';

/** Options shared by the HTML extractors. */
export interface HtmlExtractOptions {
  /** An already parsed document, to avoid parsing the same page twice. */
  $?: CheerioAPI;
  /** Where `eventSchedule`s are expanded, as for a recurring iCalendar event (default: the next 18 months). */
  recurrence?: IcalExtractOptions;
}

/**
 * Raw events of the schema.org nodes read from a page (JSON-LD, microdata, RDFa, microformats): every Event
 * node, nested ones included; an event without a `url` gets the page's URL when it is the only one.
 */
export function eventsFromNodes(
  roots: unknown[],
  pageUrl: string,
  extractedBy: ExtractedBy,
  opts: HtmlExtractOptions,
): ExtractResult {
  const reader = new NodeReader(roots);
  const events: RawEvent[] = [];
  const warnings: string[] = [];
  const schedule = scheduleWindow(opts.recurrence);
  for (const node of reader.walk(roots, isEventNode)) {
    if (!isEventNode(node)) continue;
    const found = eventsFromNode(reader, node, pageUrl, extractedBy, { schedule });
    events.push(...found.events);
    warnings.push(...found.warnings);
  }
  if (events.length === 1 && !events[0]!.url) events[0]!.url = pageUrl;
  return { events, warnings };
}

/** Reads the JSON-LD blocks of a page; a block that is not JSON even after a light repair is skipped with a warning. */
export function readJsonLdBlocks($: CheerioAPI, warnings: string[]): unknown[] {
  const blocks: unknown[] = [];
  let i = 0;
  $('script').each((_, el) => {
    const type = ($(el).attr('type') ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) return;
    i++;
    const raw = $(el).text();
    const text = raw
      .trim()
      .replace(/^<!--/, '')
      .replace(/-->$/, '')
      .replace(/^\s*(\/\/\s*)?<!\[CDATA\[/, '')
      .replace(/(\/\/\s*)?\]\]>\s*$/, '')
      .trim();
    if (!text) return;
    try {
      blocks.push(JSON.parse(text));
      return;
    } catch (error) {
      try {
        blocks.push(JSON.parse(jsonrepair(text)));
        warnings.push(`json-ld: block ${i} was not valid JSON (${(error as Error).message}); read after repair`);
      } catch {
        warnings.push(`json-ld: block ${i} skipped: not valid JSON (${(error as Error).message})`);
      }
    }
  });
  return blocks;
}

/**
 * Extracts schema.org events (Event and every subtype) from a page's JSON-LD: `@graph`s, arrays, events nested
 * in other nodes (ItemList, WebPage, Organization), `@id` references, `eventSchedule`s. An event without a
 * `url` gets the page's URL when it is the only event on the page. Malformed blocks become warnings, never
 * throws.
 */
export function extractJsonLd(body: string, pageUrl: string, opts: HtmlExtractOptions = {}): ExtractResult {
  const warnings: string[] = [];
  const $ = opts.$ ?? load(body);
  const blocks = readJsonLdBlocks($, warnings);
  const result = eventsFromNodes(blocks, pageUrl, 'json-ld', opts);
  return { events: result.events, warnings: [...warnings, ...result.warnings] };
}

/** Organizations a page describes in JSON-LD. */
export interface OrganizationsResult {
  organizations: RawOrganization[];
  warnings: string[];
}

/** Extracts schema.org Organization nodes (and subtypes) from a page's JSON-LD, for association discovery. */
export function extractOrganizations(
  body: string,
  pageUrl: string,
  opts: HtmlExtractOptions = {},
): OrganizationsResult {
  const warnings: string[] = [];
  const $ = opts.$ ?? load(body);
  const blocks = readJsonLdBlocks($, warnings);
  const reader = new NodeReader(blocks);
  const organizations: RawOrganization[] = [];
  const seen = new Set<string>();
  for (const node of reader.walk(blocks, () => false)) {
    if (!nodeTypes(node).some((t) => ORGANIZATION_TYPES.has(t))) continue;
    const org = organizationFromNode(reader, node, pageUrl);
    if (!org) continue;
    const key = `${org.name}|${org.url ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    organizations.push(org);
  }
  return { organizations, warnings };
}
