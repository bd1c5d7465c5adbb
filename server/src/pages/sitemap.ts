import type { Store } from '@fieldguide/crawlers/storage';
import { listFields } from '@fieldguide/shared';
import { eventPageUrl } from '../feeds/feed-document.js';
import { escapeHtml as escapeXml } from '../feeds/text.js';
import { associationPageUrl, fieldPageUrl, LISTING_PAGES } from './page-meta.js';

/** Most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

/** The kinds of pages the sitemaps list, each in its own files. */
export const SITEMAP_KINDS = ['pages', 'events', 'associations'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

/** One page a sitemap lists: its path below the origin and when it last changed. */
export interface SitemapEntry {
  path: string;
  /** ISO instant; absent for pages that change with the code only (the field pages). */
  lastmod?: string;
}

/** The pages of each kind, as of one state of the store. */
export type SitemapEntries = Readonly<Record<SitemapKind, readonly SitemapEntry[]>>;

/** One file of the index: which kind and which slice (1-based). */
export interface SitemapFile {
  kind: SitemapKind;
  page: number;
}

/** The upcoming events', the associations' and the fixed pages' entries, each kind in id order. */
export function sitemapEntries(store: Store, now: Date): SitemapEntries {
  const events = store
    .listUpcomingEventStamps(now.getTime())
    .map((event) => ({ path: eventPageUrl('', event.id), lastmod: event.updatedAt }));
  const associations: SitemapEntry[] = [];
  for (const association of store.iterateAssociations()) {
    associations.push({ path: associationPageUrl('', association.id), lastmod: association.updatedAt });
  }
  const fieldIds = listFields().flatMap((field) => [field.id, ...field.pathways.map((p) => p.id)]);
  const paths = [...LISTING_PAGES.map((page) => page.path), ...fieldIds.map((id) => fieldPageUrl('', id))];
  const pages = paths.map((path) => ({ path }));
  return { pages, events, associations };
}

/** The files the entries make: each kind split into slices of at most `maxUrls`; a kind with none has no file. */
export function sitemapFiles(entries: SitemapEntries, maxUrls: number): SitemapFile[] {
  return SITEMAP_KINDS.flatMap((kind) =>
    Array.from({ length: Math.ceil(entries[kind].length / maxUrls) }, (_, i) => ({ kind, page: i + 1 })),
  );
}

/** Where a sitemap file is served. */
export const sitemapFilePath = (file: SitemapFile): string => `/sitemaps/${file.kind}-${file.page}.xml`;

/** The entries of one file, or undefined when there is no such file. */
export function sitemapSlice(
  entries: SitemapEntries,
  file: SitemapFile,
  maxUrls: number,
): readonly SitemapEntry[] | undefined {
  const slice = entries[file.kind].slice((file.page - 1) * maxUrls, file.page * maxUrls);
  return file.page >= 1 && slice.length > 0 ? slice : undefined;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const lastmodTag = (lastmod: string | undefined) => (lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : '');

/** A `urlset` of the entries at `origin`. */
export function renderUrlset(origin: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => `<url><loc>${escapeXml(origin + e.path)}</loc>${lastmodTag(e.lastmod)}</url>`);
  return `${XML_HEAD}<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The newest `lastmod` of the entries, if any has one. */
function newest(entries: readonly SitemapEntry[]): string | undefined {
  let best: string | undefined;
  for (const e of entries) if (e.lastmod && (!best || Date.parse(e.lastmod) > Date.parse(best))) best = e.lastmod;
  return best;
}

/** The `sitemapindex` naming every file, each with the newest `lastmod` of its slice. */
export function renderSitemapIndex(origin: string, entries: SitemapEntries, maxUrls: number): string {
  const items = sitemapFiles(entries, maxUrls).map((file) => {
    const slice = sitemapSlice(entries, file, maxUrls) ?? [];
    return `<sitemap><loc>${escapeXml(origin + sitemapFilePath(file))}</loc>${lastmodTag(newest(slice))}</sitemap>`;
  });
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** Paths robots.txt keeps crawlers out of: the admin page and the admin API. */
export const ROBOTS_DISALLOWED = ['/api/admin', '/admin'] as const;

/** robots.txt: every public page allowed, the admin page and API not, and where the sitemap is. */
export function renderRobotsTxt(origin: string): string {
  return [
    'User-agent: *',
    ...ROBOTS_DISALLOWED.map((path) => `Disallow: ${path}`),
    'Allow: /',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
