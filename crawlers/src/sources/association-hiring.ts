import type { HiringSignal } from '@fieldguide/shared';

/** An association's hiring signal from what is known of it: a job board or career center draws employers. */
export function associationHiring(facts: { jobBoardUrl?: string | undefined }): HiringSignal {
  return facts.jobBoardUrl
    ? { score: 0.6, reasons: ['Runs a job board or career center'] }
    : { score: 0.3, reasons: ['Professional association'] };
}
