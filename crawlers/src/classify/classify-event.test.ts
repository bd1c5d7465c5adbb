import { EventTypeSchema, HiringSignalSchema } from '@fieldguide/shared';
import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyEvent } from './classify-event.js';

describe('classifyEvent', () => {
  it('gives fields, pathways, a type and a hiring signal that fit the event schema', () => {
    const result = classifyEvent({
      title: 'Tech Career Fair: Software, Data & Cybersecurity',
      description: 'Employers hiring developers and security analysts. Bring your resume.',
      format: 'in-person',
      organizer: 'Lakeshore State University Career Center',
    });
    expect(result.fields).toEqual(['information-technology']);
    expect(result.pathways.every((p) => p.startsWith('information-technology/'))).toBe(true);
    expect(result.type).toBe('career-fair');
    expect(result.hiring.score).toBeGreaterThanOrEqual(0.9);
    expect(Value.Check(EventTypeSchema, result.type)).toBe(true);
    expect(Value.Check(HiringSignalSchema, result.hiring)).toBe(true);
  });

  it('reads the organizer for fields and hands the type to the hiring signal', () => {
    const result = classifyEvent({
      title: 'Spring Symposium',
      description: 'Three days of sessions on pain management.',
      format: 'online',
      organizer: { name: 'State Association of Nurse Anesthetists' },
      sourceFields: ['education-training'],
    });
    expect(result.fields).toEqual(['education-training', 'health-science']);
    expect(result.type).toBe('conference');
    expect(result.hiring.reasons).toContain('Online only: fewer chances to meet people');
  });
});

describe('classifyEvent on any text', () => {
  it('never throws and always answers within the schema', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200, unit: 'grapheme' }),
        fc.string({ maxLength: 2000 }),
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.constantFrom('in-person', 'online', 'hybrid', undefined),
        (title, description, tags, typeHint, format) => {
          const result = classifyEvent({ title, description, tags, ...(typeHint ? { typeHint } : {}), format });
          expect(Value.Check(EventTypeSchema, result.type)).toBe(true);
          expect(Value.Check(HiringSignalSchema, result.hiring)).toBe(true);
          expect(result.fields.length).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles a 20,000-character description quickly', () => {
    const description = 'Nurses, welders & C++ developers; R&D at the hospital. '.repeat(370).slice(0, 20_000);
    const started = performance.now();
    const result = classifyEvent({ title: 'Expo', description, format: 'in-person' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.fields.length).toBeGreaterThan(0);
  });
});

describe('a session about career fairs', () => {
  it('is not a career fair, and claims no recruiters', () => {
    const result = classifyEvent({
      title: 'Career Fair Prep Webinar',
      description: 'A 45-minute online session for first-year students on preparing for their first career fair.',
      format: 'online',
    });
    expect(result.type).toBe('webinar');
    expect(result.hiring.reasons).toEqual(['Online only: fewer chances to meet people']);
    expect(result.allFields).toBe(true);
  });
});
