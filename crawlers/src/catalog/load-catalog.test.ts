import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../storage/store/store.js';
import type { Store } from '../storage/store/store.types.js';
import { CatalogError, loadCatalog } from './load-catalog.js';
import { CatalogSelectionError, selectCatalogSources, setCatalogSourcesEnabled, syncCatalog } from './sync-catalog.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A catalog directory holding `files` (name → YAML). */
function catalogDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-catalog-unit-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function tempStore(): Store {
  const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-catalog-store-'));
  dirs.push(dir);
  const store = createStore({ path: path.join(dir, 'fieldguide.db') });
  stores.push(store);
  return store;
}

const association = (id: string, url: string, fields = '[finance]', extra = '') =>
  `  - id: ${id}\n    name: ${id} society\n    url: ${url}\n    fields: ${fields}\n    scope: national\n    description: Test.\n${extra}`;

const file = (associations: string[], sources = 'sources: []') =>
  `provenance: Written for a test.\nassociations:\n${associations.join('')}${sources}\n`;

async function problemsOf(dir: string): Promise<readonly string[]> {
  try {
    await loadCatalog(dir);
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  throw new Error('the catalog loaded');
}

describe('loadCatalog', () => {
  it('names the file and the entry of every problem, across files, and loads nothing', async () => {
    const dir = catalogDir({
      'finance.yaml': file(
        [
          association('bankers', 'https://bankers.example/'),
          association('brokers', 'https://www.Bankers.example'),
          association('coders', 'https://coders.example/', '[information-technology]'),
        ],
        'sources:\n  - id: bankers-events\n    url: https://bankers.example/events\n    associationId: nobody\n    enabled: true\n',
      ),
      'stem.yaml': file([association('bankers', 'https://other.example/', '[stem]')]),
      'hobbies.yaml': file([]),
      'health-science.yaml': 'associations: []\nsources: []\n',
      'manufacturing.yaml': 'sources: [\n',
    });
    expect(await problemsOf(dir)).toEqual([
      'finance.yaml association "coders": fields: must start with the file\'s cluster "finance"',
      'finance.yaml source "bankers-events": enabled: must be false (the operator enables sources)',
      'health-science.yaml: provenance: required (how the entries were gathered and checked)',
      'hobbies.yaml: not a career cluster id (expected one of ' +
        'agriculture-food-natural-resources, architecture-construction, arts-av-technology-communications, ' +
        'business-management-administration, education-training, finance, government-public-administration, ' +
        'health-science, hospitality-tourism, human-services, information-technology, ' +
        'law-public-safety-corrections-security, manufacturing, marketing-sales-service, stem, ' +
        'transportation-distribution-logistics)',
      expect.stringMatching(/^manufacturing\.yaml: not valid YAML/),
      'finance.yaml association "brokers": url https://www.Bankers.example is already the homepage of "bankers" (finance.yaml)',
      'stem.yaml association "bankers": id already used in finance.yaml',
      'finance.yaml source "bankers-events": no association "nobody" in the catalog',
    ]);
  });

  it('says when the directory cannot be read', async () => {
    await expect(loadCatalog('/nonexistent/catalog')).rejects.toThrow(/cannot read the directory: ENOENT/);
  });
});

describe('syncCatalog and the catalog switches', () => {
  const good = () =>
    catalogDir({
      'finance.yaml': file(
        [
          association('bankers', 'https://bankers.example/', '[finance]', '    acronym: BNK\n'),
          association('auditors', 'https://auditors.example/', '[finance, business]'),
        ],
        'sources:\n  - id: bankers-events\n    url: https://bankers.example/events.ics\n    associationId: bankers\n    fields: [finance]\n    enabled: false\n',
      ),
      'stem.yaml': file(
        [association('labs', 'https://labs.example/', '[stem, finance]')],
        'sources:\n  - id: labs-events\n    url: https://labs.example/feed\n    associationId: labs\n    enabled: false\n',
      ),
    });

  it('is idempotent, follows catalog updates and never re-disables what the operator enabled', async () => {
    const dir = good();
    const store = tempStore();
    const first = syncCatalog(store, await loadCatalog(dir));
    expect(first).toEqual({
      associations: { inserted: 3, updated: 0, unchanged: 0 },
      sources: { inserted: 2, updated: 0, unchanged: 0, kept: 0 },
    });
    const outbox = store.outboxSize();
    expect(syncCatalog(store, await loadCatalog(dir))).toEqual({
      associations: { inserted: 0, updated: 0, unchanged: 3 },
      sources: { inserted: 0, updated: 0, unchanged: 2, kept: 0 },
    });
    expect(store.outboxSize(), 'a reload writes nothing for the index').toBe(outbox);

    expect(setCatalogSourcesEnabled(store, { field: 'finance' }, true).sort()).toEqual([
      'bankers-events',
      'labs-events',
    ]);
    writeFileSync(
      path.join(dir, 'stem.yaml'),
      file(
        [association('labs', 'https://labs.example/', '[stem, finance]', '    acronym: LABS\n')],
        'sources:\n  - id: labs-events\n    url: https://labs.example/events.ics\n    associationId: labs\n    enabled: false\n',
      ),
    );
    const updated = syncCatalog(store, await loadCatalog(dir));
    expect(updated.associations.updated).toBe(1);
    expect(updated.sources.updated).toBe(1);
    expect(store.getSource('labs-events')).toMatchObject({ url: 'https://labs.example/events.ics', enabled: true });
    expect(store.getAssociation('labs')?.acronym).toBe('LABS');
  });

  it("leaves an operator's own source of the same id alone", async () => {
    const store = tempStore();
    store.upsertSource({
      id: 'bankers-events',
      url: 'https://mirror.example/bankers.ics',
      kind: 'ics',
      fields: [],
      pathways: [],
      recrawlMinutes: 60,
      enabled: true,
      allowPrivateNetwork: false,
      health: { eventsFound: 0, errorCount: 0 },
    });
    expect(syncCatalog(store, await loadCatalog(good())).sources).toMatchObject({ inserted: 1, kept: 1 });
    expect(store.getSource('bankers-events')).toMatchObject({ url: 'https://mirror.example/bankers.ics' });
    expect(selectCatalogSources(store, { associationId: 'bankers' })).toEqual([]);
  });

  it('selects by field name or association, and refuses what it does not know', async () => {
    const store = tempStore();
    syncCatalog(store, await loadCatalog(good()));
    expect(selectCatalogSources(store, { field: 'STEM' }).map((s) => s.id)).toEqual(['labs-events']);
    expect(selectCatalogSources(store, { field: 'business' }).map((s) => s.id)).toEqual([]);
    expect(setCatalogSourcesEnabled(store, { associationId: 'bankers' }, true)).toEqual(['bankers-events']);
    expect(setCatalogSourcesEnabled(store, { associationId: 'bankers' }, true)).toEqual([]);
    expect(() => selectCatalogSources(store, { field: 'astrology' })).toThrow(CatalogSelectionError);
    expect(() => selectCatalogSources(store, { associationId: 'nobody' })).toThrow(/no association "nobody"/);
  });
});
