import type { EventFormat, EventType } from '@fieldguide/shared';
import { createPhraseMatcher, type PhraseMatcher } from './phrase-matcher.js';
import { tokenize } from './text.js';

/** What the type classifier reads of an event. */
export interface ClassifyTypeInput {
  title: string;
  description?: string;
  /** schema.org Event subtype (`BusinessEvent`, `ExhibitionEvent`, `SocialEvent`, …) or a source's topic. */
  typeHint?: string;
  format?: EventFormat;
}

// "training" stands for teaching words that make a workshop in a room and a webinar online (class, course).
type Cue = { type: EventType | 'training'; weight: number } | { type: 'stop' };

const cues = (type: EventType | 'training', weight: number, phrases: string): [string, Cue][] =>
  phrases
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => [p, { type, weight }]);

// Weights: 3 names the kind of event ("career fair"), 2 strongly suggests it ("reception"), 1 hints ("dinner").
const CUES: [string, Cue][] = [
  ...cues(
    'career-fair',
    3,
    `career fair, career fairs, job fair, job fairs, jobs fair, career expo, job expo, hiring event, hiring events,
     hiring fair, hiring day, hiring expo, recruiting event, recruitment event, recruitment fair, recruiting fair,
     career day, careers day, internship fair, job and internship fair, career and internship fair, employment fair,
     hiring blitz, career festival, job festival, career fest, recruitment day, recruiting day, hiring open house`,
  ),
  ...cues('career-fair', 2, 'open interviews, walk in interviews, on the spot interviews, meet the employers'),
  ...cues('career-fair', 1, 'now hiring, recruiting, are hiring'),
  ...cues('webinar', 3, 'webinar, webinars, webcast, web seminar, online seminar, virtual seminar, online session'),
  ...cues('webinar', 1, 'live online, zoom, on demand'),
  ...cues(
    'association-meeting',
    3,
    `chapter meeting, monthly meeting, general meeting, membership meeting, members meeting, member meeting,
     annual general meeting, agm, business meeting, board meeting, quarterly meeting, section meeting,
     district meeting, meeting of members, dinner meeting, chapter luncheon, monthly luncheon, monthly program,
     chapter program, regional meeting`,
  ),
  ...cues('association-meeting', 2, 'annual meeting'),
  ...cues('association-meeting', 1, 'chapter, luncheon, meeting, members'),
  ...cues(
    'workshop',
    3,
    `workshop, bootcamp, boot camp, masterclass, master class, hands on workshop, short course, exam cram,
     tutorial, practicum, field day`,
  ),
  ...cues('workshop', 2, 'hands on, intensive, hands on lab, hands on session, hands on training'),
  ...cues('workshop', 3, 'bring a laptop, bring your laptop, laptops provided'),
  ...cues(
    'training',
    2,
    `class, course, training, certification class, certification course, prep course, exam prep, review course,
     study session, refresher`,
  ),
  ...cues(
    'seminar',
    3,
    `seminar, colloquium, lecture, lecture series, grand rounds, lunch and learn, brown bag, tech talk, artist talk,
     speaker series, info session, information session`,
  ),
  ...cues('seminar', 2, 'talk, briefing, panel discussion, fireside chat, update, outlook'),
  ...cues('seminar', 1, 'presentation, presents'),
  ...cues(
    'networking',
    3,
    `networking, networking event, networking night, networking reception, networking breakfast, networking lunch,
     networking dinner, networking hour, speed networking, mixer, happy hour, meet and greet, golf outing,
     industry night, after hours, coffee connection, roundtable dinner, social`,
  ),
  ...cues('networking', 2, 'reception, mingle, breakfast roundtable'),
  ...cues('networking', 1, 'breakfast, dinner, drinks, cocktails, roundtable, connect'),
  ...cues(
    'meetup',
    3,
    `meetup, meetups, meet up, user group, users group, hack night, support group, book club, study group,
     pitch night, star party, sketch night`,
  ),
  ...cues('meetup', 2, 'club, get together, monthly get together'),
  ...cues('meetup', 1, 'pizza, gathering'),
  ...cues(
    'conference',
    3,
    `conference, conferences, conf, con, summit, symposium, congress, convention, expo, exposition, trade show,
     tradeshow, unconference, scientific sessions, kongres, konferenz, congreso, conferencia, jornadas,
     international meeting, fall meeting, spring meeting, scientific meeting, annual scientific meeting`,
  ),
  ...cues(
    'conference',
    2,
    `show, forum, fest, week, camp, exhibit hall, exhibition, keynote, keynotes, exhibitors, business hall,
     present research, research presentations, poster session`,
  ),
  ...cues('conference', 1, 'day, tracks, talks, attendees, sponsors, hallway track'),
  ...cues(
    'other',
    3,
    `fair, county fair, health fair, science fair, competition, championship, championships, tournament, olympiad,
     gala, awards, hackathon, game jam, retreat, open house, parade, tour, plant tour, trip, fam trip, tasting,
     farmers market, food drive, public hearing, regular session, night out, livestock show, festival, screening`,
  ),
  ...cues('other', 1, 'jam, party, volunteers'),
  // Words that look like cues but are not: computer networks, social services, a conference's own career fair.
  ...[
    'enterprise networking',
    'computer networking',
    'software defined networking',
    'wireless networking',
    'cloud networking',
    'networking academy',
    'data center networking',
    'social work',
    'social workers',
    'social services',
    'social media',
    'social security',
    'social isolation',
    'social engineering',
    'social justice',
    'social studies',
    'show floor',
    'trade show floor',
    'game development',
    'board members',
    'board of directors',
    'mock trial',
    // Sessions about career fairs are not career fairs.
    'career fair prep',
    'career fair preparation',
    'job fair prep',
    'career fair tips',
    'career fair success',
  ].map((p): [string, Cue] => [p, { type: 'stop' }]),
];

