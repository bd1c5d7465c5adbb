import type { EventType } from '@fieldguide/shared';
import { createPhraseMatcher, type PhraseMatcher, tagPhrases } from './phrase-matcher.js';
import { tokenize } from './text.js';

/** What the all-fields classifier reads of an event, with what the other classifiers found. */
export interface AllFieldsInput {
  title: string;
  description?: string;
  tags?: readonly string[];
  type: EventType;
  /** The event's fields from its text and its source. */
  fields: readonly string[];
  /** The fields its title alone names. */
  titleFields: readonly string[];
  /** Fields the source gives all its events. */
  sourceFields?: readonly string[];
}

/** A career fair whose text lists this many fields, none in its title, is a fair of every field. */
export const MANY_FIELDS = 3;

type Cue = 'open' | 'career';

const words = (cue: Cue, list: string) => tagPhrases(cue, list);

const CUES: [string, Cue][] = [
  // Said outright: the event is for people of every field.
  ...words(
    'open',
    `all majors, all major, every major, any major, majors welcome, all fields, every field, any field,
     all career fields, all industries, every industry, any industry, multi industry, cross industry,
     all disciplines, every discipline, all academic programs, all programs, all degree levels and majors,
     all majors welcome, open to all majors, open to all students, all career paths, every career path`,
  ),
  // Career services that serve everyone: how to get hired, whatever the field.
  ...words(
    'career',
    `resume, resumes, cv, cvs, cover letter, cover letters, mock interview, mock interviews, interview prep,
     interview skills, interviewing skills, job search, job searching, linkedin, career readiness,
     career development, career prep, career fair prep, personal branding, salary negotiation, career services,
     career center, career office, elevator pitch, headshots`,
  ),
];

let matcher: PhraseMatcher<Cue> | undefined;
const cueMatcher = () => {
  matcher ??= createPhraseMatcher(CUES);
  return matcher;
};

/** Types that gather people of any field when nothing names one: a career fair, a networking night. */
const GENERAL_TYPES: ReadonlySet<EventType> = new Set(['career-fair', 'networking']);

/**
 * Whether an event is open to every field. Either its text says so ("all majors", "every industry"), or it is a
 * career fair, networking event or career service (résumés, mock interviews) that no field claims: neither its
 * text nor its source names one; or a career fair or networking event whose title names no field while its text
 * lists {@link MANY_FIELDS} or more (the sectors of its employers). An event of a field stays that field's ("Nursing Job Fair", a résumé clinic for
 * culinary students, a nursing association's career fair).
 */
export function isOpenToAllFields(input: AllFieldsInput): boolean {
  const found = new Set<Cue>();
  const text = [input.title, ...(input.tags ?? []), input.description ?? ''].join('\n');
  for (const { values } of cueMatcher().match(tokenize(text))) for (const cue of values) found.add(cue);
  if (found.has('open')) return true;
  if ((input.sourceFields?.length ?? 0) > 0) return false;
  const general = GENERAL_TYPES.has(input.type);
  if (input.fields.length === 0) return general || found.has('career');
  // "Employers from healthcare, retail, manufacturing and logistics": a list of sectors, not one field's fair.
  return general && input.titleFields.length === 0 && input.fields.length >= MANY_FIELDS;
}
