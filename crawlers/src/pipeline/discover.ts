import type { Association, SourceKind } from '@fieldguide/shared';
import { load } from 'cheerio';
import { originKey } from '../core/address-guard.js';
import type { Fetcher } from '../core/fetcher.js';
import { canonicalUrl } from '../dedupe/canonical-url.js';
import { extractAny } from '../extract/detect.js';
import { looksLikeEventUrl, wordpressEventsUrl } from '../extract/links.js';
import { type CalendarPlatform, calendarPlatform } from '../extract/platform-feeds.js';
import type { RawOrganization } from '../extract/schema-org.js';
import { countryCode, regionCode } from '../normalize/normalize-place.js';
import { cleanTitle, htmlToText } from '../normalize/normalize-text.js';
import { associationHiring } from '../sources/association-hiring.js';
import { sourceIdFromUrl } from '../sources/load-sources.js';
import type { Store } from '../storage/store/store.types.js';
import type { Classifier } from './classifier.js';
import { defaultClassifier } from './default-classifier.js';

/** An event source found on a site, with the kind to crawl it as and why it was picked. */
export interface DiscoveredSource {
  url: string;
  kind: SourceKind;
  reason: string;
}

/** What {@link discoverSources} found on a home page. */
export interface DiscoveryResult {
  /** The page, after redirects. */
  url: string;
  sources: DiscoveredSource[];
  /** The organization the page is about, as an Association (upserted when a store was given). */
  association?: Association;
  jobBoardUrl?: string;
  warnings: string[];
}

/** Options of {@link discoverSources}. */
export interface DiscoverOptions {
  fetcher: Fetcher;
  /** When given, the association is upserted (reusing the id of a stored one with the same URL). */
  store?: Store;
  classify?: Classifier;
  now?: () => Date;
  /**
   * Let the page's own origin (scheme, host, port) be on a private address (demo sites, tests); no other origin. The
   * sources found are then those on that origin only, the origin the new source's permission will cover.
   */
  allowPrivateNetwork?: boolean;
}

const ORGANIZATION_FIRST = /Organization|Association|NGO|Corporation|College|University|School|Institute/i;

/** Scope from how an organization names and describes itself; `regional` when it says nothing. */
export function associationScope(text: string): Association['scope'] {
  if (/\b(international|global|world(wide)?)\b/i.test(text)) return 'international';
  if (/\b(national|american|of america|u\.s\.|nationwide)\b/i.test(text)) return 'national';
  if (/\b(local|city|county|metro)\b/i.test(text)) return 'local';
  return 'regional';
}

function pickOrganization(organizations: RawOrganization[], pageUrl: string): RawOrganization | undefined {
  const home = canonicalUrl(pageUrl);
  return (
    organizations.find((o) => o.url && canonicalUrl(o.url) === home) ??
    organizations.find((o) => o.types.some((t) => ORGANIZATION_FIRST.test(t))) ??
    organizations[0]
  );
}

function existingAssociationId(store: Store | undefined, url: string): string | undefined {
  if (!store) return undefined;
  const key = canonicalUrl(url);
  for (const association of store.iterateAssociations()) {
    if (canonicalUrl(association.url) === key) return association.id;
  }
  return undefined;
}

/** Why an iCalendar link was picked: a platform's feed names its platform. */
function icalReason(platform: CalendarPlatform | undefined): string {
  if (!platform) return 'iCalendar link';
  return `${platform} ${platform === 'Meetup' ? 'group' : 'calendar'}'s iCalendar feed`;
}

/**
 * What a stored association knows that reading its home page never tells (its acronym, membership page, meeting
 * cadence: curated in the catalog, or given by an operator): kept when discovery reads the page again.
 */
function notLearntByDiscovery(
  known: Association | undefined,
): Partial<Pick<Association, 'acronym' | 'membershipUrl' | 'meetingCadence'>> {
  if (!known) return {};
  return {
    ...(known.acronym ? { acronym: known.acronym } : {}),
    ...(known.membershipUrl ? { membershipUrl: known.membershipUrl } : {}),
    ...(known.meetingCadence ? { meetingCadence: known.meetingCadence } : {}),
  };
}

/**
 * Reads an association's home page for its event sources — feeds and calendars announced with
 * `<link rel="alternate">`, `webcal:`/`.ics` links, the feeds of the event and campus calendar platforms it links
 * to or embeds (Meetup, Luma, Trumba, LiveWhale; Localist's events API), The Events Calendar's API (from `<link>`
 * or the `Link` header), the page itself when it carries Event data, else its events page — its job board or
 * career center link, and the association itself (schema.org Organization where present; fields from classifying its name
 * and description, scope from its words).
 * @throws NonRetryableError or RetryableError when the page cannot be fetched.
 */
