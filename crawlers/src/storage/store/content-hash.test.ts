import { describe, expect, it } from 'vitest';
import { canonicalJson, eventContentHash } from './content-hash.js';
import { makeEvent } from './fixtures/sample-data.js';
import { mergeSourceRefs } from './merge-sources.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":1}]},"b":1}',
    );
  });
});

describe('eventContentHash', () => {
  it('ignores when the event was seen and the order of its sources', () => {
    const a = { sourceId: 'a', url: 'https://a.example/1', seenAt: '2026-11-01T00:00:00Z' };
    const b = { sourceId: 'b', url: 'https://b.example/1', seenAt: '2026-11-01T00:00:00Z' };
    const base = eventContentHash(makeEvent({ sources: [a, b] }));
    const later = makeEvent({
      sources: [b, { ...a, seenAt: '2026-12-01T00:00:00Z' }],
      firstSeen: '2026-12-01T00:00:00Z',
      lastSeen: '2026-12-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
    });
    expect(eventContentHash(later)).toBe(base);
    expect(eventContentHash(makeEvent({ sources: [a, b], tags: ['nurses'] }))).not.toBe(base);
    expect(eventContentHash(makeEvent({ sources: [a] }))).not.toBe(base);
  });
});

describe('mergeSourceRefs', () => {
  const ref = (n: number, seenAt = '2026-11-01T00:00:00Z') => ({
    sourceId: 's',
    url: `https://s.example/${n}`,
    seenAt,
  });

  it('keeps one entry per source and URL with the later seenAt, comparing instants across offsets', () => {
    const merged = mergeSourceRefs([ref(1, '2026-11-01T10:00:00+02:00')], [ref(1, '2026-11-01T09:00:00Z'), ref(2)]);
    expect(merged).toEqual([ref(1, '2026-11-01T09:00:00Z'), ref(2)]);
  });

  it('drops the entries seen longest ago past the schema limit of 50', () => {
    const stored = Array.from({ length: 50 }, (_, i) => ref(i, `2026-10-01T00:${String(i).padStart(2, '0')}:00Z`));
    const merged = mergeSourceRefs(stored, [ref(99, '2026-11-05T00:00:00Z')]);
    expect(merged).toHaveLength(50);
    expect(merged.at(-1)?.url).toBe('https://s.example/99');
    expect(merged.some((r) => r.url === 'https://s.example/0')).toBe(false);
  });
});
