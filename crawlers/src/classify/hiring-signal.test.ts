import { HiringSignalSchema } from '@fieldguide/shared';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { HIRING_REASONS, HIRING_WEIGHTS, hiringSignal } from './hiring-signal.js';

describe('hiringSignal', () => {
  it('claims nothing of being there in person when the event has no place', () => {
    const input = { type: 'webinar', title: 'Teaching Portfolio Session', format: 'in-person' } as const;
    const placeless = hiringSignal({ ...input, venueKnown: false });
    expect(placeless.reasons).not.toContain(HIRING_REASONS.inPerson);
    expect(placeless.score).toBe(0);
    expect(hiringSignal({ ...input, venueKnown: true }).reasons).toEqual([HIRING_REASONS.inPerson]);
    expect(hiringSignal(input).reasons).toEqual([HIRING_REASONS.inPerson]);
  });

  it('scores a career fair high, with its reasons in order of weight', () => {
    const signal = hiringSignal({
      type: 'career-fair',
      title: 'Nursing Career Fair',
      description: 'Hospital recruiters interview new graduates.',
      format: 'in-person',
    });
    expect(signal.score).toBe(0.85);
    expect(signal.reasons).toEqual([HIRING_REASONS.careerFair, HIRING_REASONS.recruiting, HIRING_REASONS.inPerson]);
    expect(Value.Check(HiringSignalSchema, signal)).toBe(true);
  });

  it('adds leaders, an expo, an association with a job board and networking time at a conference', () => {
    const signal = hiringSignal({
      type: 'conference',
      title: 'Annual Convention',
      description: 'Executives and directors meet; exhibit hall; evening reception.',
      format: 'in-person',
      association: { jobBoardUrl: 'https://example.org/jobs' },
    });
    expect(signal.score).toBe(0.85);
    expect(signal.reasons).toEqual([
      HIRING_REASONS.leaders,
      HIRING_REASONS.expo,
      HIRING_REASONS.jobBoard,
      HIRING_REASONS.networkingTime,
      HIRING_REASONS.inPerson,
    ]);
  });

  it('counts exhibitors by number', () => {
    const base = { type: 'conference', title: 'Show', format: 'in-person' } as const;
    expect(hiringSignal({ ...base, exhibitorsCount: 20 }).score).toBe(0.4);
    expect(hiringSignal({ ...base, exhibitorsCount: 150 }).score).toBe(0.45);
    expect(hiringSignal({ ...base, exhibitorsCount: 900 }).score).toBe(0.5);
    expect(hiringSignal({ ...base, association: { hasCareerCenter: true } }).reasons).toContain(
      HIRING_REASONS.careerCenter,
    );
  });

  it('lowers an online event and says why', () => {
    const online = hiringSignal({ type: 'webinar', title: 'Hiring Trends Webinar', format: 'online' });
    expect(online.score).toBe(0);
    expect(online.reasons).toEqual([HIRING_REASONS.onlineOnly]);
    const fair = hiringSignal({
      type: 'career-fair',
      title: 'Virtual Career Fair',
      description: 'Employers hiring now.',
      format: 'online',
    });
    expect(fair.score).toBe(0.6);
  });

  it('does not take occupations or talks about hiring for hiring', () => {
    const signal = hiringSignal({
      type: 'seminar',
      title: 'Interview Skills for Executive Assistants',
      description: 'Project managers and case managers on the hiring process; board members welcome.',
      format: 'in-person',
    });
    expect(signal.reasons).toEqual([HIRING_REASONS.inPerson]);
    expect(signal.score).toBe(0.15);
  });

  it('notices a career center as the organizer', () => {
    const signal = hiringSignal({
      type: 'workshop',
      title: 'Resume Lab',
      format: 'hybrid',
      organizer: { name: 'Lakeshore University Career Services' },
    });
    expect(signal.reasons).toEqual([HIRING_REASONS.careerOrganizer, HIRING_REASONS.hybrid]);
    expect(signal.score).toBe(0.2);
  });

  it('stays within 0..1 and gives no in-person reason when the format is unknown', () => {
    const signal = hiringSignal({
      type: 'career-fair',
      title: 'Career Fair and Expo: recruiters, CEOs, directors, 900 exhibitors, reception',
      exhibitorsCount: 900,
      association: { jobBoardUrl: 'https://example.org/jobs' },
    });
    expect(signal.score).toBe(1);
    expect(signal.reasons).not.toContain(HIRING_REASONS.inPerson);
    for (const weight of Object.values(HIRING_WEIGHTS.type)) expect(weight).toBeLessThanOrEqual(0.5);
  });
});
