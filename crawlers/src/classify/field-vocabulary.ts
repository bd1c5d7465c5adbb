import { CLUSTERS } from '@fieldguide/shared';
import { createPhraseMatcher, type PhraseMatcher } from './phrase-matcher.js';
import { termKey } from './text.js';

/** How strongly a term names a field: a name or synonym names it, a keyword or alias points to it. */
export type TermTier = 'name' | 'keyword';

/** One meaning of a phrase: the cluster (and pathway) it points to. `stop` phrases mean no field at all. */
export type TermEntry = { kind: 'field'; clusterId: string; pathwayId?: string; tier: TermTier } | { kind: 'stop' };

// Names and aliases that event pages use for anything: never evidence.
const NEVER = ['planning', 'production', 'support services', 'sales and service', 'governance', 'regulation'];

// Words that name a field in a title ("Hospitality Job Fair", "Travel Summit") but are boilerplate in a
// description ("nearby hotels", "travel grants", "event logistics", "marketing opportunities"). They count as
// keywords in titles, tags, topics and organizer names only.
const TITLE_ONLY = [
  'business',
  'education',
  'marketing',
  'government',
  'logistics',
  'hospitality',
  'travel',
  'transportation',
  'transport',
  'sales',
  'selling',
  'media',
  'communications',
  'arts',
  'art',
  'news',
  'reporting',
  'money',
  'tech',
  'science',
  'sciences',
  'engineering',
  'engineers',
  'infrastructure',
  'contracting',
  'industrial',
  'programming',
  'instruction',
  'legal',
  'defense',
  'child care',
  'childcare',
  'hotels',
  'restaurants',
  'schools',
  'resorts',
  'lodging',
  'theatre',
  'theater',
  'music',
  'dance',
  'salon',
  'fulfillment',
  'web',
  'code',
  'hack',
  'internet',
];

const SOFTWARE_CONTEXT = [
  'software',
  'cloud',
  'microservices',
  'network',
  'data',
  'security',
  'api',
  'apis',
  'serverless',
];

/**
 * Terms with another common meaning, and the words that, anywhere in the event, show the other meaning:
 * Java the island, Python the snake, rust on steel, a CFP that calls for papers, "coding" of medical bills.
 */
const OTHER_MEANING: Readonly<Record<string, readonly string[]>> = {
  java: ['island', 'indonesia', 'indonesian', 'bali', 'jakarta', 'sumatra', 'coffee', 'coffees', 'cafe', 'beans'],
  python: ['snake', 'snakes', 'reptile', 'reptiles', 'burmese', 'everglades', 'invasive'],
  ruby: ['gem', 'gems', 'gemstone', 'gemstones', 'jewelry', 'jewellery', 'anniversary', 'wedding'],
  rust: ['corrosion', 'corroded', 'coating', 'coatings', 'paint', 'steel', 'oxidation', 'metal'],
  cfp: ['papers', 'paper', 'proposals', 'speakers', 'speaker', 'talks', 'talk', 'submit', 'submissions'],
  coding: ['medical', 'billing', 'icd', 'cpt', 'coders', 'hcpcs', 'reimbursement'],
  architecture: SOFTWARE_CONTEXT,
  architects: SOFTWARE_CONTEXT,
  developers: ['estate', 'property', 'housing', 'residential', 'multifamily', 'land', 'leasing', 'homebuilders'],
  tech: ['vet', 'veterinary', 'radiologic', 'pharmacy', 'surgical', 'sterile', 'nail', 'ultrasound', 'lab'],
  clinical: ['legal', 'law'],
  defense: ['thesis', 'dissertation', 'self', 'attorneys', 'lawyers'],
  elm: ['tree', 'trees', 'disease', 'street', 'wood'],
};

