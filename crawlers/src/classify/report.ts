import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConferenceNames, loadEvalSet } from './eval-set.js';
import { checkConferenceNames, evaluate, QUALITY_FLOORS } from './evaluate.js';
import { renderClassificationSection, replaceClassificationSection } from './quality-report.js';

// Run with `pnpm quality`: prints the classification figures and rewrites their section of docs/quality.md.
const QUALITY_DOC = path.resolve(import.meta.dirname, '../../../docs/quality.md');

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
console.log(`\nwrote ${path.relative(process.cwd(), QUALITY_DOC)}`);