export async function discoverSources(url: string, options: DiscoverOptions): Promise<DiscoveryResult> {
  const fetched = await options.fetcher.fetch(url, {
    ...(options.allowPrivateNetwork ? { privateOrigin: url } : {}),
  });
  const result = extractAny(fetched.text, fetched.url, fetched.contentType ? { contentType: fetched.contentType } : {});
  const warnings = [...result.warnings];
  const sources: DiscoveredSource[] = [];
  const seen = new Set<string>();
  const ownOrigin = options.allowPrivateNetwork ? originKey(new URL(url)) : undefined;
  const add = (sourceUrl: string | undefined, kind: SourceKind, reason: string) => {
    const key = sourceUrl && canonicalUrl(sourceUrl);
    if (!sourceUrl || !key || seen.has(key)) return;
    seen.add(key);
    if (ownOrigin !== undefined && originKey(new URL(sourceUrl)) !== ownOrigin) {
      warnings.push(
        `${sourceUrl} (${reason}) left out: another origin than ${url}, the one allowPrivateNetwork covers`,
      );
      return;
    }
    sources.push({ url: sourceUrl, kind, reason });
  };
  if (result.format !== 'html') {
    add(
      fetched.url,
      'auto',
      `the URL itself is ${result.format === 'unknown' ? 'not a page' : `a ${result.format} document`}`,
    );
    return { url: fetched.url, sources, warnings };
  }
  const apiHeader = /<([^>]+)>\s*;\s*rel="?https:\/\/api\.w\.org\/"?/i.exec(fetched.headers.link ?? '')?.[1];
  for (const link of result.links) {
    if (link.kind === 'wordpress-events') add(link.url, 'wordpress-events', 'WordPress REST API (The Events Calendar)');
  }
  if (apiHeader) add(wordpressEventsUrl(new URL(apiHeader, fetched.url).href), 'wordpress-events', 'Link header');
  for (const link of result.links) {
    const platform = calendarPlatform(link.url);
    if (link.kind === 'ics') add(link.url, 'ics', icalReason(platform));
    else if (link.kind === 'feed') add(link.url, 'feed', 'feed announced by <link rel="alternate">');
    else if (link.kind === 'json' && platform === 'Localist') add(link.url, 'auto', "Localist calendar's events API");
  }
  if (result.events.length > 0) add(fetched.url, 'html', `the page has ${result.events.length} event(s) in its data`);
  if (sources.length === 0) {
    const listing = result.links.find((l) => l.kind === 'event-page' && looksLikeEventUrl(l.url));
    if (listing) add(listing.url, 'listing', 'events page linked from the home page');
  }

  const organization = pickOrganization(result.organizations ?? [], fetched.url);
  const $ = organization ? undefined : load(fetched.text);
  const name = cleanTitle(organization?.name ?? $?.('title').first().text() ?? '').slice(0, 300);
  const description = htmlToText(organization?.description ?? $?.('meta[name="description"]').attr('content') ?? '', {
    maxLength: 5000,
  });
  const jobBoardUrl = organization?.jobBoardUrl ?? result.jobBoardUrl;
  let association: Association | undefined;
  if (name) {
    const classify = options.classify ?? defaultClassifier;
    const classification = classify({ title: name, description });
    const homeUrl = organization?.url ?? fetched.url;
    const country = countryCode(organization?.address?.country);
    const region = organization?.address?.region ? regionCode(organization.address.region, country) : undefined;
    const now = (options.now?.() ?? new Date()).toISOString();
    const existingId = existingAssociationId(options.store, homeUrl);
    const known = existingId ? options.store?.getAssociation(existingId) : undefined;
    association = {
      ...notLearntByDiscovery(known),
      id: existingId ?? sourceIdFromUrl(new URL(homeUrl).origin),
      name,
      url: homeUrl,
      description,
      fields: classification.fields,
      pathways: classification.pathways,
      scope: associationScope(`${name} ${description}`),
      chapters: known?.chapters ?? [],
      hiring: associationHiring({ jobBoardUrl }),
      firstSeen: now,
      updatedAt: now,
      ...(country ? { country } : {}),
      ...(region ? { region } : {}),
      ...(jobBoardUrl ? { jobBoardUrl } : {}),
    };
    if (options.store) {
      try {
        options.store.upsertAssociation(association);
      } catch (error) {
        warnings.push(`association not stored: ${error instanceof Error ? error.message : error}`);
      }
    }
  } else {
    warnings.push('no organization name on the page');
  }
  return {
    url: fetched.url,
    sources,
    warnings,
    ...(association ? { association } : {}),
    ...(jobBoardUrl ? { jobBoardUrl } : {}),
  };
}
