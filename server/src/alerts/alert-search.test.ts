import { describe, expect, it } from 'vitest';
import { normalizeEmail, parseAlertSearch } from './alert-search.js';

describe('parseAlertSearch', () => {
  it('keys a search by its canonical query string, paging and sort dropped, lists kept', () => {
    expect(
      parseAlertSearch('?type=conference&field=health-science&page=2&type=career-fair&sort=date&hiring=0.5'),
    ).toEqual({
      queryString: 'field=health-science&hiring=0.5&type=conference&type=career-fair',
      query: { field: 'health-science', hiring: 0.5, type: ['conference', 'career-fair'] },
    });
    expect(parseAlertSearch('')).toEqual({ queryString: '', query: {} });
  });

  it('refuses unknown parameters and bad values, naming them', () => {
    expect(() => parseAlertSearch('colour=blue')).toThrow(/unknown parameter "colour"/);
    expect(() => parseAlertSearch('hiring=lots')).toThrow(/search.*hiring/);
    expect(() => parseAlertSearch('type=party')).toThrow(/search.*type/);
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases an address, and refuses what an HTML email field refuses', () => {
    expect(normalizeEmail('  Nurse.Student@Example.EDU ')).toBe('nurse.student@example.edu');
    for (const bad of ['nurse', 'nurse@', 'a b@example.org', 'a@example', `${'a'.repeat(250)}@example.org`]) {
      expect(() => normalizeEmail(bad), bad).toThrow(/email/);
    }
  });
});
