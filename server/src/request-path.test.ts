import { describe, expect, it } from 'vitest';
import { isAdminUrl, normalizedPath } from './request-path.js';

describe('normalizedPath', () => {
  it('reads every spelling of the admin path as /api/admin/…', () => {
    for (const url of [
      '/api/admin/sources',
      '/api/%61dmin/sources',
      '/api/%2561dmin/sources',
      '/api%2Fadmin/sources',
      '/api%2fadmin%2fsources?x=1',
      '//api/admin/sources',
      '/api//admin///sources',
      '/api/./admin/sources',
      '/api/x/../admin/sources',
      '/api/%2e/admin/sources',
      '/API/Admin/Sources',
      '/api/ADMIN/sources',
      '/api\\admin\\sources',
      'http://example.org/api/admin/sources',
    ]) {
      expect(normalizedPath(url), url).toBe('/api/admin/sources');
      expect(isAdminUrl(url), url).toBe(true);
    }
  });

  it('leaves the query and fragment out, before and after decoding', () => {
    expect(normalizedPath('/api/search?q=/api/admin')).toBe('/api/search');
    expect(normalizedPath('/api/search%3Fq=1')).toBe('/api/search');
    expect(isAdminUrl('/api/search?next=/api/admin/sources')).toBe(false);
  });

  it('does not take other paths for the admin API', () => {
    for (const url of ['/api/administrators', '/api/admin.json', '/api', '/', '/api/admin/..', '/feeds/api/admin']) {
      expect(isAdminUrl(url), url).toBe(false);
    }
    expect(isAdminUrl('/api/admin')).toBe(true);
    expect(isAdminUrl('/api/admin/')).toBe(true);
  });

  it('never throws on broken escapes or odd bytes', () => {
    expect(normalizedPath('/api/%zz/%E0%A4%A')).toBe('/api/%zz/%e0%a4%a');
    expect(normalizedPath('')).toBe('/');
  });
});
