import { describe, expect, it } from 'vitest';
import { returnHref, returnStateFrom } from './return-to.js';

describe('the way back to a search', () => {
  it('remembers searches, not other pages', () => {
    expect(returnStateFrom('/', 'q=nurse&field=health-science')).toEqual({
      returnTo: '/?q=nurse&field=health-science',
    });
    expect(returnStateFrom('/', '')).toEqual({ returnTo: '/' });
    expect(returnStateFrom('/fields/information-technology', '')).toBeUndefined();
  });

  it('goes back only to a search on this site', () => {
    expect(returnHref({ returnTo: '/?q=nurse' })).toBe('/?q=nurse');
    expect(returnHref({ returnTo: '//evil.example/' })).toBe('/');
    expect(returnHref({ returnTo: 'https://evil.example/' })).toBe('/');
    expect(returnHref({ returnTo: '/admin' })).toBe('/');
    expect(returnHref(null)).toBe('/');
    expect(returnHref('x')).toBe('/');
  });
});
