import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConferenceNames, loadEvalSet } from './classify/eval-set.js';
import { checkConferenceNames, evaluate, QUALITY_FLOORS } from './classify/evaluate.js';
import { renderClassificationSection, replaceClassificationSection } from './classify/quality-report.js';
import { evaluateDedupe, readLabelledPairs } from './dedupe/evaluate.js';
import { dedupeSection, QUALITY_DOC_PATH, writeDedupeSection } from './dedupe/report.js';
import { loadExtractCases } from './extract/eval-set.js';
import { evaluateExtraction, evaluateRealWorld } from './extract/evaluate.js';
import { extractionSection, writeExtractionSection } from './extract/report.js';

// Run with `pnpm quality`: prints the figures and rewrites the classification, dedupe and extraction sections of
// docs/quality.md.
const QUALITY_DOC = QUALITY_DOC_PATH;

const cases = loadEvalSet();
const names = loadConferenceNames();
if (!names) console.warn('../shared/data/conference-data absent: conference names not checked');
const section = renderClassificationSection({
  all: evaluate(cases),
  tune: evaluate(cases.filter((c) => c.split === 'tune')),
  holdout: evaluate(cases.filter((c) => c.split === 'holdout')),
  ...(names ? { conferenceData: checkConferenceNames(names) } : {}),
  floors: QUALITY_FLOORS,
});
console.log(section);
mkdirSync(path.dirname(QUALITY_DOC), { recursive: true });
const before = existsSync(QUALITY_DOC) ? readFileSync(QUALITY_DOC, 'utf8') : undefined;
writeFileSync(QUALITY_DOC, replaceClassificationSection(before, section));

const pairs = readLabelledPairs();
const dedupe = evaluateDedupe(pairs);
writeDedupeSection(dedupeSection(pairs, dedupe), QUALITY_DOC);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(`\ndedupe: ${pairs.length} pairs, precision ${pct(dedupe.precision)}, recall ${pct(dedupe.recall)}`);
const extraction = evaluateExtraction(loadExtractCases());
writeExtractionSection(extractionSection(extraction, evaluateRealWorld()), QUALITY_DOC);
for (const s of extraction) {
  console.log(`extraction ${s.format}: ${s.matched}/${s.expected} expected found, precision ${pct(s.precision)}`);
}
console.log(`\nwrote ${path.relative(process.cwd(), QUALITY_DOC)}`);