// Phrases whose words name a field but which say nothing about the event's field; matching them uses the words up.
const STOP_PHRASES = [
  'state of the art',
  'the art of',
  'art of the possible',
  'social media',
  'ticket sales',
  'business cards',
  'business card',
  'business casual',
  'business hours',
  'business days',
  'hotel block',
  'conference hotel',
  'host hotel',
  'hotel reservations',
  'hospitality suite',
  'hospitality room',
  'hospitality reception',
  'event logistics',
  'marketing opportunities',
  'advertising opportunities',
  'continuing education',
  'education sessions',
  'educational sessions',
  'education program',
  'professional development',
  'government issued',
  'career counseling',
  'teaching hospital',
  'martial arts',
  'liberal arts',
  'thin film',
  'code of conduct',
  'dress code',
  'promo code',
  'discount code',
  'qr code',
  'tax code',
  'zip code',
  'life hacks',
  'internet access',
];

/**
 * Category labels that event listings file events under, as pathway ids. In prose "security" or "testing" says
 * nothing about a field; as the category a listing gives an event (a topic in `typeHint`) it does. Read only from
 * topics, never from a title or description.
 */
export const TOPIC_CATEGORIES: Readonly<Record<string, string>> = {
  security: 'information-technology/network-systems',
  networking: 'information-technology/network-systems',
  identity: 'information-technology/network-systems',
  testing: 'information-technology/programming-software-development',
  performance: 'information-technology/web-digital-communications',
  accessibility: 'information-technology/web-digital-communications',
  data: 'stem/science-mathematics',
  leadership: 'business-management-administration/general-management',
};

/** Words that name a field only when written in capitals: "IT", "HR", "STEM", "ML" (not "it", "stem cells", "5 ml"). */
export const UPPER_ONLY: ReadonlySet<string> = new Set(['it', 'hr', 'stem', 'ml']);

/** The compiled vocabulary: one matcher over every term of the taxonomy plus the stop phrases. */
export interface FieldVocabulary {
  matcher: PhraseMatcher<TermEntry>;
  titleOnly: ReadonlySet<string>;
  never: ReadonlySet<string>;
  otherMeaning: ReadonlyMap<string, readonly string[]>;
  /** Taxonomy position of each cluster id, to break ties. */
  clusterOrder: ReadonlyMap<string, number>;
}

function* taxonomyTerms(): Generator<readonly [string, TermEntry]> {
  for (const cluster of CLUSTERS) {
    const clusterId = cluster.id;
    for (const term of [cluster.name, cluster.shortName, ...cluster.synonyms]) {
      yield [term, { kind: 'field', clusterId, tier: 'name' }];
    }
    for (const term of [...cluster.aliases, ...cluster.keywords]) {
      yield [term, { kind: 'field', clusterId, tier: 'keyword' }];
    }
    for (const pathway of cluster.pathways) {
      const pathwayId = pathway.id;
      for (const term of [pathway.name, ...pathway.synonyms]) {
        yield [term, { kind: 'field', clusterId, pathwayId, tier: 'name' }];
      }
      for (const term of [...pathway.aliases, ...pathway.keywords]) {
        yield [term, { kind: 'field', clusterId, pathwayId, tier: 'keyword' }];
      }
    }
  }
  for (const phrase of STOP_PHRASES) yield [phrase, { kind: 'stop' }];
}

let compiled: FieldVocabulary | undefined;

/** The vocabulary, compiled on first use (about 3,000 phrases; a few milliseconds). */
export function fieldVocabulary(): FieldVocabulary {
  compiled ??= {
    matcher: createPhraseMatcher(taxonomyTerms(), { upperOnly: UPPER_ONLY }),
    titleOnly: new Set(TITLE_ONLY.map(termKey)),
    never: new Set(NEVER.map(termKey)),
    otherMeaning: new Map(Object.entries(OTHER_MEANING).map(([term, words]) => [termKey(term), words.map(termKey)])),
    clusterOrder: new Map(CLUSTERS.map((c, i) => [c.id, i])),
  };
  return compiled;
}
