import { type Cheerio, type CheerioAPI, load } from 'cheerio';
import type { Element } from 'domhandler';
import { eventsFromNodes, type HtmlExtractOptions } from './json-ld.js';
import type { ExtractResult } from './raw-event.js';
import type { SchemaNode } from './schema-org.js';
import { absoluteUrl } from './util.js';

/** What an element inherits: the default vocabulary and the CURIE prefixes in scope. */
interface Scope {
  vocab?: string;
  prefixes: Record<string, string>;
}

// RDFa's initial context names these prefixes without a `prefix` attribute.
const INITIAL_PREFIXES: Record<string, string> = { schema: 'http://schema.org/' };
const SCHEMA_ORG = /^https?:\/\/(www\.)?schema\.org\//i;
// Deeper markup than this is not an event's; the cap keeps the walk's stack small on hostile pages.
const MAX_DOM_DEPTH = 256;

function parsePrefixes(value: string | undefined, inherited: Record<string, string>): Record<string, string> {
  if (!value) return inherited;
  const prefixes = { ...inherited };
  const parts = value.trim().split(/\s+/);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const name = parts[i]!;
    if (name.endsWith(':')) prefixes[name.slice(0, -1).toLowerCase()] = parts[i + 1]!;
  }
  return prefixes;
}

/** A term, CURIE or IRI as an IRI; `undefined` for a bare term without a vocabulary. */
function expand(term: string, scope: Scope): string | undefined {
  if (/^https?:\/\//i.test(term)) return term;
  const colon = term.indexOf(':');
  if (colon > 0) {
    const base = scope.prefixes[term.slice(0, colon).toLowerCase()];
    return base ? base + term.slice(colon + 1) : undefined;
  }
  return scope.vocab ? scope.vocab + term : undefined;
}

/** schema.org terms by their name (`Event`, `startDate`), other vocabularies' by their full IRI. */
function terms(value: string | undefined, scope: Scope): string[] {
  return (value ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => expand(t, scope))
    .filter((iri): iri is string => Boolean(iri))
    .map((iri) => iri.replace(SCHEMA_ORG, ''));
}

function resourceOf(el: Cheerio<Element>, pageUrl: string): string | undefined {
  const value = el.attr('resource') ?? el.attr('about');
  return value === undefined ? undefined : (absoluteUrl(value, pageUrl) ?? value);
}

/** A property's value as RDFa reads it: `content`, a `<time>`'s `datetime`, a link's target, or the text. */
function literal($: CheerioAPI, el: Cheerio<Element>, pageUrl: string): string {
  const content = el.attr('content');
  if (content !== undefined) return content;
  const tag = (el.prop('tagName') ?? '').toLowerCase();
  const datetime = el.attr('datetime');
  if (tag === 'time' && datetime) return datetime;
  const target = el.attr('resource') ?? el.attr('href') ?? el.attr('src');
  if (target !== undefined) return absoluteUrl(target, pageUrl) ?? target;
  return $(el).text().replace(/\s+/g, ' ').trim();
}

function add(node: SchemaNode, name: string, value: unknown): void {
  const prev = node[name];
  node[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
}

/**
 * Reads a page's RDFa (RDFa Lite: `vocab`, `typeof`, `property`, `resource`, `prefix`, with `schema:` CURIEs
 * and `content`/`datetime`/`href` values) into schema.org nodes of the JSON-LD shape. Typed nodes that are no
 * other node's property come out as roots; a `resource` naming a typed node elsewhere becomes a reference.
 */
export function readRdfaNodes($: CheerioAPI, pageUrl: string): SchemaNode[] {
  const roots: SchemaNode[] = [];
  // Only typed elements make nodes: a page without any (Open Graph's `prefix` and `property` alone) has none.
  if ($('[typeof]').length === 0) return roots;
  const typedIds = new Set<string>();
  $('[typeof][resource], [typeof][about]').each((_, el) => {
    const id = resourceOf($(el), pageUrl);
    if (id) typedIds.add(id);
  });
  const visit = (el: Cheerio<Element>, scope: Scope, subject: SchemaNode | undefined, depth: number) => {
    if (depth > MAX_DOM_DEPTH) return;
    const vocabAttr = el.attr('vocab');
    const inner: Scope = {
      vocab: vocabAttr === undefined ? scope.vocab : vocabAttr.trim() || undefined,
      prefixes: parsePrefixes(el.attr('prefix'), scope.prefixes),
    };
    const properties = terms(el.attr('property'), inner);
    const typeofAttr = el.attr('typeof');
    let next = subject;
    if (typeofAttr !== undefined) {
      const node: SchemaNode = {};
      const types = terms(typeofAttr, inner);
      if (types.length > 0) node['@type'] = types;
      const id = resourceOf(el, pageUrl);
      if (id) node['@id'] = id;
      if (subject && properties.length > 0) for (const p of properties) add(subject, p, node);
      else roots.push(node);
      next = node;
    } else if (subject && properties.length > 0) {
      const value = literal($, el, pageUrl);
      const reference = el.attr('resource') !== undefined && typedIds.has(value) ? { '@id': value } : undefined;
      for (const p of properties) add(subject, p, reference ?? value);
    }
    el.children().each((_, child) => visit($(child), inner, next, depth + 1));
  };
  $.root()
    .children()
    .each((_, el) => visit($(el), { prefixes: INITIAL_PREFIXES }, undefined, 0));
  return roots;
}

/**
 * Extracts schema.org events marked up in RDFa (`vocab="https://schema.org/" typeof="Event"
 * property="name"`, or `typeof="schema:Event"` with CURIEs), mapped like JSON-LD events, `eventSchedule`
 * included.
 */
export function extractRdfa(body: string, pageUrl: string, opts: HtmlExtractOptions = {}): ExtractResult {
  const $ = opts.$ ?? load(body);
  return eventsFromNodes(readRdfaNodes($, pageUrl), pageUrl, 'rdfa', opts);
}
