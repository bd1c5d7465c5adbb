import { describe, expect, it } from 'vitest';
import { loadEvalSet } from './eval-set.js';
import { evaluate } from './evaluate.js';
import {
  renderClassificationSection,
  replaceClassificationSection,
  SECTION_END,
  SECTION_START,
} from './quality-report.js';

describe('replaceClassificationSection', () => {
  const section = `${SECTION_START}\n## Classification\nnew\n${SECTION_END}`;

  it('makes a new document with a title when there is none', () => {
    expect(replaceClassificationSection(undefined, section)).toBe(`# Quality\n\n${section}\n`);
  });

  it('replaces only what lies between the markers', () => {
    const doc = `# Quality\n\nintro\n\n${SECTION_START}\nold\n${SECTION_END}\n\n<!-- dedupe:start -->\nkeep\n<!-- dedupe:end -->\n`;
    expect(replaceClassificationSection(doc, section)).toBe(
      `# Quality\n\nintro\n\n${section}\n\n<!-- dedupe:start -->\nkeep\n<!-- dedupe:end -->\n`,
    );
  });

  it('appends the section when the markers are missing', () => {
    expect(replaceClassificationSection('# Quality\n\n<!-- dedupe:start -->x<!-- dedupe:end -->\n', section)).toBe(
      `# Quality\n\n<!-- dedupe:start -->x<!-- dedupe:end -->\n\n${section}\n`,
    );
  });
});

describe('renderClassificationSection', () => {
  it('renders the figures between the markers, the same every time', () => {
    const cases = loadEvalSet().slice(0, 40);
    const figures = {
      all: evaluate(cases),
      tune: evaluate(cases.filter((c) => c.split === 'tune')),
      holdout: evaluate(cases.filter((c) => c.split === 'holdout')),
      floors: { 'micro F1': 0.9 },
    };
    const text = renderClassificationSection(figures);
    expect(text.startsWith(SECTION_START)).toBe(true);
    expect(text.endsWith(SECTION_END)).toBe(true);
    expect(text).toContain(
      `| metric | all (40) | tuned on (${figures.tune.cases}) | held out (${figures.holdout.cases}) |`,
    );
    expect(text).toContain('| Agriculture, Food & Natural Resources |');
    expect(text).toContain('Not checked');
    expect(text).toContain('micro F1 ≥ 0.9');
    expect(renderClassificationSection(figures)).toBe(text);
  });
});
