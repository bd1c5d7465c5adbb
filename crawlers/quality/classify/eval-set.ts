import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EventFormat, EventType } from '@fieldguide/shared';

/** One labelled event of the evaluation set (`fixtures/eval-set.jsonl`, one JSON object a line). */
export interface EvalCase {
  id: string;
  /** `tune` cases may guide keyword tuning; `holdout` cases (every fourth) are only measured. */
  split: 'tune' | 'holdout';
  title: string;
  description: string;
  format: EventFormat;
  tags?: string[];
  organizer?: string;
  typeHint?: string;
  association?: { jobBoardUrl?: string; hasCareerCenter?: boolean };
  exhibitorsCount?: number;
  expect: {
    fields: string[];
    type: EventType;
    hiring: 'high' | 'low';
    /** Open to every field (then `fields` is empty); absent: false. */
    allFields?: boolean;
    /** False for a hobby, leisure or family event; absent: true. */
    careerRelevant?: boolean;
  };
}

/** A conference name from the conference-data set, with the topic its file is named after. */
export interface NamedConference {
  name: string;
  topic: string;
  file: string;
}

/** The evaluation set's file. */
export const EVAL_SET_PATH = path.join(import.meta.dirname, 'fixtures', 'eval-set.jsonl');

/** `<repo>/../shared/data/conference-data/conferences`, where the lead keeps the real sample data. */
export const CONFERENCE_DATA_DIR = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/conference-data/conferences',
);

/** Reads the evaluation set; throws with the line number on a malformed line. */
export function loadEvalSet(file = EVAL_SET_PATH): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      try {
        return JSON.parse(line) as EvalCase;
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not JSON`, { cause: error });
      }
    });
}

/** Every conference name of conference-data (`<year>/<topic>.json`), or undefined when the folder is absent. */
export function loadConferenceNames(dir = CONFERENCE_DATA_DIR): NamedConference[] | undefined {
  if (!existsSync(dir)) return undefined;
  const names: NamedConference[] = [];
  for (const year of readdirSync(dir).sort()) {
    for (const file of readdirSync(path.join(dir, year))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const entries = JSON.parse(readFileSync(path.join(dir, year, file), 'utf8')) as unknown;
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        const name = (entry as { name?: unknown }).name;
        if (typeof name === 'string')
          names.push({ name, topic: file.slice(0, -'.json'.length), file: `${year}/${file}` });
      }
    }
  }
  return names;
}
