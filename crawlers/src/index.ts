export { checkHomepage, checkHomepages, type HomepageCheck, type HomepageState } from './catalog/check-catalog.js';
export * from './catalog/index.js';
export { type ClassifyEventInput, classifyEvent, type EventClassification } from './classify/classify-event.js';
export { type ClassifyFieldsInput, classifyFields, type FieldClassification } from './classify/classify-fields.js';
export { type ClassifyTypeInput, classifyType } from './classify/classify-type.js';
export { HIRING_REASONS, HIRING_WEIGHTS, type HiringSignalInput, hiringSignal } from './classify/hiring-signal.js';
export * from './core/address-guard.js';
export * from './core/charset.js';
export * from './core/errors.js';
export * from './core/fetcher.js';
export * from './core/retry-after.js';
export * from './core/robots.js';
export * from './core/scheduler.js';
export { canonicalUrl } from './dedupe/canonical-url.js';
export {
  type DedupeLookup,
  type DedupeMerge,
  type DedupeOptions,
  type DedupeOutcome,
  dedupeEvents,
} from './dedupe/dedupe.js';
export {
  DEFAULT_THRESHOLDS,
  type DedupeFacts,
  type MatchResult,
  type MatchThresholds,
  matchEvents,
  sameStartDay,
} from './dedupe/match.js';
export { mergeEvents } from './dedupe/merge.js';
export { comparePlaces, normalizeCity, type PlaceVerdict } from './dedupe/place.js';
export { type TitleSimilarity, titleSimilarity, titleTokens } from './dedupe/title-similarity.js';
export { type FoundDate, findDatesInText, type ParsedDate, parseDateValue } from './extract/dates.js';
export {
  type BodyFormat,
  detectFormat,
  type ExtractAnyOptions,
  type ExtractAnyResult,
  extractAny,
} from './extract/detect.js';
export { extractFeed, type FeedExtractResult } from './extract/feed.js';
export { defaultHorizon, extractIcal, type IcalExtractOptions } from './extract/ical.js';
export {
  extractJsonLd,
  extractOrganizations,
  type HtmlExtractOptions,
  type OrganizationsResult,
} from './extract/json-ld.js';
export { extractJsonList, type JsonListOptions, type JsonListResult, topicFromPath } from './extract/json-list.js';
export {
  extractLinks,
  findJobBoardLink,
  looksLikeEventUrl,
  type PageLinks,
  parseSitemap,
  type SitemapResult,
  sitemapsFromRobots,
  webcalToHttps,
  wordpressEventsUrl,
} from './extract/links.js';
export { extractMicrodata } from './extract/microdata.js';
export { extractMicroformats } from './extract/microformats.js';
export type * from './extract/raw-event.js';
export { extractRdfa } from './extract/rdfa.js';
export type { RawOrganization } from './extract/schema-org.js';
export { extractWordpressEvents, type WordpressEventsResult } from './extract/wordpress-events.js';
export {
  type NormalizedDates,
  normalizeDates,
  type RawDates,
  toInstant,
  type ZoneContext,
} from './normalize/normalize-dates.js';
export { type NormalizedEvent, normalizeRawEvent } from './normalize/normalize-event.js';
export {
  countryCode,
  eventFormat,
  isOnlinePlace,
  normalizeVenue,
  type PlaceFacts,
  parsePlaceText,
  regionCode,
} from './normalize/normalize-place.js';
export { normalizeStatus, toEventStatus } from './normalize/normalize-status.js';
export {
  cleanTitle,
  collapseWhitespace,
  htmlToText,
  looksLikeHtml,
  MAX_DESCRIPTION_CHARS,
  MAX_TITLE_CHARS,
} from './normalize/normalize-text.js';
export { isIanaZone, resolveTimeZone, zoneForPlace } from './normalize/normalize-zone.js';
export { type BuiltEvents, buildEvents, type DocumentContext } from './pipeline/build-event.js';
export type { Classification, Classifier, ClassifierInput } from './pipeline/classifier.js';
export { defaultClassifier } from './pipeline/default-classifier.js';
export {
  associationScope,
  type DiscoveredSource,
  type DiscoverOptions,
  type DiscoveryResult,
  discoverSources,
} from './pipeline/discover.js';
export { type EventIdInput, eventIdFor } from './pipeline/event-id.js';
export {
  type CrawlLimits,
  DEFAULT_LIMITS,
  type DocumentRole,
  type Harvest,
  type HarvestedDocument,
  type HarvestOptions,
  harvestSource,
  type PageReport,
} from './pipeline/harvest.js';
export {
  PREVIEW_LIMITS,
  type PreviewSourceOptions,
  previewSource,
  type SourcePreviewResult,
} from './pipeline/preview-source.js';
export * from './run.js';
export { associationHiring } from './sources/association-hiring.js';
export {
  loadSourcesFile,
  parseSourcesYaml,
  SOURCE_DEFAULTS,
  type SourceInput,
  type SourcesFile,
  SourcesFileError,
  sourceIdFromUrl,
  syncSources,
  toSource,
} from './sources/load-sources.js';
export * from './workers/crawl-worker.js';
export * from './workers/host-leases.js';
