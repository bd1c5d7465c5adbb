import type { EventClassification } from '@fieldguide/crawlers';
import { CLUSTERS, EVENT_TYPES, getCluster } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { CONFERENCE_DATA_DIR, type EvalCase, loadConferenceNames, loadEvalSet } from './eval-set.js';
import { checkConferenceNames, evaluate, QUALITY_FLOORS } from './evaluate.js';

const labelled = (id: string, fields: string[], extra: Partial<EvalCase> = {}): EvalCase => ({
  id,
  split: 'tune',
  title: id,
  description: '',
  format: 'in-person',
  expect: { fields, type: 'conference', hiring: 'low' },
  ...extra,
});

const plain = { pathways: [], allFields: false, careerRelevant: true };

describe('evaluate', () => {
  it('computes per-cluster and pooled precision, recall and F1, type and hiring accuracy', () => {
    const answers: Record<string, EventClassification> = {
      a: { ...plain, fields: ['finance'], type: 'conference', hiring: { score: 0.2, reasons: [] } },
      b: { ...plain, fields: ['finance', 'stem'], type: 'webinar', hiring: { score: 0.7, reasons: [] } },
      c: { ...plain, fields: [], type: 'conference', hiring: { score: 0.5, reasons: [] } },
    };
    const report = evaluate(
      [
        labelled('a', ['finance']),
        labelled('b', ['finance']),
        labelled('c', ['stem'], { expect: { fields: ['stem'], type: 'conference', hiring: 'high' } }),
      ],
      (input) => answers[input.title]!,
    );
    const finance = report.clusters.find((c) => c.id === 'finance')!;
    const stem = report.clusters.find((c) => c.id === 'stem')!;
    expect(finance).toMatchObject({ tp: 2, fp: 0, fn: 0, support: 2, precision: 1, recall: 1, f1: 1 });
    expect(stem).toMatchObject({ tp: 0, fp: 1, fn: 1, support: 1, precision: 0, recall: 0, f1: 0 });
    expect(report.micro.precision).toBeCloseTo(2 / 3);
    expect(report.micro.recall).toBeCloseTo(2 / 3);
    expect(report.macro.f1).toBeCloseTo(0.5);
    expect(report.exactFields).toBeCloseTo(1 / 3);
    expect(report.typeAccuracy).toBeCloseTo(2 / 3);
    expect(report.typeConfusion.conference.webinar).toBe(1);
    expect(report.hiringAccuracy).toBeCloseTo(2 / 3);
    expect(report.hiringMisses).toEqual({ highAsLow: 0, lowAsHigh: 1 });
    expect(report.errors.map((e) => e.id)).toEqual(['b', 'c']);
    expect(report.allFields).toMatchObject({ tp: 0, fp: 0, fn: 0, support: 0 });
  });

  it('scores the all-fields and career-relevance decisions on their positive class', () => {
    const answers: Record<string, EventClassification> = {
      fair: { ...plain, fields: [], type: 'career-fair', hiring: { score: 0.9, reasons: [] }, allFields: true },
      games: { ...plain, fields: [], type: 'other', hiring: { score: 0, reasons: [] }, careerRelevant: false },
      talk: { ...plain, fields: [], type: 'conference', hiring: { score: 0, reasons: [] }, allFields: true },
    };
    const report = evaluate(
      [
        labelled('fair', [], { expect: { fields: [], type: 'career-fair', hiring: 'high', allFields: true } }),
        labelled('games', [], { expect: { fields: [], type: 'other', hiring: 'low', careerRelevant: false } }),
        labelled('talk', [], { expect: { fields: [], type: 'conference', hiring: 'low', careerRelevant: false } }),
      ],
      (input) => answers[input.title]!,
    );
    expect(report.allFields).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(report.notCareer).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(report.errors.map((e) => e.id)).toEqual(['talk']);
  });
});

describe('the evaluation set', () => {
  const cases = loadEvalSet();

  it('has at least 300 well-formed cases over every cluster and type, a quarter held out', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.title.length, c.id).toBeGreaterThan(0);
      expect(EVENT_TYPES, c.id).toContain(c.expect.type);
      expect(['high', 'low'], c.id).toContain(c.expect.hiring);
      for (const id of c.expect.fields) expect(getCluster(id), `${c.id} ${id}`).toBeDefined();
    }
    for (const cluster of CLUSTERS) {
      expect(cases.filter((c) => c.expect.fields.includes(cluster.id)).length, cluster.id).toBeGreaterThanOrEqual(15);
    }
    for (const type of EVENT_TYPES) {
      expect(cases.filter((c) => c.expect.type === type).length, type).toBeGreaterThanOrEqual(15);
    }
    expect(cases.filter((c) => c.expect.allFields === true).length).toBeGreaterThanOrEqual(15);
    expect(cases.filter((c) => c.expect.careerRelevant === false).length).toBeGreaterThanOrEqual(15);
    for (const c of cases.filter((c) => c.expect.allFields)) expect(c.expect.fields, c.id).toEqual([]);
    const heldOut = cases.filter((c) => c.split === 'holdout').length / cases.length;
    expect(heldOut).toBeGreaterThan(0.2);
    expect(heldOut).toBeLessThan(0.3);
  });

  it('is classified above the floors, on the whole set and on the held-out quarter', () => {
    const all = evaluate(cases);
    expect(all.micro.f1).toBeGreaterThanOrEqual(QUALITY_FLOORS['micro F1']);
    expect(all.macro.f1).toBeGreaterThanOrEqual(QUALITY_FLOORS['macro F1']);
    for (const cluster of all.clusters) {
      expect(cluster.recall, cluster.id).toBeGreaterThanOrEqual(QUALITY_FLOORS['recall of every cluster']);
    }
    expect(all.typeAccuracy).toBeGreaterThanOrEqual(QUALITY_FLOORS['type accuracy']);
    expect(all.hiringAccuracy).toBeGreaterThanOrEqual(QUALITY_FLOORS['hiring accuracy']);

    expect(all.allFields.precision).toBeGreaterThanOrEqual(QUALITY_FLOORS['all fields: precision']);
    expect(all.allFields.recall).toBeGreaterThanOrEqual(QUALITY_FLOORS['all fields: recall']);
    expect(all.notCareer.precision).toBeGreaterThanOrEqual(QUALITY_FLOORS['not career-relevant: precision']);
    expect(all.notCareer.recall).toBeGreaterThanOrEqual(QUALITY_FLOORS['not career-relevant: recall']);

    const heldOut = evaluate(cases.filter((c) => c.split === 'holdout'));
    expect(heldOut.micro.f1).toBeGreaterThanOrEqual(QUALITY_FLOORS['held-out micro F1']);
    expect(heldOut.typeAccuracy).toBeGreaterThanOrEqual(QUALITY_FLOORS['held-out type accuracy']);
    expect(heldOut.hiringAccuracy).toBeGreaterThanOrEqual(QUALITY_FLOORS['held-out hiring accuracy']);
  });
});

describe('real conference names (../shared/data/conference-data)', () => {
  it('puts at least 90% of them in IT, or STEM for data topics, from the name and topic alone', () => {
    const names = loadConferenceNames();
    if (!names) {
      console.warn(`${CONFERENCE_DATA_DIR} absent: conference names not checked`);
      return;
    }
    expect(names.length).toBeGreaterThan(1000);
    const check = checkConferenceNames(names);
    expect(check.total).toBe(names.length);
    expect(check.share).toBeGreaterThanOrEqual(QUALITY_FLOORS['conference-data in IT']);
  });
});
