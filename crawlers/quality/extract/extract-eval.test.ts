import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTRACT_FORMATS, type ExtractFormat, loadExtractCases } from './eval-set.js';
import { evaluateExtraction } from './evaluate.js';
import { extractionSection, writeExtractionSection } from './report.js';

// Floors under each format's figures on the committed set (docs/quality.md has the current ones): a change to an
// extractor that loses an event, or finds one that is not there, fails here.
const FLOORS: Record<ExtractFormat, { precision: number; recall: number }> = {
  'json-ld': { precision: 1, recall: 1 },
  microdata: { precision: 1, recall: 1 },
  rdfa: { precision: 1, recall: 1 },
  microformats: { precision: 1, recall: 1 },
  schedule: { precision: 1, recall: 1 },
  ical: { precision: 1, recall: 1 },
  // A news post naming a date in its text is taken for an event.
  feed: { precision: 0.75, recall: 1 },
  'wordpress-events': { precision: 1, recall: 1 },
  localist: { precision: 1, recall: 1 },
  'json-list': { precision: 1, recall: 1 },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('extraction on the evaluation set', () => {
  const cases = loadExtractCases();
  const scores = evaluateExtraction(cases);

  it('has documents with expected events for every format, written as instants', () => {
    for (const format of EXTRACT_FORMATS) {
      const own = cases.filter((c) => c.format === format);
      expect(own.length, format).toBeGreaterThan(0);
      expect(own.flatMap((c) => c.expected).length, format).toBeGreaterThan(0);
    }
    for (const event of cases.flatMap((c) => c.expected)) {
      expect(event.start).toMatch(ISO_INSTANT);
      if (event.end) expect(event.end).toMatch(ISO_INSTANT);
    }
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.each(EXTRACT_FORMATS)('%s keeps precision and recall above their floors', (format) => {
    const score = scores.find((s) => s.format === format)!;
    expect(score.misdetected).toEqual([]);
    expect(score.precision, score.mistakes.join('\n')).toBeGreaterThanOrEqual(FLOORS[format].precision);
    expect(score.recall, score.mistakes.join('\n')).toBeGreaterThanOrEqual(FLOORS[format].recall);
  });

  it('reads most starts, zones and places of matched events right, and no document outlasts the budget', () => {
    const matched = scores.reduce((n, s) => n + s.matched, 0);
    for (const field of ['start', 'zone', 'place'] as const) {
      const right = scores.reduce((n, s) => n + s.correct[field], 0);
      expect(right / matched, field).toBeGreaterThanOrEqual(0.9);
    }
    // The iCalendar extractor's default budget per file is 5 s; the hostile calendar must stay far under it.
    expect(Math.max(...scores.map((s) => s.worstMs))).toBeLessThan(5000);
  });
});

describe('the extraction section of docs/quality.md', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-quality-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces only what is between its markers, and is appended when absent', () => {
    const file = path.join(dir, 'quality.md');
    writeFileSync(file, '# Data quality\n\n<!-- dedupe:start -->\nkept\n<!-- dedupe:end -->\n');
    const section = extractionSection(evaluateExtraction(loadExtractCases()), undefined);
    writeExtractionSection(section, file);
    writeExtractionSection(section, file);
    const doc = readFileSync(file, 'utf8');
    expect(doc).toContain('<!-- dedupe:start -->\nkept\n<!-- dedupe:end -->');
    expect(doc.split('<!-- extraction:start -->')).toHaveLength(2);
    expect(doc).toContain('| json-ld |');
    expect(doc).toContain('Not measured in this run');
  });
});
