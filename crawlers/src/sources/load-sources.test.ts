import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../storage/store/store.js';
import type { Store } from '../storage/store/store.types.js';
import { loadSourcesFile, parseSourcesYaml, SourcesFileError, sourceIdFromUrl, syncSources } from './load-sources.js';

const YAML = `
associations:
  - id: glna
    name: Great Lakes Nurses Association
    url: https://glna.example.org/
    fields: [health care]
    jobBoardUrl: https://glna.example.org/career-center/
sources:
  - id: glna-events
    url: https://glna.example.org/events/
    kind: listing
    fields: [nursing, IT]
    associationId: glna
  - url: https://calendar.example.com/feed.ics
`;

function problemsOf(text: string): string[] {
  try {
    parseSourcesYaml(text, { file: 'test.yaml' });
  } catch (error) {
    if (error instanceof SourcesFileError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a SourcesFileError');
}

describe('parseSourcesYaml', () => {
  it('applies defaults, derives a missing id and resolves field names through the taxonomy', () => {
    const { sources, associations } = parseSourcesYaml(YAML);
    expect(sources[0]).toMatchObject({
      id: 'glna-events',
      kind: 'listing',
      fields: ['health-science', 'information-technology'],
      enabled: true,
      recrawlMinutes: 1440,
      allowPrivateNetwork: false,
      health: { eventsFound: 0, errorCount: 0 },
    });
    expect(sources[1]).toMatchObject({ id: 'calendar-example-com-feed-ics', kind: 'auto', fields: [] });
    expect(associations[0]).toMatchObject({
      id: 'glna',
      fields: ['health-science'],
      scope: 'regional',
      chapters: [],
      hiring: { score: expect.any(Number), reasons: [expect.stringMatching(/job board/i)] },
    });
  });

  it('names the entry and the field of every problem', () => {
    const problems = problemsOf(`
sources:
  - id: ok-one
    url: https://example.org/a
  - id: bad-kind
    url: https://example.org/b
    kind: carrier-pigeon
    recrawlMinutes: often
  - id: typo
    url: https://example.org/c
    feilds: [finance]
  - id: no-field
    url: https://example.org/d
    fields: [underwater basket weaving]
  - kind: ics
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sources\[1\] "bad-kind": kind: /),
        expect.stringMatching(/^sources\[1\] "bad-kind": recrawlMinutes: .*\(got "often"\)/),
        'sources[2]: unknown field "feilds"',
        'sources[3] "no-field": fields: unknown field "underwater basket weaving"',
        'sources[4]: url: required',
      ]),
    );
  });

  it('refuses bad YAML, a file without sources and repeated ids', () => {
    expect(problemsOf('sources: [')[0]).toMatch(/^not valid YAML/);
    expect(problemsOf('hello: world')[0]).toMatch(/"sources:"/);
    expect(
      problemsOf('sources:\n  - {id: a, url: "https://x.example/"}\n  - {id: a, url: "https://y.example/"}'),
    ).toContain('sources: id "a" is used twice');
  });

  it('takes a bare list of sources too', () => {
    expect(parseSourcesYaml('- url: https://example.org/events/\n  kind: listing').sources[0]?.id).toBe(
      sourceIdFromUrl('https://example.org/events/'),
    );
  });
});

describe('loadSourcesFile and syncSources', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fieldguide-sources-'));
    store = createStore({ path: join(dir, 'store.db') });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves associations and sources, keeping a source’s health when it is synced again', async () => {
    const path = join(dir, 'sources.yaml');
    writeFileSync(path, YAML);
    const file = await loadSourcesFile(path);
    syncSources(store, file);
    store.updateSourceHealth('glna-events', { lastStatus: 'ok', eventsFound: 7, errorCount: 0 });
    const again = syncSources(store, file);
    expect(again.sources.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(store.getSource('glna-events')?.health.eventsFound).toBe(7);
    expect(store.getAssociation('glna')?.name).toBe('Great Lakes Nurses Association');
  });

  it('refuses a source whose association is nowhere, and a file it cannot read', async () => {
    const file = parseSourcesYaml('sources:\n  - {id: a, url: "https://x.example/", associationId: nobody}');
    expect(() => syncSources(store, file)).toThrow(/no association "nobody"/);
    expect(store.listSources()).toEqual([]);
    await expect(loadSourcesFile(join(dir, 'missing.yaml'))).rejects.toThrow(/cannot read the file: ENOENT/);
  });
});
