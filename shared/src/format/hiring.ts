/** Hiring score (0–1) at or above which an event or association is shown as "Hiring managers likely". */
export const HIRING_LIKELY = 0.5;
/** Hiring score (0–1) at or above which it is shown as "Hiring managers very likely". */
export const HIRING_STRONG = 0.75;

/** How strong a hiring signal is, in the words' three steps. */
export type HiringLevel = 'strong' | 'likely' | 'low';

/** What people read for each level. */
export const HIRING_LEVEL_LABELS: Readonly<Record<HiringLevel, string>> = {
  strong: 'Hiring managers very likely',
  likely: 'Hiring managers likely',
  low: 'Few signs of hiring managers',
};

/**
 * A hiring signal in any of its shapes: a score (an API hit, an index document: `hiring` 0–1 and
 * `hiringReasons`) or the stored event's `hiring: { score, reasons }`.
 */
export interface HiringInput {
  hiring: number | { score: number; reasons?: readonly string[] | undefined };
  hiringReasons?: readonly string[] | null | undefined;
}

/** The score (0–1) of a hiring signal; 0 when it is not a number. */
export function hiringScore(input: HiringInput): number {
  const score = typeof input.hiring === 'number' ? input.hiring : input.hiring.score;
  return Number.isFinite(score) ? score : 0;
}

/** Why the signal is what it is, as shown to people (may be empty). */
export function hiringReasons(input: HiringInput): readonly string[] {
  return (typeof input.hiring === 'number' ? input.hiringReasons : input.hiring.reasons) ?? [];
}

/** The level of a score: `strong` from {@link HIRING_STRONG}, `likely` from {@link HIRING_LIKELY}, else `low`. */
export function hiringLevel(score: number): HiringLevel {
  return score >= HIRING_STRONG ? 'strong' : score >= HIRING_LIKELY ? 'likely' : 'low';
}

/**
 * The badge text lists show for an event or association: "Hiring managers very likely", "Hiring managers
 * likely", or `undefined` for a low signal (unless `showLow`, then "Few signs of hiring managers").
 */
export function formatHiring(input: HiringInput, options: { showLow?: boolean } = {}): string | undefined {
  const level = hiringLevel(hiringScore(input));
  return level === 'low' && !options.showLow ? undefined : HIRING_LEVEL_LABELS[level];
}
