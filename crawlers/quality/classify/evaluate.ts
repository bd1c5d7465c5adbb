import { type ClassifyEventInput, classifyEvent, type EventClassification } from '@fieldguide/crawlers';
import { CLUSTERS, EVENT_TYPES, type EventType } from '@fieldguide/shared';
import type { EvalCase, NamedConference } from './eval-set.js';

/** Precision, recall and F1 of one cluster, or of all of them pooled. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusterScore extends Prf {
  id: string;
  /** Cases labelled with the cluster. */
  support: number;
  tp: number;
  fp: number;
  fn: number;
}

/** How the classifiers did on a set of labelled cases. */
export interface EvalReport {
  cases: number;
  clusters: ClusterScore[];
  /** Pooled over every (case, cluster) decision. */
  micro: Prf;
  /** The mean over clusters that have support. */
  macro: Prf;
  /** Share of cases whose cluster set is exactly the label's. */
  exactFields: number;
  typeAccuracy: number;
  /** Expected type → predicted type → count. */
  typeConfusion: Record<EventType, Record<EventType, number>>;
  /** Share of cases where `hiring.score >= HIRING_HIGH` agrees with the high/low label. */
  hiringAccuracy: number;
  hiringMisses: { highAsLow: number; lowAsHigh: number };
  /** Finding the events open to all fields, over every case (unlabelled cases are not open to all). */
  allFields: BinaryScore;
  /** Finding the events with no professional purpose (the positive class), over every case (unlabelled: relevant). */
  notCareer: BinaryScore;
  /** Each case that got something wrong, for tuning. */
  errors: CaseError[];
}

