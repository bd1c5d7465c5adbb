import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { ClusterIdSchema, PathwayIdSchema } from '../common.schema.js';
import { CLUSTERS, fieldLabel, getPathway, listFields, normalizeFieldText, resolveField } from './taxonomy.js';

const CLUSTER_IDS = [
  'agriculture-food-natural-resources',
  'architecture-construction',
  'arts-av-technology-communications',
  'business-management-administration',
  'education-training',
  'finance',
  'government-public-administration',
  'health-science',
  'hospitality-tourism',
  'human-services',
  'information-technology',
  'law-public-safety-corrections-security',
  'manufacturing',
  'marketing-sales-service',
  'stem',
  'transportation-distribution-logistics',
];

const pathways = CLUSTERS.flatMap((c) => c.pathways.map((p) => ({ cluster: c, pathway: p })));

// Words that event pages use for everything, or that signal hiring in every field: as keywords they would
// put events in the wrong field.
const TOO_GENERIC = new Set([
  'management',
  'data',
  'security',
  'network',
  'networking',
  'design',
  'training',
  'leadership',
  'technology',
  'services',
  'service',
  'development',
  'engineering',
  'production',
  'transportation',
  'health',
  'business',
  'research',
  'sales',
  'marketing',
  'government',
  'legal',
  'law',
  'travel',
  'hotel',
  'hotels',
  'restaurant',
  'restaurants',
  'logistics',
  'career',
  'careers',
  'jobs',
  'hiring',
  'recruiters',
  'recruiting',
  'employers',
  'managers',
  'directors',
  'executives',
  'ceo',
  'conference',
  'summit',
  'expo',
  'event',
  'events',
  'workshop',
  'meeting',
  'it',
  'ai',
  'tech',
  'financial',
  'tax',
  'payments',
  'investment',
  'automation',
  'architect',
  'architects',
  'warehouse',
  'gallery',
  'drawing',
  'classroom',
  'purchasing',
  'continuing education',
  'professional development',
  'talent acquisition',
  'social media',
  'child care',
]);

describe('the cluster data', () => {
  it('has the 16 National Career Clusters with their fixed ids', () => {
    expect(CLUSTERS.map((c) => c.id)).toEqual(CLUSTER_IDS);
    for (const c of CLUSTERS) expect(Value.Check(ClusterIdSchema, c.id)).toBe(true);
  });

  it('has the 79 pathways of the 16-cluster framework, ids unique and prefixed with their cluster', () => {
    expect(pathways).toHaveLength(79);
    const ids = pathways.map(({ pathway }) => pathway.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { cluster, pathway } of pathways) {
      expect(pathway.id.startsWith(`${cluster.id}/`)).toBe(true);
      expect(Value.Check(PathwayIdSchema, pathway.id)).toBe(true);
      expect(getPathway(pathway.id)).toBe(pathway);
      expect(fieldLabel(pathway.id)).toBe(pathway.name);
    }
  });

  it('names the pathways of the framework', () => {
    const health = CLUSTERS.find((c) => c.id === 'health-science');
    expect(health?.pathways.map((p) => p.name)).toEqual([
      'Biotechnology Research and Development',
      'Diagnostic Services',
      'Health Informatics',
      'Support Services',
      'Therapeutic Services',
    ]);
    const it = CLUSTERS.find((c) => c.id === 'information-technology');
    expect(it?.pathways.map((p) => p.id)).toEqual([
      'information-technology/information-support-services',
      'information-technology/network-systems',
      'information-technology/programming-software-development',
      'information-technology/web-digital-communications',
    ]);
  });

  it('gives every cluster 15–60 keywords and every pathway at least 5', () => {
    for (const c of CLUSTERS) {
      expect(c.keywords.length, c.id).toBeGreaterThanOrEqual(15);
      expect(c.keywords.length, c.id).toBeLessThanOrEqual(60);
      expect(c.synonyms.length + c.aliases.length, c.id).toBeGreaterThan(0);
    }
    for (const { pathway } of pathways) expect(pathway.keywords.length, pathway.id).toBeGreaterThanOrEqual(5);
  });

  it('keeps every term list lower-case where it is written, trimmed and free of duplicates', () => {
    const lists = [
      ...CLUSTERS.flatMap((c) => [c.synonyms, c.aliases, c.keywords]),
      ...pathways.flatMap(({ pathway: p }) => [p.synonyms, p.aliases, p.keywords]),
    ];
    for (const list of lists) {
      for (const term of list) {
        expect(term).toBe(term.trim());
        expect(term.length).toBeGreaterThan(0);
        if (term !== '4-H') expect(term).toBe(term.toLowerCase());
      }
      expect(new Set(list).size, list.join(', ')).toBe(list.length);
    }
  });

  it('has no keyword too generic to point to a field', () => {
    const all = [...CLUSTERS.flatMap((c) => c.keywords), ...pathways.flatMap(({ pathway }) => pathway.keywords)];
    expect(all.filter((k) => TOO_GENERIC.has(k.toLowerCase()))).toEqual([]);
  });

  it('has no name, synonym or alias that names two clusters', () => {
    const owners = new Map<string, Set<string>>();
    const note = (term: string, clusterId: string) => {
      const key = normalizeFieldText(term).replaceAll(' ', '');
      owners.set(key, (owners.get(key) ?? new Set()).add(clusterId));
    };
    for (const c of CLUSTERS) {
      for (const term of [c.id, c.name, c.shortName, ...c.synonyms, ...c.aliases]) note(term, c.id);
      for (const p of c.pathways) for (const term of [p.id, p.name, ...p.synonyms, ...p.aliases]) note(term, c.id);
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => `${key}: ${[...ids]}`);
    expect(shared).toEqual([]);
  });
});

