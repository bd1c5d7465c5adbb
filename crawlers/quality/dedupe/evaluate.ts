import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THRESHOLDS, type DedupeFacts, type MatchThresholds, matchEvents } from '@fieldguide/crawlers';

/** The labelled pairs shipped with the crawler: `crawlers/quality/dedupe/fixtures/pairs.jsonl`. */
export const LABELLED_PAIRS_PATH = fileURLToPath(new URL('./fixtures/pairs.jsonl', import.meta.url));

/** Two event records and whether they are one event, as a person judged it. */
export interface LabelledPair {
  id: string;
  /** What makes the pair easy or hard (`copy-in-person`, `same-day-same-city`, `series-other-year`, …). */
  kind: string;
  duplicate: boolean;
  note: string;
  a: DedupeFacts;
  b: DedupeFacts;
}

/** Reads a JSON-lines file of {@link LabelledPair}s. */
export function readLabelledPairs(path = LABELLED_PAIRS_PATH): LabelledPair[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledPair);
}

/** Counts of a run of the matcher over labelled pairs. */
export interface Confusion {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

/** Precision and recall of the matcher on labelled pairs, overall and per kind, with the pairs it got wrong. */
export interface DedupeEvaluation extends Confusion {
  pairs: number;
  /** TP / (TP + FP); 1 when nothing was called a duplicate. */
  precision: number;
  /** TP / (TP + FN); 1 when no pair is a duplicate. */
  recall: number;
  f1: number;
  byKind: Record<string, Confusion & { pairs: number }>;
  mistakes: { id: string; kind: string; expected: boolean; reason: string; titleScore: number; note: string }[];
}

const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

/** Runs {@link matchEvents} over `pairs` with `thresholds` and scores it against the labels. */
export function evaluateDedupe(
  pairs: readonly LabelledPair[],
  thresholds: Readonly<MatchThresholds> = DEFAULT_THRESHOLDS,
): DedupeEvaluation {
  const empty = (): Confusion & { pairs: number } => ({
    pairs: 0,
    truePositives: 0,
    falsePositives: 0,
    trueNegatives: 0,
    falseNegatives: 0,
  });
  const total = empty();
  const byKind: DedupeEvaluation['byKind'] = {};
  const mistakes: DedupeEvaluation['mistakes'] = [];
  for (const pair of pairs) {
    const match = matchEvents(pair.a, pair.b, thresholds);
    const key: keyof Confusion = match.duplicate
      ? pair.duplicate
        ? 'truePositives'
        : 'falsePositives'
      : pair.duplicate
        ? 'falseNegatives'
        : 'trueNegatives';
    const kind = byKind[pair.kind] ?? empty();
    byKind[pair.kind] = kind;
    for (const counts of [total, kind]) {
      counts.pairs += 1;
      counts[key] += 1;
    }
    if (match.duplicate !== pair.duplicate) {
      mistakes.push({
        id: pair.id,
        kind: pair.kind,
        expected: pair.duplicate,
        reason: match.reason,
        titleScore: Math.round(match.title.score * 1000) / 1000,
        note: pair.note,
      });
    }
  }
  const precision = ratio(total.truePositives, total.truePositives + total.falsePositives);
  const recall = ratio(total.truePositives, total.truePositives + total.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...total, precision, recall, f1, byKind, mistakes };
}

/** One row of a threshold sweep. */
export interface SweepRow {
  thresholds: MatchThresholds;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores every combination of the given same-place and unknown-place title thresholds (the same-URL bar
 * kept), best F1 first, then higher precision: how the defaults were picked.
 */
export function sweepThresholds(
  pairs: readonly LabelledPair[],
  samePlace: readonly number[],
  unknownPlace: readonly number[],
): SweepRow[] {
  const rows: SweepRow[] = [];
  for (const s of samePlace) {
    for (const u of unknownPlace) {
      if (u < s) continue;
      const thresholds = { ...DEFAULT_THRESHOLDS, samePlace: s, unknownPlace: u };
      const { precision, recall, f1 } = evaluateDedupe(pairs, thresholds);
      rows.push({ thresholds, precision, recall, f1 });
    }
  }
  return rows.sort((a, b) => b.f1 - a.f1 || b.precision - a.precision);
}