/** schema.org Event subtypes that say what kind of event it is, with the cue weight they carry. */
const TYPE_HINTS: Readonly<Record<string, readonly [EventType | 'training', number]>> = {
  ExhibitionEvent: ['conference', 6],
  ConferenceEvent: ['conference', 6],
  BusinessEvent: ['conference', 1],
  EducationEvent: ['training', 2],
  CourseInstance: ['training', 3],
  SocialEvent: ['networking', 6],
  Hackathon: ['other', 6],
  Festival: ['other', 3],
  MusicEvent: ['other', 3],
  TheaterEvent: ['other', 3],
  ScreeningEvent: ['other', 3],
  SportsEvent: ['other', 3],
  ComedyEvent: ['other', 3],
  DanceEvent: ['other', 3],
  FoodEvent: ['other', 3],
  LiteraryEvent: ['other', 3],
  VisualArtsEvent: ['other', 3],
  ChildrensEvent: ['other', 3],
  SaleEvent: ['other', 3],
};

/** How much a cue counts by where it is: the title names the event; a description mentions many things. */
export const TYPE_SOURCE_WEIGHTS = { title: 3, description: 1 } as const;

// When two types tie, the more specific wins.
const PRIORITY: readonly EventType[] = [
  'career-fair',
  'association-meeting',
  'workshop',
  'webinar',
  'seminar',
  'meetup',
  'networking',
  'conference',
  'other',
];

let matcher: PhraseMatcher<Cue> | undefined;
const cueMatcher = () => {
  matcher ??= createPhraseMatcher(CUES);
  return matcher;
};

/** Added to `conference` when the description tells of thousands of people or exhibitors. */
export const BIG_AUDIENCE_WEIGHT = 6;
/** Added to `conference` when the description has cues of three or more types. */
export const VARIED_PROGRAM_WEIGHT = 2;

// "15,000 anesthesiologists", "thousands of attendees": a crowd that size is a conference, whatever its name.
const BIG_AUDIENCE = /(?<![$€£\d.,])(?:\d{1,3}(?:,\d{3})+|[1-9]\d{4,})\+?\s+\p{L}|\b(?:tens of )?thousands of\b/u;

/** Scores of every type the text suggests, before the format is applied; exported for the evaluation report. */
export function typeScores(input: ClassifyTypeInput): Map<EventType | 'training', number> {
  const scores = new Map<EventType | 'training', number>();
  const add = (type: EventType | 'training', amount: number) => scores.set(type, (scores.get(type) ?? 0) + amount);
  const parts: [keyof typeof TYPE_SOURCE_WEIGHTS, string][] = [['title', input.title]];
  if (input.description) parts.push(['description', input.description]);
  const descriptionTypes = new Set<string>();
  for (const [source, text] of parts) {
    const seen = new Set<string>();
    for (const { key, values } of cueMatcher().match(tokenize(text))) {
      if (seen.has(key)) continue;
      seen.add(key);
      for (const cue of values) {
        if (cue.type === 'stop') continue;
        add(cue.type, cue.weight * TYPE_SOURCE_WEIGHTS[source]);
        if (source === 'description') descriptionTypes.add(cue.type);
      }
    }
  }
  const hint = input.typeHint ? TYPE_HINTS[input.typeHint] : undefined;
  if (hint) add(hint[0], hint[1]);
  if (input.description && BIG_AUDIENCE.test(input.description)) add('conference', BIG_AUDIENCE_WEIGHT);
  // Briefings, trainings, an expo and a career zone in one description: a program that varied is a conference.
  if (descriptionTypes.size >= 3) add('conference', VARIED_PROGRAM_WEIGHT);
  return scores;
}

/**
 * The kind of event, from cue words in the title (counted three times) and description, the schema.org subtype,
 * and the format: teaching words ("class", "course") make a workshop in a room and a webinar online, and an online
 * event with no other cue, or only seminar cues, is a webinar. `other` when nothing points anywhere.
 */
export function classifyType(input: ClassifyTypeInput): EventType {
  const scores = typeScores(input);
  const online = input.format === 'online';
  const training = scores.get('training') ?? 0;
  scores.delete('training');
  if (training > 0)
    scores.set(online ? 'webinar' : 'workshop', (scores.get(online ? 'webinar' : 'workshop') ?? 0) + training);
  let best: EventType = online ? 'webinar' : 'other';
  let bestScore = 0;
  for (const type of PRIORITY) {
    const score = scores.get(type as EventType) ?? 0;
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  if (online && (best === 'seminar' || best === 'other')) return 'webinar';
  return best;
}
