import { describe, expect, it } from 'vitest';
import { suggestFields } from './field-suggestions.js';

describe('suggestFields', () => {
  it('puts a field whose name starts with the text first', () => {
    expect(suggestFields('heal', 3)[0]).toEqual({ id: 'health-science', name: 'Health Science', kind: 'field' });
    expect(suggestFields('Fin', 1)).toEqual([{ id: 'finance', name: 'Finance', kind: 'field' }]);
  });

  it('matches synonyms, later words and pathways', () => {
    expect(suggestFields('healthcare', 5).map((s) => s.id)).toContain('health-science');
    expect(suggestFields('informatics', 5).map((s) => s.id)).toContain('health-science/health-informatics');
  });

  it('answers nothing for nothing and respects the limit', () => {
    expect(suggestFields('  ', 5)).toEqual([]);
    expect(suggestFields('zzqx', 5)).toEqual([]);
    expect(suggestFields('s', 4)).toHaveLength(4);
  });
});
