import { HIRING_WEIGHTS } from '@fieldguide/crawlers';
import { fieldLabel } from '@fieldguide/shared';
import {
  type BinaryScore,
  type ConferenceDataCheck,
  type EvalReport,
  HIRING_HIGH,
  topTypeConfusions,
} from './evaluate.js';

export const SECTION_START = '<!-- classification:start -->';
export const SECTION_END = '<!-- classification:end -->';

/** What the classification section reports: the whole set, its two parts, and the conference-data check. */
export interface QualityFigures {
  all: EvalReport;
  tune: EvalReport;
  holdout: EvalReport;
  /** Undefined when `../shared/data` was not there to check. */
  conferenceData?: ConferenceDataCheck;
  /** The floors the evaluation test holds, shown beside the figures. */
  floors: Readonly<Record<string, number>>;
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

function overallTable({ all, tune, holdout }: QualityFigures): string[] {
  const row = (name: string, pick: (r: EvalReport) => number) =>
    `| ${name} | ${pct(pick(all))} | ${pct(pick(tune))} | ${pct(pick(holdout))} |`;
  return [
    `| metric | all (${all.cases}) | tuned on (${tune.cases}) | held out (${holdout.cases}) |`,
    '| --- | ---: | ---: | ---: |',
    row('fields: micro precision', (r) => r.micro.precision),
    row('fields: micro recall', (r) => r.micro.recall),
    row('fields: micro F1', (r) => r.micro.f1),
    row('fields: macro F1', (r) => r.macro.f1),
    row('fields: exact set', (r) => r.exactFields),
    row('type accuracy', (r) => r.typeAccuracy),
    row(`hiring accuracy (score ≥ ${HIRING_HIGH} = high)`, (r) => r.hiringAccuracy),
  ];
}

function clusterTable({ all, holdout }: QualityFigures): string[] {
  const held = new Map(holdout.clusters.map((c) => [c.id, c]));
  return [
    '| cluster | labelled | precision | recall | F1 | held-out recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...all.clusters.map((c) => {
      const h = held.get(c.id);
      const heldRecall = h && h.support > 0 ? `${pct(h.recall)} (${h.support})` : '–';
      return `| ${fieldLabel(c.id) ?? c.id} | ${c.support} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${heldRecall} |`;
    }),
  ];
}

function openAndRelevanceLines({ all, tune, holdout }: QualityFigures): string[] {
  const row = (name: string, pick: (r: EvalReport) => BinaryScore) => {
    const cell = (r: EvalReport) => `${pct(pick(r).precision)} / ${pct(pick(r).recall)} (${pick(r).support})`;
    return `| ${name} | ${cell(all)} | ${cell(tune)} | ${cell(holdout)} |`;
  };
  const missed = (pickErr: (e: EvalReport['errors'][number]) => boolean) =>
    all.errors
      .filter(pickErr)
      .map((e) => `"${e.title}"`)
      .join(', ') || 'none';
  return [
    '| decision: precision / recall (labelled) | all | tuned on | held out |',
    '| --- | ---: | ---: | ---: |',
    row('open to all fields', (r) => r.allFields),
    row('no professional purpose', (r) => r.notCareer),
    '',
    `Open to all fields, wrong: ${missed((e) => e.allFields !== undefined)}. ` +
      `Career relevance, wrong: ${missed((e) => e.careerRelevant !== undefined)}.`,
  ];
}

function conferenceDataLines(check: ConferenceDataCheck | undefined): string[] {
  if (!check) return ['Not checked: `../shared/data/conference-data` was absent when this report was made.'];
  const weakest = check.byTopic
    .filter((t) => t.inField < t.total)
    .sort((a, b) => a.inField / a.total - b.inField / b.total)
    .slice(0, 6)
    .map((t) => `${t.topic} ${t.inField}/${t.total}`);
  return [
    `${check.inField} of ${check.total} conference names (**${pct(check.share)}**) land in Information Technology ` +
      "(or STEM for the `data` and `iot` topics), classified from the name and the file's topic alone, without the " +
      "source's default fields (listing categories such as `security` or `testing` count as topics: " +
      `\`TOPIC_CATEGORIES\`). Weakest topics: ${weakest.join(', ') || 'none'}. Most misses are brand names that ` +
      'say nothing of a field ("Signal", "Collision", "Beyond Tellerrand"); the margin over the floor is thin.',
  ];
}

