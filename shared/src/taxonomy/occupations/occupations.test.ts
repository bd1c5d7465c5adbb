import { describe, expect, it } from 'vitest';
import { getPathway } from '../taxonomy.js';
import { OCCUPATION_TERMS } from './occupation-terms.js';
import { listOccupations, readQuery, socPathway, suggestOccupations, withinOneEdit } from './occupations.js';
import { ONET_OCCUPATIONS } from './onet-occupations.data.js';
import { SOC_CROSSWALK } from './soc-crosswalk.js';

describe('the occupation data and our crosswalk', () => {
  it("holds O*NET codes and titles as published, each code once, with every curated term's occupation", () => {
    const codes = new Set(ONET_OCCUPATIONS.map(([code]) => code));
    for (const [term, code] of OCCUPATION_TERMS) expect(codes.has(code), `${term} → ${code}`).toBe(true);
    for (const [code, title] of ONET_OCCUPATIONS) {
      expect(code).toMatch(/^\d{2}-\d{4}\.\d{2}$/);
      expect(title.trim()).toBe(title);
    }
    expect(new Set(ONET_OCCUPATIONS.map(([code]) => code)).size).toBe(ONET_OCCUPATIONS.length);
    expect(ONET_OCCUPATIONS).toContainEqual(['29-1141.00', 'Registered Nurses']);
  });

  it('maps prefixes to pathways that exist, each prefix once', () => {
    for (const [prefix, pathwayId] of SOC_CROSSWALK) {
      expect(getPathway(pathwayId), `${prefix} → ${pathwayId}`).toBeDefined();
    }
    expect(new Set(SOC_CROSSWALK.map(([prefix]) => prefix)).size).toBe(SOC_CROSSWALK.length);
  });

  it('places every O*NET occupation in a field, the longest prefix winning', () => {
    expect(listOccupations()).toHaveLength(ONET_OCCUPATIONS.length);
    expect(socPathway('29-1141.00')).toBe('health-science/therapeutic-services');
    expect(socPathway('29-1131.00')).toBe('agriculture-food-natural-resources/animal-systems');
    expect(socPathway('15-1121.01')).toBe('health-science/health-informatics');
    expect(socPathway('15-1121.00')).toBe('information-technology/information-support-services');
    expect(socPathway('99-9999.00')).toBeUndefined();
  });

  it('cites an O*NET occupation that exists for every curated term', () => {
    const codes = new Set(ONET_OCCUPATIONS.map(([code]) => code));
    for (const [term, code] of OCCUPATION_TERMS) expect(codes.has(code), `${term} → ${code}`).toBe(true);
  });
});

describe('readQuery', () => {
  it('reads job titles, licences and credentials as their occupation, field and pathway', () => {
    expect(readQuery('registered nurse')).toEqual({
      clusterId: 'health-science',
      pathwayId: 'health-science/therapeutic-services',
      kind: 'occupation',
      occupation: { code: '29-1141.00', title: 'Registered Nurses' },
      via: 'registered nurse',
      rest: '',
    });
    expect(readQuery('RN')).toMatchObject({ clusterId: 'health-science', kind: 'licence', via: 'rn' });
    expect(readQuery('CPA')).toMatchObject({ pathwayId: 'finance/accounting', kind: 'licence' });
    expect(readQuery('CDL')?.clusterId).toBe('transportation-distribution-logistics');
    expect(readQuery('Paralegals')?.pathwayId).toBe('law-public-safety-corrections-security/legal-services');
    expect(readQuery('truck driver')?.clusterId).toBe('transportation-distribution-logistics');
    expect(readQuery('software engineer')?.pathwayId).toBe('information-technology/programming-software-development');
    expect(readQuery('teacher')?.clusterId).toBe('education-training');
    expect(readQuery('Security+')?.clusterId).toBe('information-technology');
  });

  it('reads "hospital" as health science (the field only) and "hospitality" as hospitality', () => {
    const hospital = readQuery('hospital');
    expect(hospital).toMatchObject({ clusterId: 'health-science', kind: 'workplace' });
    expect(hospital).not.toHaveProperty('pathwayId');
    expect(readQuery('hospitality')).toMatchObject({ clusterId: 'hospitality-tourism', kind: 'field' });
  });

  it('keeps the other words of the query, and takes the longest phrase', () => {
    expect(readQuery('nurse practitioner jobs Chicago')).toMatchObject({
      occupation: { code: '29-1171.00', title: 'Nurse Practitioners' },
      via: 'nurse practitioner',
      rest: 'jobs chicago',
    });
  });

  it('forgives one wrong letter in a word of five letters or more', () => {
    expect(readQuery('paralegl')?.clusterId).toBe('law-public-safety-corrections-security');
    expect(readQuery('acountant')?.clusterId).toBe('finance');
    expect(readQuery('hopsital')?.clusterId).toBe('health-science');
    expect(withinOneEdit('nursng', 'nursing')).toBe(true);
    expect(withinOneEdit('hopsital', 'hospital')).toBe(true);
    expect(withinOneEdit('hospital', 'hospitality')).toBe(false);
  });

  it('reads nothing into words that name no single field', () => {
    for (const q of ['', 'manager', 'career fair', 'kubernetes', 'chicago', 'data', 'x'.repeat(300)]) {
      expect(readQuery(q), q).toBeUndefined();
    }
  });
});

describe('suggestOccupations', () => {
  it('offers occupations whose title or curated term starts with the text, with their field', () => {
    const nurse = suggestOccupations('regis', 3);
    expect(nurse[0]).toMatchObject({ title: 'Registered Nurses', clusterId: 'health-science' });
    expect(suggestOccupations('RN', 1)[0]).toMatchObject({ title: 'Registered Nurses', via: 'rn' });
    expect(suggestOccupations('para', 5).map((s) => s.title)).toContain('Paralegals and Legal Assistants');
    expect(suggestOccupations('  ', 5)).toEqual([]);
    expect(suggestOccupations('a', 4)).toHaveLength(4);
  });
});
