import { type Cheerio, type CheerioAPI, load } from 'cheerio';
import type { Element } from 'domhandler';
import { eventsFromNodes, type HtmlExtractOptions } from './json-ld.js';
import type { ExtractResult } from './raw-event.js';
import { nodeTypes, type SchemaNode } from './schema-org.js';

const URL_ATTR: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  audio: 'src',
  embed: 'src',
  iframe: 'src',
  img: 'src',
  source: 'src',
  track: 'src',
  video: 'src',
  object: 'data',
};

// A nested item with an empty itemprop is a common slip; these types say which property was meant.
const IMPLIED_PROPERTY: Record<string, string> = { PostalAddress: 'address', GeoCoordinates: 'geo' };

const propNames = (el: Cheerio<Element>) =>
  (el.attr('itemprop') ?? '')
    .split(/\s+/)
    .map((p) => p.trim().replace(/^https?:\/\/(www\.)?schema\.org\//i, ''))
    .filter(Boolean);

function propValue($: CheerioAPI, el: Cheerio<Element>): string {
  const tag = (el.prop('tagName') ?? '').toLowerCase();
  if (tag === 'meta') return el.attr('content') ?? '';
  const urlAttr = URL_ATTR[tag];
  if (urlAttr) return el.attr(urlAttr) ?? el.attr('content') ?? '';
  if (tag === 'data' || tag === 'meter') return el.attr('value') ?? el.text();
  if (tag === 'time') return el.attr('datetime') ?? el.attr('content') ?? el.text();
  const content = el.attr('content');
  if (content !== undefined) return content;
  return $(el).text().replace(/\s+/g, ' ').trim();
}

function readItem($: CheerioAPI, root: Cheerio<Element>, depth: number): SchemaNode {
  const node: SchemaNode = {};
  const types = (root.attr('itemtype') ?? '').split(/\s+/).filter(Boolean);
  if (types.length > 0) node['@type'] = types;
  const id = root.attr('itemid');
  if (id) node['@id'] = id;
  const add = (name: string, value: unknown) => {
    const prev = node[name];
    node[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  const visit = (parent: Cheerio<Element>) => {
    parent.children().each((_, child) => {
      const el = $(child);
      const names = propNames(el);
      const scoped = el.attr('itemscope') !== undefined;
      if (scoped) {
        if (depth >= 8) return;
        const item = readItem($, el, depth + 1);
        const implied = names.length === 0 ? IMPLIED_PROPERTY[nodeTypes(item)[0] ?? ''] : undefined;
        for (const name of names.length > 0 ? names : implied ? [implied] : []) add(name, item);
        return;
      }
      if (names.length > 0) {
        const value = propValue($, el);
        for (const name of names) add(name, value);
      }
      visit(el);
    });
  };
  visit(root);
  return node;
}

/** Reads every top-level microdata item of a page into schema.org nodes (JSON-LD shape). */
export function readMicrodataItems($: CheerioAPI): SchemaNode[] {
  const items: SchemaNode[] = [];
  $('[itemscope]').each((_, el) => {
    const item = $(el);
    const nested = item.parents('[itemscope]').length > 0;
    if (nested && propNames(item).length > 0) return;
    if (nested && IMPLIED_PROPERTY[nodeTypes(readItem($, item, 8))[0] ?? '']) return;
    items.push(readItem($, item, 0));
  });
  return items;
}

/**
 * Extracts schema.org events from microdata (`itemscope`/`itemtype`/`itemprop`), with nested Place,
 * PostalAddress, offers, and values from `content`, `datetime`, `href`/`src` as the HTML spec says.
 * Property names padded with spaces are trimmed.
 */
export function extractMicrodata(body: string, pageUrl: string, opts: HtmlExtractOptions = {}): ExtractResult {
  const $ = opts.$ ?? load(body);
  return eventsFromNodes(readMicrodataItems($), pageUrl, 'microdata', opts);
}
