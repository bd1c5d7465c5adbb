import { EVENT_TYPES } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { type ClassifyTypeInput, classifyType } from './classify-type.js';

const type = (title: string, description = '', extra: Partial<ClassifyTypeInput> = {}) =>
  classifyType({ title, description, format: 'in-person', ...extra });

describe('classifyType', () => {
  it.each([
    ['Nursing Career Fair', '', 'career-fair'],
    ['Spring Job Fair', '', 'career-fair'],
    ['Skilled Trades Hiring Event', 'On-the-spot interviews.', 'career-fair'],
    ['Annual Conference', '', 'conference'],
    ['Cloud Native Summit', '', 'conference'],
    ['Trade Show and Expo', '', 'conference'],
    ['Physics Colloquium', '', 'seminar'],
    ['Grand Rounds: Heart Failure', '', 'seminar'],
    ['Lunch & Learn: Waterproofing', '', 'seminar'],
    ['PLC Programming Workshop', '', 'workshop'],
    ['Estimating Bootcamp', '', 'workshop'],
    ['Build a Pipeline', 'Bring a laptop.', 'workshop'],
    ['AIA Chapter Meeting', '', 'association-meeting'],
    ['Monthly Meeting', '', 'association-meeting'],
    ['Credit Union Annual Meeting of Members', '', 'association-meeting'],
    ['Young Professionals Mixer', '', 'networking'],
    ['Women in Tech Happy Hour', '', 'networking'],
    ['Python User Group', '', 'meetup'],
    ['SEO Meetup', '', 'meetup'],
    ['Webinar: Lease Accounting', '', 'webinar'],
    ['County Fair', '', 'other'],
    ['Regional Robotics Competition', '', 'other'],
    ['Untitled', '', 'other'],
  ])('%s → %s', (title, description, expected) => {
    expect(type(title, description)).toBe(expected);
  });

  it('can give every event type', () => {
    const seen = new Set(
      ['Job Fair', 'Summit', 'Seminar', 'Workshop', 'Chapter Meeting', 'Mixer', 'Meetup', 'Webinar', 'Gala'].map((t) =>
        type(t),
      ),
    );
    expect([...seen].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('makes a class a workshop in person and a webinar online', () => {
    expect(type('Forklift Certification Class')).toBe('workshop');
    expect(type('Scheduling Basics Class', '', { format: 'online' })).toBe('webinar');
    expect(type('Motion Graphics Workshop', '', { format: 'online' })).toBe('workshop');
  });

  it('makes an online talk or an online event with no cue a webinar, but keeps online conferences and meetups', () => {
    expect(type('Tech Talk: Postgres Indexes', '', { format: 'online' })).toBe('webinar');
    expect(type('Tuesday Update', '', { format: 'online' })).toBe('webinar');
    expect(type('Something', '', { format: 'online' })).toBe('webinar');
    expect(type('Virtual Lean Summit', '', { format: 'online' })).toBe('conference');
    expect(type('Remote JavaScript Meetup', '', { format: 'online' })).toBe('meetup');
    expect(type('Virtual Career Fair', '', { format: 'online' })).toBe('career-fair');
  });

  it('reads the schema.org subtype', () => {
    expect(type('Open Source Summit Europe', '', { typeHint: 'ExhibitionEvent' })).toBe('conference');
    expect(type('Spring Gathering', '')).not.toBe('conference');
    expect(type('Spring Gathering', '', { typeHint: 'ConferenceEvent' })).toBe('conference');
    expect(type('Summer Evening', '', { typeHint: 'SocialEvent' })).toBe('networking');
    expect(type('Weekend Build', '', { typeHint: 'Hackathon' })).toBe('other');
    expect(type('Pruning Basics', '', { typeHint: 'EducationEvent' })).toBe('workshop');
  });

  it('takes a big annual meeting with thousands of attendees for a conference', () => {
    expect(type('Society Annual Meeting', '15,000 anesthesiologists and an exhibit hall.')).toBe('conference');
    expect(type('Fall Meeting', 'Earth and space scientists present research.')).toBe('conference');
    expect(type('Society Annual Meeting', 'Members elect the board.')).toBe('association-meeting');
    expect(type('Free Tax Preparation', 'For households earning under $64,000.')).toBe('other');
  });

  it('does not take computer networking or social work for a mixer', () => {
    expect(type('Enterprise Networking Summit')).toBe('conference');
    expect(type('Social Workers Seminar')).toBe('seminar');
  });

  it("names a conference with its own career fair a conference, a health fair 'other'", () => {
    expect(type('Annual Conference', 'The career fair connects employers with job seekers.')).toBe('conference');
    expect(type('Community Health Fair', 'Free blood pressure checks.')).toBe('other');
  });
});
