import type { EventFormat, EventType, HiringSignal } from '@fieldguide/shared';
import { createPhraseMatcher, type PhraseMatcher, tagPhrases } from './phrase-matcher.js';
import { tokenize } from './text.js';

/** What the hiring signal reads of an event. */
export interface HiringSignalInput {
  type: EventType;
  title: string;
  description?: string;
  format?: EventFormat;
  /** The organizer's name, or the organizer as the event schema holds it. */
  organizer?: string | { name: string };
  /** The association that hosts the event, when known. */
  association?: { jobBoardUrl?: string; hasCareerCenter?: boolean };
  /** How many exhibitors the source lists, when it does. */
  exhibitorsCount?: number;
  /**
   * False when the source gives no place: an "in-person" format is then only the default of a source that said
   * nothing, and the signal neither adds the in-person weight nor claims "In person". Undefined: trust the format.
   */
  venueKnown?: boolean;
}

/**
 * The evidence and what each piece adds to the score (0–1). An event draws hiring managers when it is built
 * around hiring, when its audience is the people who hire, and when employers are there in person.
 */
export const HIRING_WEIGHTS = {
  /** Added by the event's type: a career fair exists for hiring; conferences, meetings and mixers bring the field together. */
  type: {
    'career-fair': 0.5,
    conference: 0.15,
    'association-meeting': 0.15,
    networking: 0.15,
    meetup: 0.1,
    seminar: 0.05,
    workshop: 0.05,
    webinar: 0,
    other: 0,
  } satisfies Record<EventType, number>,
  /** The text says recruiters, hiring managers or employers come to hire (interviews, job fair, career center). */
  recruiting: 0.25,
  /** The text names an audience of managers, directors, executives, owners or other leaders. */
  leaders: 0.25,
  /** An expo hall or exhibitors; more when the source counts 100 (0.2) or 500 (0.25) exhibitors. */
  expo: 0.15,
  expo100: 0.2,
  expo500: 0.25,
  /** The hosting association runs a job board or a career center. */
  associationJobs: 0.1,
  /** A conference or meeting that sets time aside for networking (reception, mixer). */
  networkingTime: 0.1,
  /** Organized by a career center or workforce board. */
  careerOrganizer: 0.1,
  inPerson: 0.1,
  hybrid: 0.05,
  /** Online only: fewer chances to meet anyone. */
  onlineOnly: -0.15,
} as const;

/** The reasons shown to users, one per piece of evidence. */
export const HIRING_REASONS = {
  careerFair: 'Career fair: employers come to recruit',
  recruiting: 'Recruiters and hiring managers attend',
  leaders: 'Audience of managers, directors and executives',
  expo: 'Expo hall with exhibitors',
  jobBoard: 'Hosted by an association with a job board',
  careerCenter: 'Hosted by an association with a career center',
  networkingTime: 'Time set aside for networking',
  careerOrganizer: 'Organized by a career center or workforce board',
  inPerson: 'In person',
  hybrid: 'In person, with an online option',
  onlineOnly: 'Online only: fewer chances to meet people',
} as const;

type Evidence = 'recruiting' | 'leaders' | 'expo' | 'networkingTime' | 'stop';

const words = (cue: Evidence, list: string) => tagPhrases(cue, list);

