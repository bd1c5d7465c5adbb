import { describe, expect, it } from 'vitest';
import { ConfigError, loadStorageConfig } from '../config.js';
import { loadWorkerSettings } from './queue-config.js';

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('DATABASE_URL', () => {
  it('is unset by default and read when it is a postgres URL', () => {
    expect(loadStorageConfig({}).databaseUrl).toBeUndefined();
    expect(loadStorageConfig({ DATABASE_URL: 'postgresql://fg:pw@db:5432/fg' }).databaseUrl).toBe(
      'postgresql://fg:pw@db:5432/fg',
    );
  });

  it('refuses anything else without echoing its password', () => {
    const problems = problemsOf(() => loadStorageConfig({ DATABASE_URL: 'mysql://fg:hunter2@db/fg' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(problems[0]).not.toContain('hunter2');
    expect(problemsOf(() => loadStorageConfig({ DATABASE_URL: 'not a url' }))[0]).toMatch(/^DATABASE_URL/);
  });
});

describe('the worker settings', () => {
  it('have defaults', () => {
    expect(loadWorkerSettings({})).toMatchObject({
      concurrency: 2,
      scheduleIntervalMs: 60_000,
      hostLeaseTimeoutMs: 120_000,
      queue: { jobTimeoutMs: 3_600_000, retryLimit: 3, retryDelayMs: 300_000, keepDays: 7 },
    });
  });

  it('look for leases that ran out every quarter of the lease, between once a second and every 30 s', () => {
    const every = (lease: string) => loadWorkerSettings({ CRAWL_JOB_TIMEOUT_MS: lease }).queue.maintenanceIntervalMs;
    expect(every('3600000')).toBe(30_000);
    expect(every('20000')).toBe(5000);
    expect(every('2000')).toBe(1000);
  });

  it('name every bad variable', () => {
    const problems = problemsOf(() => loadWorkerSettings({ WORKER_CONCURRENCY: '0', CRAWL_JOB_TIMEOUT_MS: 'soon' }));
    expect(problems.map((p) => p.split(':')[0])).toEqual(['WORKER_CONCURRENCY', 'CRAWL_JOB_TIMEOUT_MS']);
  });

  it('want a host lease longer than a request may take', () => {
    const problems = problemsOf(() => loadWorkerSettings({ HOST_LEASE_TIMEOUT_MS: '20000' }, 30_000));
    expect(problems[0]).toMatch(/^HOST_LEASE_TIMEOUT_MS: must be longer than one request may take/);
  });
});