/** The Markdown of the classification section, between its markers. Deterministic: no dates, no timings. */
export function renderClassificationSection(figures: QualityFigures): string {
  const confusions = topTypeConfusions(figures.all)
    .map((c) => `${c.expected} → ${c.got} (${c.count})`)
    .join(', ');
  const hiringWeights = Object.entries(HIRING_WEIGHTS)
    .flatMap(([key, value]) => (typeof value === 'number' ? [`${key} ${value > 0 ? '+' : ''}${value}`] : []))
    .join(', ');
  const floors = Object.entries(figures.floors)
    .map(([name, value]) => `${name} ≥ ${value}`)
    .join(', ');
  return [
    SECTION_START,
    '## Classification',
    '',
    'Made by `pnpm quality` (`crawlers/quality/report.ts`), which rewrites this section. The classifiers are',
    'pure functions in `crawlers/src/classify/`: `classifyFields` matches the taxonomy of `shared/src/taxonomy`',
    '(names and synonyms weigh 3, keywords and aliases 1; found in the title ×3, tags, topic or organizer ×2,',
    'description ×1; a cluster needs 2 points and 35% of the best; at most 3), `classifyType` reads cue words,',
    'the schema.org subtype and the format, and `hiringSignal` adds documented evidence weights',
    `(type: career fair +0.5, conference/meeting/networking +0.15; ${hiringWeights}).`,
    '',
    '### Evaluation set',
    '',
    '`crawlers/quality/classify/fixtures/eval-set.jsonl`: hand-written events across all 16 clusters and all 9',
    'types, in varied styles, with hard cases (Java the island, Python the snake, rust on steel, cell biology',
    'and cell towers, CI and oil pipelines, agile in HR, physical and cyber security, venture capital and',
    'capital cities, health informatics). Hiring labels follow the rubric of the weights above: high when the',
    'event is built around hiring, or in person with an audience of leaders at a conference, meeting or mixer,',
    'or in person with a large expo. Every fourth case is held out: keyword tuning looked only at the errors of',
    'the others. The same person wrote the set before the rules, and the type cues and hiring words after',
    'reading all of it, so even the held-out type and hiring figures flatter the classifiers; the held-out',
    'field figures, which depend on the taxonomy, are the better guide.',
    '',
    ...overallTable(figures),
    '',
    ...clusterTable(figures),
    '',
    `Most frequent type confusions (expected → got): ${confusions || 'none'}. Hiring misses: ` +
      `${figures.all.hiringMisses.highAsLow} high scored low, ${figures.all.hiringMisses.lowAsHigh} low scored high.`,
    '',
    '### Events for every field, and events with no professional purpose',
    '',
    '`isOpenToAllFields` (`crawlers/src/classify/all-fields.ts`) marks an event open to every field when its text',
    'says so ("all majors", "every industry"), or when it is a career fair, networking event or career service',
    '(résumés, mock interviews) that neither its text nor its source gives a field, or a career fair whose title',
    'names no field while its text lists three or more (the sectors of its employers); such an event keeps no',
    'fields and is listed under every field. `careerRelevance` (`crawlers/src/classify/career-relevance.ts`) marks',
    'an event with no professional purpose when its text names a hobby, leisure or family pastime and nothing',
    'speaks for a profession (no career word, no hiring evidence, no field source, a type that says nothing).',
    'Labels: the general career events and pastimes of the original set (labelled for these two decisions',
    'after the classifiers were written, from the text alone) and 32 cases written for them (ids `r…`: all-fields',
    'fairs and clinics, fairs of one field, pastimes, and professional events that sound like pastimes). Unlabelled',
    'cases count as for their own fields and career-relevant. Cases and cue words were written side by side, so',
    'these figures flatter the two classifiers, the held-out column too.',
    '',
    ...openAndRelevanceLines(figures),
    '',
    '### Real titles: conference-data',
    '',
    ...conferenceDataLines(figures.conferenceData),
    '',
    `Floors held by \`crawlers/quality/classify/evaluate.test.ts\`: ${floors}.`,
    SECTION_END,
  ].join('\n');
}

/**
 * `doc` with its classification section replaced by `section` (which carries its own markers); the section is
 * appended when the markers are missing, and a new document with a "# Quality" title is made when `doc` is undefined.
 */
export function replaceClassificationSection(doc: string | undefined, section: string): string {
  if (doc === undefined) return `# Quality\n\n${section}\n`;
  const start = doc.indexOf(SECTION_START);
  const end = doc.indexOf(SECTION_END, start);
  if (start === -1 || end === -1) return `${doc.trimEnd()}\n\n${section}\n`;
  return doc.slice(0, start) + section + doc.slice(end + SECTION_END.length);
}