const EVIDENCE: [string, Evidence][] = [
  ...words(
    'recruiting',
    `recruiter, recruiters, recruiting, recruit, recruits, recruitment, hiring managers, hiring manager, now hiring,
     are hiring, is hiring, hiring, employers, employer showcase, job seekers, interviews, interview, on site interviews,
     job openings, open positions, job offers, same day offers, career fair, job fair, career center,
     career zone, placement exchange, job board, auditions, audition, casting, sign on bonus, sign on bonuses`,
  ),
  ...words(
    'leaders',
    `executives, executive, c suite, ceos, ceo, cfos, cfo, ctos, cto, cios, cio, cisos, ciso, cmos, cmo, chros, chro,
     cros, coos, csos, cmios, cnios, vps, vp, vice presidents, directors, managers, hiring managers,
     general managers, plant managers, owners, principals, founders, decision makers, leaders, leadership team,
     head of, superintendents, deans, provosts, chiefs, chief, general partners, managing partners, mayors,
     general counsel, senior officers`,
  ),
  ...words(
    'expo',
    `expo, exposition, exhibit hall, exhibition hall, exhibitors, exhibitor, exhibits, exhibition, trade show, tradeshow,
     show floor, expo hall, expo floor, vendor hall, sponsor showcase, sponsor expo, business hall, vendors`,
  ),
  ...words(
    'networkingTime',
    `networking, networking reception, reception, receptions, mixer, happy hour, networking breakfast, networking lunch,
     hospitality suite, meet and greet, networking opportunities`,
  ),
  // Occupations and phrases that contain those words but name no one who hires.
  ...words(
    'stop',
    `executive assistants, executive assistant, executive education, executive protection, executive summary,
     project managers, case managers, office managers, product managers, account managers, program managers,
     revenue managers, property managers, community managers, social media managers, customer success managers,
     success managers, bim managers, funeral directors, fight directors, casting directors, thought leaders,
     team leaders, team leads, pet owners, home owners, dog owners, ev owners, car owners, hiring trends,
     hiring practices, hiring process, selection process, interview skills, interview tips, mock interviews,
     recruiting volunteers, volunteer recruitment, recruit volunteers, job search, board members,
     career fair prep, career fair preparation, job fair prep, career fair tips, career fair success,
     first career fair, preparing for career fairs`,
  ),
];

let matcher: PhraseMatcher<Evidence> | undefined;
const evidenceMatcher = () => {
  matcher ??= createPhraseMatcher(EVIDENCE);
  return matcher;
};

const CAREER_ORGANIZER = /\b(?:career (?:center|services|development)|workforce|american job center|job corps)\b/i;

/**
 * Why an event draws hiring managers, as a score 0–1 and the reasons shown to users. Additive evidence with the
 * documented {@link HIRING_WEIGHTS}, clamped to 0–1 and rounded to 0.01; reasons in the order of their weight.
 * Deterministic.
 */
export function hiringSignal(input: HiringSignalInput): HiringSignal {
  const found = new Set<Evidence>();
  const text = [input.title, input.description ?? ''].join('\n');
  for (const { values } of evidenceMatcher().match(tokenize(text))) {
    const evidence = values[0];
    if (evidence) found.add(evidence);
  }
  const weighted: [number, string][] = [];
  const typeWeight = HIRING_WEIGHTS.type[input.type];
  let score = typeWeight;
  if (input.type === 'career-fair') weighted.push([typeWeight, HIRING_REASONS.careerFair]);

  const give = (amount: number, reason: string) => {
    score += amount;
    weighted.push([amount, reason]);
  };
  if (found.has('recruiting')) give(HIRING_WEIGHTS.recruiting, HIRING_REASONS.recruiting);
  if (found.has('leaders')) give(HIRING_WEIGHTS.leaders, HIRING_REASONS.leaders);
  const exhibitors = input.exhibitorsCount ?? 0;
  if (exhibitors >= 500) give(HIRING_WEIGHTS.expo500, HIRING_REASONS.expo);
  else if (exhibitors >= 100) give(HIRING_WEIGHTS.expo100, HIRING_REASONS.expo);
  else if (exhibitors > 0 || found.has('expo')) give(HIRING_WEIGHTS.expo, HIRING_REASONS.expo);
  if (input.association?.jobBoardUrl) give(HIRING_WEIGHTS.associationJobs, HIRING_REASONS.jobBoard);
  else if (input.association?.hasCareerCenter) give(HIRING_WEIGHTS.associationJobs, HIRING_REASONS.careerCenter);
  if (found.has('networkingTime') && input.type !== 'networking' && input.type !== 'career-fair') {
    give(HIRING_WEIGHTS.networkingTime, HIRING_REASONS.networkingTime);
  }
  const organizer = typeof input.organizer === 'string' ? input.organizer : input.organizer?.name;
  if (organizer && CAREER_ORGANIZER.test(organizer))
    give(HIRING_WEIGHTS.careerOrganizer, HIRING_REASONS.careerOrganizer);
  if (input.format === 'online') give(HIRING_WEIGHTS.onlineOnly, HIRING_REASONS.onlineOnly);
  else if (input.format === 'hybrid') give(HIRING_WEIGHTS.hybrid, HIRING_REASONS.hybrid);
  else if (input.format === 'in-person' && input.venueKnown !== false) {
    give(HIRING_WEIGHTS.inPerson, HIRING_REASONS.inPerson);
  }

  const reasons = weighted.sort((a, b) => b[0] - a[0]).map(([, reason]) => reason);
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, reasons };
}
