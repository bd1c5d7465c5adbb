import { describe, expect, it } from 'vitest';
import { isLoopbackHost, publicUrlWarning } from './public-url-warning.js';

describe('publicUrlWarning', () => {
  it('is due when the server listens beyond this machine without PUBLIC_URL', () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.10', 'fieldguide.example.org']) {
      expect(publicUrlWarning({ host }), host).toMatch(/PUBLIC_URL is not set/);
    }
    expect(publicUrlWarning({ host: '0.0.0.0' })).toContain('HOST=0.0.0.0');
  });

  it('is not due on loopback, nor with PUBLIC_URL', () => {
    for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', 'LOCALHOST', '::1', '[::1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(publicUrlWarning({ host }), host).toBeUndefined();
    }
    expect(publicUrlWarning({ host: '0.0.0.0', publicUrl: 'https://fieldguide.example.org' })).toBeUndefined();
  });
});
