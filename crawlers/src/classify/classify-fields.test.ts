import { describe, expect, it } from 'vitest';
import { classifyFields, isSchemaOrgType, MAX_FIELDS } from './classify-fields.js';

const fields = (title: string, description = '', extra: Partial<Parameters<typeof classifyFields>[0]> = {}) =>
  classifyFields({ title, description, ...extra }).fields;

describe('classifyFields', () => {
  it('finds the cluster a title names, with its pathway', () => {
    const result = classifyFields({
      title: 'Nursing Career Fair',
      description: 'Hospitals interview new graduate RNs.',
    });
    expect(result.fields).toEqual(['health-science']);
    expect(result.pathways).toContain('health-science/therapeutic-services');
    expect(result.evidence['health-science']).toEqual(expect.arrayContaining(['nursing', 'hospital', 'rn']));
  });

  it('weighs the title over the description', () => {
    const result = classifyFields({
      title: 'Kubernetes Security Workshop',
      description: 'Held at the hospital conference center.',
    });
    expect(result.fields[0]).toBe('information-technology');
    expect(result.scores['information-technology']).toBeGreaterThan(result.scores['health-science'] ?? 0);
  });

  it('needs more than one stray keyword in a long description', () => {
    expect(fields('Spring Members Event', 'Parking is free. A nurse will be on site for first aid.')).toEqual([]);
  });

  it('reads words that are everywhere in event pages only in titles', () => {
    expect(fields('Hospitality Job Fair', 'Hotels and restaurants are hiring.')).toEqual(['hospitality-tourism']);
    expect(
      fields('Kotlin Meetup', 'Nearby hotels and restaurants; marketing opportunities for sponsors; travel grants.'),
    ).toEqual(['information-technology']);
  });

  it('keeps at most three clusters, and pathways only inside them', () => {
    const result = classifyFields({
      title: 'Nursing, Accounting, Welding, Trucking and Kubernetes Expo',
      description: 'Nurses, accountants, welders, truck drivers and software engineers.',
    });
    expect(result.fields).toHaveLength(MAX_FIELDS);
    for (const pathway of result.pathways) {
      expect(result.fields).toContain(pathway.slice(0, pathway.indexOf('/')));
    }
  });

  it("always keeps the source's fields and pathways, first, and accepts names for fields", () => {
    const result = classifyFields({
      title: 'Monthly Meeting',
      sourceFields: ['Health care', 'finance', 'not-a-field'],
      sourcePathways: ['information-technology/network-systems', 'nope/nope'],
    });
    expect(result.fields).toEqual(['health-science', 'finance', 'information-technology']);
    expect(result.pathways).toEqual(['information-technology/network-systems']);
  });

  it('adds classified clusters after the hints up to the limit', () => {
    expect(fields('Python User Group', '', { sourceFields: ['stem'] })).toEqual(['stem', 'information-technology']);
  });

  it('reads tags, keywords, the organizer and a topic', () => {
    expect(fields('Book Club', '', { tags: ['nursing'] })).toEqual(['health-science']);
    expect(fields('Spring Forum', '', { keywords: ['CPA', 'tax'] })).toEqual(['finance']);
    expect(fields('Annual Forum', '', { organizerName: 'Institute of Internal Auditors' })).toEqual(['finance']);
    expect(fields('Devoxx', '', { typeHint: 'java' })).toEqual(['information-technology']);
    expect(fields('Clarity', '', { typeHint: 'security' })).toEqual(['information-technology']);
  });

  it('ignores a schema.org subtype as a topic', () => {
    expect(isSchemaOrgType('EducationEvent')).toBe(true);
    expect(isSchemaOrgType('Hackathon')).toBe(true);
    expect(isSchemaOrgType('javascript')).toBe(false);
    expect(fields('Spring Gathering', '', { typeHint: 'EducationEvent' })).toEqual([]);
    expect(fields('Spring Gathering', '', { typeHint: 'BusinessEvent' })).toEqual([]);
  });

  it('matches names written as compounds, and does not count the parts of a compound that is a term', () => {
    expect(fields('RubyConf Taiwan')).toEqual(['information-technology']);
    expect(fields('DevOpsDays Berlin')).toEqual(['information-technology']);
    expect(fields('EdTech Teachers Meetup')).toEqual(['education-training']);
  });

  it('is deterministic and fast enough for thousands of events a second', () => {
    const input = {
      title: 'Healthcare Cybersecurity Forum',
      description:
        'Hospital CISOs and security leaders meet on ransomware response and medical device security. '.repeat(10),
      tags: ['security', 'healthcare'],
    };
    const first = classifyFields(input);
    const started = performance.now();
    for (let i = 0; i < 2000; i++) expect(classifyFields(input)).toEqual(first);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('classifyFields on words with two meanings', () => {
  it.each([
    ['Java User Group: Virtual Threads', 'Project Loom and structured concurrency.', ['information-technology']],
    [
      'Java & Bali Familiarization Trip for Travel Advisors',
      'Travel advisors explore resorts in East Java and Bali.',
      ['hospitality-tourism'],
    ],
    [
      'Barista Cupping Session: Java and Sumatra Coffees',
      'Taste beans from Indonesian estates.',
      ['hospitality-tourism'],
    ],
    ['Python Meetup', 'Talks on type hints and packaging.', ['information-technology']],
    [
      'Python Removal Training',
      'Natural resources staff learn to capture invasive Burmese pythons in the Everglades.',
      ['agriculture-food-natural-resources'],
    ],
    ['Rust Meetup', 'Async traits and error handling.', ['information-technology']],
    ['Rust Prevention for Coatings Inspectors', 'Corrosion control and coating inspection.', ['manufacturing']],
    ['Cell Biology Symposium', 'Cell biologists on membrane trafficking.', ['stem']],
    [
      'Cell Tower Climber Rescue Training',
      'Tower technicians for wireless carriers.',
      ['arts-av-technology-communications'],
    ],
    ['Build a CI/CD Pipeline', 'Continuous integration with GitHub Actions.', ['information-technology']],
    [
      'Pipeline Safety Conference',
      'Pipeline safety rules for gas pipeline operators.',
      ['transportation-distribution-logistics'],
    ],
    [
      'Agile for HR Teams',
      'Sprints for recruiting and performance reviews in human resources.',
      ['business-management-administration'],
    ],
    ['Agile Software Development Conference', 'Scrum masters and software teams.', ['information-technology']],
    [
      'Campus Security Officers Training',
      'Physical security and access control.',
      ['law-public-safety-corrections-security'],
    ],
    ['Cybersecurity Summit', 'Ransomware, phishing and zero trust.', ['information-technology']],
    ['Securities Compliance Conference', 'Broker-dealer compliance and FINRA exams.', ['finance']],
    ['Venture Capital Summit', 'Venture capital partners and angel investors.', ['finance']],
    ['Capital City Nursing Conference', 'Nurses share practice.', ['health-science']],
    ['Medical Coding Bootcamp', 'ICD-10-CM for medical coders.', ['health-science']],
    ['Coding Bootcamp', 'JavaScript for beginners.', ['information-technology']],
    ['Software Architecture Conference', 'Microservices and event-driven design.', ['information-technology']],
    ['AIA Conference on Architecture', 'Architects earn learning units.', ['architecture-construction']],
    ['CFP Board Continuing Education Day', 'Certified financial planners earn CE.', ['finance']],
  ])('%s', (title, description, expected) => {
    expect(fields(title, description)).toEqual(expected);
  });

  it('puts an event that spans two fields in both', () => {
    expect(
      fields('Clinical Informatics Conference', 'CMIOs and health IT developers on EHR usability.').sort(),
    ).toEqual(['health-science', 'information-technology']);
    expect(fields('Healthcare Cybersecurity Forum', 'Hospital CISOs on ransomware.').sort()).toEqual([
      'health-science',
      'information-technology',
    ]);
  });

  it('reads "IT", "HR" and "STEM" only in capitals', () => {
    expect(fields('IT Leaders Summit')).toEqual(['information-technology']);
    expect(fields('Make It Count: A Budget Workshop')).toEqual([]);
    expect(fields('STEM Careers Night')).toEqual(['stem']);
    expect(fields('Stem Cell Research Update', 'Regenerative medicine.')).toEqual(['health-science']);
  });
});
