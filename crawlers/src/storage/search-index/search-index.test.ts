import {
  buildSynonyms,
  EVENT_INDEX_SETTINGS,
  type Event,
  eq,
  geoRadius,
  inAny,
  toSearchDocument,
} from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMeilisearch, type TestMeilisearch } from '../runtime/test-meilisearch.js';
import { createMeilisearchClient, IndexError, type Settings } from './client.js';
import { makeEvent } from './fixtures/index-fixtures.js';
import { createIndex, type SearchIndex } from './search-index.js';

let meili: TestMeilisearch;
let index: SearchIndex;

const HOSTILE = `O'Brien "Q" \\ " OR tags = "x`;
const events: Event[] = [
  makeEvent(1, {
    title: 'Regional Clinical Careers Day',
    description: 'Hospitals and clinics meet people entering Health Science.',
    fields: ['health-science'],
    tags: ['clinical'],
  }),
  makeEvent(2, { title: 'Midwest nursing career fair', tags: ['nursing'], fields: ['health-science'] }),
  makeEvent(3, { title: 'Cloud architecture summit', tags: ['x'], fields: ['information-technology'] }),
  makeEvent(4, { title: 'Hostile tags', description: '', tags: [HOSTILE] }),
  makeEvent(5, { title: 'Trailing backslash', description: '', tags: ['b\\'] }),
  makeEvent(6, { title: 'Quoted', description: '', tags: ['"x"'] }),
];

beforeAll(async () => {
  meili = await startTestMeilisearch();
  index = createIndex({ url: meili.url, masterKey: meili.masterKey, prefix: meili.prefix });
  await index.applySettings();
  await index.waitTask(await index.upsertDocuments('event', events.map(toSearchDocument)));
});

afterAll(async () => {
  await index?.close();
  await meili?.stop();
});

const ids = (hits: readonly { id: string }[]) => hits.map((hit) => hit.id).sort();

describe('applySettings', () => {
  it('is idempotent: applying twice leaves the same settings, without error', async () => {
    const { client, close } = createMeilisearchClient({ url: meili.url, masterKey: meili.masterKey });
    const read = (): Promise<Settings> => client.index(index.names.event).getSettings();
    try {
      const before = await read();
      await index.applySettings();
      await index.applySettings();
      const after = await read();

      expect(after).toEqual(before);
      expect(after.filterableAttributes).toEqual(EVENT_INDEX_SETTINGS.filterableAttributes);
      expect(after.searchableAttributes).toEqual(EVENT_INDEX_SETTINGS.searchableAttributes);
      expect(after.synonyms).toEqual(buildSynonyms());
      expect(after.sortableAttributes?.toSorted()).toEqual(EVENT_INDEX_SETTINGS.sortableAttributes.toSorted());
      expect((await index.stats()).event.numberOfDocuments).toBe(events.length);
    } finally {
      await close();
    }
  });
});

describe('searchEvents', () => {
  it('finds a health-science event for "healthcare" through the synonyms', async () => {
    const result = await index.searchEvents({ q: 'healthcare' });
    expect(ids(result.hits)).toContain('ev-1');
    expect(ids(result.hits)).not.toContain('ev-3');
  });

  it('tolerates a typo: "nursng" finds "nursing"', async () => {
    const result = await index.searchEvents({ q: 'nursng' });
    expect(ids(result.hits)).toEqual(['ev-2']);
  });

  it('filters by distance and sorts by it', async () => {
    // makeEvent puts n = 0, 4, 8… in Chicago, 1, 5… in Austin, 2, 6… in Boston, 3… in Toronto.
    const nearChicago = await index.searchEvents({ filter: geoRadius(41.88, -87.63, 50_000) });
    expect(ids(nearChicago.hits)).toEqual(['ev-4']);

    const byDistance = await index.searchEvents({ sort: ['_geoPoint(42.36, -71.06):asc'], hitsPerPage: 6 });
    expect(ids(byDistance.hits.slice(0, 2))).toEqual(['ev-2', 'ev-6']);
    const distances = byDistance.hits.map((hit) => (hit as { _geoDistance?: number })._geoDistance);
    expect(distances.slice(0, 2)).toEqual([0, 0]);
    expect(distances[2]).toBeGreaterThan(0);
  });

  it('pages, facets and highlights', async () => {
    const result = await index.searchEvents({
      q: 'career',
      facets: ['fields', 'city'],
      page: 1,
      hitsPerPage: 1,
      attributesToHighlight: ['title'],
    });
    expect(result.totalHits).toBe(2);
    expect(result.hits).toHaveLength(1);
    expect(result.facetDistribution?.fields).toEqual({ 'health-science': 2 });
    expect(result.hits[0]?._formatted?.title).toContain('<em>');
  });

  it('matches a hostile filter value exactly, never as filter syntax', async () => {
    const search = (value: string) => index.searchEvents({ filter: eq('tags', value) });

    expect(ids((await search(HOSTILE)).hits)).toEqual(['ev-4']);
    expect(ids((await search('b\\')).hits)).toEqual(['ev-5']);
    expect(ids((await search('"x"')).hits)).toEqual(['ev-6']);
    expect(ids((await search('x')).hits)).toEqual(['ev-3']);
    expect((await search('" OR tags = "x')).hits).toEqual([]);
    const either = await index.searchEvents({ filter: inAny('tags', [HOSTILE, 'b\\', '" OR 1 = 1']) });
    expect(ids(either.hits)).toEqual(['ev-4', 'ev-5']);
  });

  it('throws IndexError for a filter on an attribute that is not filterable', async () => {
    const error = await index.searchEvents({ filter: 'title = "x"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ meiliCode: 'invalid_search_filter', httpStatus: 400 });
  });
});

describe('waitTask', () => {
  it('throws when the task failed, instead of resolving like the client does', async () => {
    const bad = { ...toSearchDocument(makeEvent(7)), id: 'not a valid id!' };
    const task = await index.upsertDocuments('event', [bad]);
    const error = await index.waitTask(task).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ meiliCode: 'invalid_document_id' });
    expect((error as Error).message).toMatch(/failed/);
  });
});

describe('createIndex', () => {
  it('refuses a prefix that is not a valid index name part', () => {
    expect(() => createIndex({ url: meili.url, masterKey: meili.masterKey, prefix: 'a b' })).toThrow(IndexError);
  });

  it('prefixes both index names', () => {
    expect(index.names).toEqual({ event: `${meili.prefix}events`, association: `${meili.prefix}associations` });
  });
});