/** A yes/no decision scored on its positive class. */
export interface BinaryScore extends Prf {
  /** Cases labelled positive. */
  support: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface CaseError {
  id: string;
  title: string;
  allFields?: { expected: boolean; got: boolean };
  careerRelevant?: { expected: boolean; got: boolean; reason?: string };
  fields?: { expected: string[]; got: string[] };
  type?: { expected: EventType; got: EventType };
  hiring?: { expected: 'high' | 'low'; score: number; reasons: string[] };
}

/** A hiring score at or above this counts as "high". */
export const HIRING_HIGH = 0.5;

/**
 * The floors `evaluate.test.ts` holds, a little under what the classifiers reach (see docs/quality.md): on the
 * whole set, on the held-out quarter, and on the conference-data names.
 */
export const QUALITY_FLOORS = {
  'micro F1': 0.9,
  'macro F1': 0.9,
  'recall of every cluster': 0.75,
  'type accuracy': 0.95,
  'hiring accuracy': 0.95,
  'held-out micro F1': 0.85,
  'held-out type accuracy': 0.9,
  'held-out hiring accuracy': 0.9,
  'conference-data in IT': 0.9,
  'all fields: precision': 0.85,
  'all fields: recall': 0.9,
  'not career-relevant: precision': 0.95,
  'not career-relevant: recall': 0.75,
} as const;

const binary = (n: { tp: number; fp: number; fn: number }): BinaryScore => {
  const precision = ratio(n.tp, n.tp + n.fp);
  const recall = ratio(n.tp, n.tp + n.fn);
  return { ...n, support: n.tp + n.fn, precision, recall, f1: f1(precision, recall) };
};
const tally = (n: { tp: number; fp: number; fn: number }, expected: boolean, got: boolean) => {
  if (expected && got) n.tp++;
  else if (got) n.fp++;
  else if (expected) n.fn++;
};

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** The classifier input an evaluation case stands for. */
export function caseInput(c: EvalCase): ClassifyEventInput {
  return {
    title: c.title,
    description: c.description,
    format: c.format,
    ...(c.tags ? { tags: c.tags } : {}),
    ...(c.organizer ? { organizer: c.organizer } : {}),
    ...(c.typeHint ? { typeHint: c.typeHint } : {}),
    ...(c.association ? { association: c.association } : {}),
    ...(c.exhibitorsCount !== undefined ? { exhibitorsCount: c.exhibitorsCount } : {}),
  };
}

/** Runs `classify` (by default {@link classifyEvent}) on every case and scores it against the labels. */
export function evaluate(
  cases: readonly EvalCase[],
  classify: (input: ClassifyEventInput) => EventClassification = classifyEvent,
): EvalReport {
  const counts = new Map(CLUSTERS.map((c) => [c.id, { tp: 0, fp: 0, fn: 0, support: 0 }]));
  const typeConfusion = Object.fromEntries(
    EVENT_TYPES.map((t) => [t, Object.fromEntries(EVENT_TYPES.map((u) => [u, 0]))]),
  ) as Record<EventType, Record<EventType, number>>;
  let exact = 0;
  let typeRight = 0;
  let hiringRight = 0;
  const hiringMisses = { highAsLow: 0, lowAsHigh: 0 };
  const allFields = { tp: 0, fp: 0, fn: 0 };
  const notCareer = { tp: 0, fp: 0, fn: 0 };
  const errors: CaseError[] = [];

  for (const c of cases) {
    const got = classify(caseInput(c));
    const expected = new Set(c.expect.fields);
    const predicted = new Set(got.fields);
    for (const [id, n] of counts) {
      if (expected.has(id)) n.support++;
      if (expected.has(id) && predicted.has(id)) n.tp++;
      else if (predicted.has(id)) n.fp++;
      else if (expected.has(id)) n.fn++;
    }
    const fieldsRight = expected.size === predicted.size && [...expected].every((id) => predicted.has(id));
    if (fieldsRight) exact++;
    typeConfusion[c.expect.type][got.type]++;
    if (got.type === c.expect.type) typeRight++;
    const high = got.hiring.score >= HIRING_HIGH;
    const hiringOk = high === (c.expect.hiring === 'high');
    if (hiringOk) hiringRight++;
    else if (high) hiringMisses.lowAsHigh++;
    else hiringMisses.highAsLow++;
    const allFieldsExpected = c.expect.allFields === true;
    const allFieldsOk = allFieldsExpected === got.allFields;
    tally(allFields, allFieldsExpected, got.allFields);
    const relevantExpected = c.expect.careerRelevant !== false;
    const relevantOk = relevantExpected === got.careerRelevant;
    tally(notCareer, !relevantExpected, !got.careerRelevant);

    if (!fieldsRight || got.type !== c.expect.type || !hiringOk || !allFieldsOk || !relevantOk) {
      errors.push({
        id: c.id,
        title: c.title,
        ...(allFieldsOk ? {} : { allFields: { expected: allFieldsExpected, got: got.allFields } }),
        ...(relevantOk
          ? {}
          : {
              careerRelevant: {
                expected: relevantExpected,
                got: got.careerRelevant,
                ...(got.relevanceReason ? { reason: got.relevanceReason } : {}),
              },
            }),
        ...(fieldsRight ? {} : { fields: { expected: c.expect.fields, got: got.fields } }),
        ...(got.type === c.expect.type ? {} : { type: { expected: c.expect.type, got: got.type } }),
        ...(hiringOk
          ? {}
          : { hiring: { expected: c.expect.hiring, score: got.hiring.score, reasons: got.hiring.reasons } }),
      });
    }
  }

  const clusters: ClusterScore[] = [...counts].map(([id, n]) => {
    const precision = ratio(n.tp, n.tp + n.fp);
    const recall = ratio(n.tp, n.tp + n.fn);
    return { id, ...n, precision, recall, f1: f1(precision, recall) };
  });
  const tp = clusters.reduce((s, c) => s + c.tp, 0);
  const fp = clusters.reduce((s, c) => s + c.fp, 0);
  const fn = clusters.reduce((s, c) => s + c.fn, 0);
  const microP = ratio(tp, tp + fp);
  const microR = ratio(tp, tp + fn);
  const supported = clusters.filter((c) => c.support > 0);
  const mean = (pick: (c: ClusterScore) => number) =>
    ratio(
      supported.reduce((s, c) => s + pick(c), 0),
      supported.length,
    );
  return {
    cases: cases.length,
    clusters,
    micro: { precision: microP, recall: microR, f1: f1(microP, microR) },
    macro: { precision: mean((c) => c.precision), recall: mean((c) => c.recall), f1: mean((c) => c.f1) },
    exactFields: ratio(exact, cases.length),
    typeAccuracy: ratio(typeRight, cases.length),
    typeConfusion,
    hiringAccuracy: ratio(hiringRight, cases.length),
    hiringMisses,
    allFields: binary(allFields),
    notCareer: binary(notCareer),
    errors,
  };
}

/** The most frequent wrong (expected → predicted) type pairs, most frequent first. */
export function topTypeConfusions(
  report: EvalReport,
  limit = 8,
): { expected: EventType; got: EventType; count: number }[] {
  const pairs: { expected: EventType; got: EventType; count: number }[] = [];
  for (const expected of EVENT_TYPES) {
    for (const got of EVENT_TYPES) {
      const count = report.typeConfusion[expected][got];
      if (expected !== got && count > 0) pairs.push({ expected, got, count });
    }
  }
  return pairs.sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)).slice(0, limit);
}

/** Topics of conference-data whose conferences may be STEM (data science) rather than IT. */
export const STEM_TOPICS: ReadonlySet<string> = new Set(['data', 'iot']);

/** How many conference-data names land in IT (or STEM for data topics), by topic. */
export interface ConferenceDataCheck {
  total: number;
  inField: number;
  share: number;
  byTopic: { topic: string; total: number; inField: number }[];
  misses: NamedConference[];
}

/** Classifies each conference by its name and its file's topic, as the json-list extractor passes them. */
export function checkConferenceNames(names: readonly NamedConference[]): ConferenceDataCheck {
  const topics = new Map<string, { total: number; inField: number }>();
  const misses: NamedConference[] = [];
  let inField = 0;
  for (const conference of names) {
    const { fields } = classifyEvent({ title: conference.name, typeHint: conference.topic });
    const ok =
      fields.includes('information-technology') || (STEM_TOPICS.has(conference.topic) && fields.includes('stem'));
    const topic = topics.get(conference.topic) ?? { total: 0, inField: 0 };
    topic.total++;
    if (ok) {
      topic.inField++;
      inField++;
    } else {
      misses.push(conference);
    }
    topics.set(conference.topic, topic);
  }
  return {
    total: names.length,
    inField,
    share: ratio(inField, names.length),
    byTopic: [...topics].map(([topic, n]) => ({ topic, ...n })).sort((a, b) => b.total - a.total),
    misses,
  };
}