describe('normalizeFieldText', () => {
  it.each([
    ['Health-Care & Nursing', 'health care nursing'],
    ['  Éducation  and   Training ', 'education training'],
    ['Arts, A/V Technology & Communications', 'arts a v technology communications'],
    ['information-technology/network-systems', 'information technology network systems'],
    ['AND & and', ''],
    ['Ｈｅａｌｔｈｃａｒｅ', 'healthcare'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFieldText(input)).toBe(expected);
  });
});

describe('resolveField', () => {
  it.each([
    ['healthcare', 'health-science'],
    ['health care', 'health-science'],
    ['Health-Care', 'health-science'],
    ['HEALTHCARE', 'health-science'],
    ['Health Science', 'health-science'],
    ['health-science', 'health-science'],
    ['medical', 'health-science'],
    ['nursing', 'health-science'],
    ['IT', 'information-technology'],
    ['it', 'information-technology'],
    ['tech', 'information-technology'],
    ['Information Technology', 'information-technology'],
    ['computing', 'information-technology'],
    ['kubernetes', 'information-technology'],
    ['Agriculture, Food and Natural Resources', 'agriculture-food-natural-resources'],
    ['agriculture food & natural resources', 'agriculture-food-natural-resources'],
    ['Éducation', 'education-training'],
    ['STEM', 'stem'],
    ['logistics', 'transportation-distribution-logistics'],
    ['CPA', 'finance'],
    ['construction', 'architecture-construction'],
  ])('%j → %s', (text, clusterId) => {
    expect(resolveField(text)?.clusterId).toBe(clusterId);
  });

  it('gives a cluster alone for a cluster name, and the pathway for a pathway name or slug', () => {
    expect(resolveField('Health Science')).toEqual({ clusterId: 'health-science' });
    expect(resolveField('construction')).toEqual({ clusterId: 'architecture-construction' });
    expect(resolveField('Therapeutic Services')).toEqual({
      clusterId: 'health-science',
      pathwayId: 'health-science/therapeutic-services',
    });
    expect(resolveField('design-pre-construction')).toEqual({
      clusterId: 'architecture-construction',
      pathwayId: 'architecture-construction/design-pre-construction',
    });
    expect(resolveField('Programming & Software Development')).toEqual({
      clusterId: 'information-technology',
      pathwayId: 'information-technology/programming-software-development',
    });
  });

  it('resolves a keyword to its cluster only', () => {
    expect(resolveField('kubernetes')).toEqual({ clusterId: 'information-technology' });
    expect(resolveField('HIMSS')).toEqual({ clusterId: 'health-science' });
  });

  it('resolves every id, name and synonym to its own cluster', () => {
    for (const c of CLUSTERS) {
      for (const term of [c.id, c.name, c.shortName, ...c.synonyms, ...c.aliases]) {
        expect(resolveField(term)?.clusterId, term).toBe(c.id);
      }
      for (const p of c.pathways) {
        expect(resolveField(p.id)).toEqual({ clusterId: c.id, pathwayId: p.id });
        for (const term of [p.name, ...p.synonyms, ...p.aliases])
          expect(resolveField(term)?.clusterId, term).toBe(c.id);
      }
    }
  });

  it.each(['underwater basket weaving', '', '   ', 'and', '&', 'c', 'health-science/nope', 'x'.repeat(201)])(
    'gives undefined for %j',
    (text) => {
      expect(resolveField(text)).toBeUndefined();
    },
  );

  it('returns a copy the caller may change', () => {
    const ref = resolveField('healthcare');
    if (ref) ref.clusterId = 'changed';
    expect(resolveField('healthcare')?.clusterId).toBe('health-science');
  });
});

describe('listFields', () => {
  it('lists the 16 clusters with their pathways, in taxonomy order', () => {
    const fields = listFields();
    expect(fields.map((f) => f.id)).toEqual(CLUSTER_IDS);
    expect(fields.flatMap((f) => f.pathways)).toHaveLength(79);
    expect(fields.find((f) => f.id === 'information-technology')).toMatchObject({
      name: 'Information Technology',
      shortName: 'IT',
      pathways: expect.arrayContaining([{ id: 'information-technology/network-systems', name: 'Network Systems' }]),
    });
  });
});
