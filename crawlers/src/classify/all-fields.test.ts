import { describe, expect, it } from 'vitest';
import { isOpenToAllFields } from './all-fields.js';
import { classifyEvent } from './classify-event.js';

describe('isOpenToAllFields', () => {
  it('takes an event that says it is for every field, whatever fields its text lists', () => {
    const event = classifyEvent({
      title: 'Fall All-Majors Career Fair',
      description:
        'More than 150 employers recruiting for internships and full-time jobs in every field: business, health, ' +
        'engineering, education, government and nonprofits.',
      format: 'in-person',
    });
    expect(event).toMatchObject({ allFields: true, fields: [], pathways: [], type: 'career-fair' });
    expect(event.hiring.score).toBeGreaterThanOrEqual(0.5);
  });

  it('takes a career fair, networking night or résumé clinic that no field claims', () => {
    for (const [title, description] of [
      ['Austin Startup Job Fair', 'Forty startups hiring for engineering, sales, marketing and operations.'],
      ['Virtual Career Fair: Remote Jobs', 'Sixty employers hiring for remote roles meet students in video sessions.'],
      ['Résumé Workshop', 'A one-hour workshop on résumés that get read. Bring a draft.'],
      ['Community Networking Night', 'Job seekers and local employers connect over coffee.'],
    ] as const) {
      expect(classifyEvent({ title, description, format: 'in-person' }).allFields, title).toBe(true);
    }
  });

  it('takes a job fair whose employers span many sectors, none named in its title', () => {
    const event = classifyEvent({
      title: 'Citywide Job Fair',
      description: 'Employers from healthcare, retail, manufacturing, logistics and government are hiring on the spot.',
    });
    expect(event.allFields).toBe(true);
    expect(event.fields).toEqual([]);
  });

  it('leaves the careers events of one field in that field', () => {
    for (const input of [
      { title: 'Chicago Nursing Job Fair', description: 'Nurse recruiters from 40 hospitals hiring RNs.' },
      { title: 'Résumé Clinic for Culinary Students', description: 'Chefs review your CV.' },
      { title: 'Career Fair', description: 'Employers meet members.', sourceFields: ['health-science'] },
      { title: 'Tech Career Fair', description: 'Software companies hiring developers. Bring your resume.' },
    ]) {
      const event = classifyEvent(input);
      expect(event.allFields, input.title).toBe(false);
      expect(event.fields.length, input.title).toBeGreaterThan(0);
    }
  });

  it('needs a general type or a career service when nothing names a field', () => {
    const base = { title: 'Data Ethics Talk', type: 'seminar', fields: [], titleFields: [] } as const;
    expect(isOpenToAllFields(base)).toBe(false);
    expect(isOpenToAllFields({ ...base, type: 'networking' })).toBe(true);
    expect(isOpenToAllFields({ ...base, description: 'Mock interviews with recruiters.' })).toBe(true);
    expect(isOpenToAllFields({ ...base, type: 'networking', sourceFields: ['finance'] })).toBe(false);
  });
});
