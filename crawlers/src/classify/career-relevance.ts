import type { EventType } from '@fieldguide/shared';
import { createPhraseMatcher, type PhraseMatcher, tagPhrases } from './phrase-matcher.js';
import { tokenize } from './text.js';

/** What the relevance classifier reads of an event, with what the other classifiers found. */
export interface CareerRelevanceInput {
  title: string;
  description?: string;
  tags?: readonly string[];
  type: EventType;
  /** Fields the source gives all its events: a field's own calendar has a professional purpose. */
  sourceFields?: readonly string[];
  /** The hiring signal's score: anything above what the type and format give means hiring evidence. */
  hiringEvidence?: boolean;
}

/** Whether an event has a professional purpose, and if not, why. */
export interface CareerRelevance {
  careerRelevant: boolean;
  /** Set when `careerRelevant` is false: the words that made it a hobby, leisure or family event. */
  reason?: string;
}

type Cue = 'leisure' | 'career';

const words = (cue: Cue, list: string) => tagPhrases(cue, list);

// Leisure: pastimes, family and social outings. Career: anything that says work, study for work, or a profession.
const CUES: [string, Cue][] = [
  ...words(
    'leisure',
    `hobby, hobbies, hobbyist, hobbyists, hobby night, hobby meetup, leisure, just for fun, for fun, recreational,
     backyard, amateur, amateurs, tinkerers, tinkerer, diy, star party, stargazing,
     county fair, rides, block party, block parties, farmers market, live music, personal finance,
     board game, board games, game night, games night, tabletop, tabletop games, card games, video game night,
     trivia night, pub quiz, karaoke, bingo, puzzle, puzzles, chess club, lego,
     sourdough, home bakers, home baker, home cooks, bake sale, starter swap, potluck, recipe swap,
     knitting, crochet, quilting, sewing circle, scrapbooking, craft night, crafts night, paint and sip,
     book club, reading group, poetry night, open mic, movie night, film night,
     yoga class, meditation, running club, run club, hiking, hike, bird walk, birdwatching, bird watching,
     garden club, gardening club, plant swap, dog walk, pet adoption, puppy,
     family fun, family day, family film, family movie, kids, parents, foster parents, homeschool, storytime,
     story time, singles, speed dating, dance class, salsa night, wine tasting, beer tasting, pub crawl`,
  ),
  ...words(
    'career',
    `career, careers, job, jobs, hiring, recruiting, recruiters, recruitment, employer, employers, employment,
     internship, internships, interns, resume, resumes, cv, interview, interviews, professional, professionals,
     professional development, continuing education, ce credits, ceu, ceus, cme, cle, cpe, pdh, pdhs,
     certification, certified, licensure, license, credential, industry, industries, business, businesses,
     entrepreneurs, entrepreneur, founders, startup, startups, association, chapter, networking,
     conference, summit, workforce, apprenticeship, apprentices, clinicians, practitioners,
     educators, teachers, nurses, engineers, developers, managers, executives, students, graduates, alumni,
     mentoring, mentorship, portfolio, training, upskilling, reskilling, chefs, staff, colleagues`,
  ),
];

let matcher: PhraseMatcher<Cue> | undefined;
const cueMatcher = () => {
  matcher ??= createPhraseMatcher(CUES);
  return matcher;
};

/** Types that are professional by what they are, whatever their text says. */
const PROFESSIONAL_TYPES: ReadonlySet<EventType> = new Set([
  'career-fair',
  'conference',
  'association-meeting',
  'seminar',
  'webinar',
  'workshop',
]);

/**
 * Whether an event has a professional purpose. An event is left out of career listings only when its text names a
 * hobby, leisure or family pastime ("board game night", "a hobby meetup for home bakers") and nothing else speaks
 * for a profession: no career word (job, professional, members of a chapter, students, …), no hiring evidence, no
 * source that publishes for a field, and a type (meetup, networking, other) that says nothing on its own. A field
 * found in the text does not save it ("backyard beekeepers" are agriculture's words, not its work). Conservative
 * on purpose: a wrongly hidden event costs more than a hobby left in.
 */
export function careerRelevance(input: CareerRelevanceInput): CareerRelevance {
  const leisure: string[] = [];
  let career = false;
  const text = [input.title, ...(input.tags ?? []), input.description ?? ''].join('\n');
  for (const { key, values } of cueMatcher().match(tokenize(text))) {
    if (values.includes('career')) career = true;
    else if (values.includes('leisure') && !leisure.includes(key)) leisure.push(key);
  }
  if (leisure.length === 0 || career || input.hiringEvidence || (input.sourceFields?.length ?? 0) > 0) {
    return { careerRelevant: true };
  }
  if (PROFESSIONAL_TYPES.has(input.type)) return { careerRelevant: true };
  const shown = leisure
    .slice(0, 3)
    .map((k) => `"${k}"`)
    .join(', ');
  return { careerRelevant: false, reason: `Hobby, leisure or family event (${shown}); no professional purpose found` };
}
