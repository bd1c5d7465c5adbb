import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { CriticalError, NonRetryableError, RetryableError } from './errors.js';
import {
  createScheduler,
  type HostGate,
  hostKeyOf,
  type RetryEvent,
  type Scheduler,
  type SchedulerOptions,
} from './scheduler.js';

interface Run {
  host: string;
  label: string;
  start: number;
  end: number;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createScheduler', () => {
  let scheduler: Scheduler;
  const runs: Run[] = [];

  const make = (options: SchedulerOptions) => {
    scheduler = createScheduler(options);
    return scheduler;
  };

  /** A task that records when it ran; it takes `durationMs`. */
  const task =
    (url: string, label: string, durationMs = 20, outcome?: () => void) =>
    async () => {
      const start = performance.now();
      await wait(durationMs);
      runs.push({ host: hostKeyOf(url), label, start, end: performance.now() });
      outcome?.();
      return label;
    };

  const runsOf = (host: string) => runs.filter((run) => run.host === host).sort((a, b) => a.start - b.start);

  const gapsOf = (host: string) => {
    const list = runsOf(host);
    return list.slice(1).map((run, index) => run.start - (list[index]?.end ?? 0));
  };

  afterEach(() => {
    scheduler?.close();
    runs.length = 0;
  });

  it('runs one task at a time per host, resting perHostDelayMs between them, hosts in parallel', async () => {
    make({ perHostDelayMs: 60, maxConcurrency: 4 });
    const urls = ['http://a.test/1', 'http://a.test/2', 'http://a.test/3', 'http://b.test/1', 'http://b.test/2'];
    const labels = await Promise.all(urls.map((url) => scheduler.schedule(url, task(url, url, 30))));
    expect(labels).toEqual(urls);
    for (const host of ['a.test', 'b.test']) {
      for (const gap of gapsOf(host)) expect(gap).toBeGreaterThanOrEqual(60);
    }
    const [a1] = runsOf('a.test');
    const [b1] = runsOf('b.test');
    expect(a1 && b1 && a1.start < b1.end && b1.start < a1.end).toBe(true);
  });

  it('never runs more than maxConcurrency tasks at once', async () => {
    make({ perHostDelayMs: 0, maxConcurrency: 2 });
    let running = 0;
    let peak = 0;
    const urls = ['a', 'b', 'c', 'd', 'e', 'f'].map((host) => `http://${host}.test/`);
    await Promise.all(
      urls.map((url) =>
        scheduler.schedule(url, async () => {
          running += 1;
          peak = Math.max(peak, running);
          await wait(20);
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('retries retryable failures with exponential backoff, then succeeds', async () => {
    const retries: RetryEvent[] = [];
    make({ perHostDelayMs: 0, retryBaseDelayMs: 40, maxRetries: 3, random: () => 0, onRetry: (e) => retries.push(e) });
    let attempts = 0;
    const url = 'http://a.test/flaky';
    const result = await scheduler.schedule(
      url,
      task(url, 'flaky', 1, () => {
        attempts += 1;
        if (attempts < 3) throw new RetryableError('FETCH_NETWORK', 'reset');
      }),
      { sourceId: 'demo' },
    );
    expect(result).toBe('flaky');
    expect(retries.map((e) => [e.retry, e.delayMs, e.hostPaused, e.sourceId])).toEqual([
      [1, 20, false, 'demo'],
      [2, 40, false, 'demo'],
    ]);
    const gaps = gapsOf('a.test');
    expect(gaps[0]).toBeGreaterThanOrEqual(20);
    expect(gaps[1]).toBeGreaterThanOrEqual(40);
  });

  it('gives up after maxRetries with the last error, and never retries a NonRetryableError', async () => {
    make({ perHostDelayMs: 0, retryBaseDelayMs: 1, maxRetries: 2 });
    let attempts = 0;
    await expect(
      scheduler.schedule('http://a.test/', async () => {
        attempts += 1;
        throw new RetryableError('FETCH_HTTP_STATUS', `attempt ${attempts}`, { status: 500 });
      }),
    ).rejects.toThrow('attempt 3');
    expect(attempts).toBe(3);

    let calls = 0;
    await expect(
      scheduler.schedule('http://a.test/gone', async () => {
        calls += 1;
        throw new NonRetryableError('FETCH_HTTP_STATUS', 'gone', { status: 404 });
      }),
    ).rejects.toBeInstanceOf(NonRetryableError);
    expect(calls).toBe(1);
  });

  it('pauses the whole host on retryAfterMs while other hosts go on', async () => {
    make({ perHostDelayMs: 0, maxRetryAfterMs: 10_000 });
    let limited = true;
    const first = scheduler.schedule(
      'http://a.test/limited',
      task('http://a.test/limited', 'limited', 5, () => {
        if (limited) {
          limited = false;
          throw new RetryableError('FETCH_HTTP_STATUS', '429', { status: 429, retryAfterMs: 200 });
        }
      }),
    );
    const second = scheduler.schedule('http://a.test/other', task('http://a.test/other', 'other', 5));
    const others = ['1', '2', '3'].map((n) =>
      scheduler.schedule(`http://b.test/${n}`, task(`http://b.test/${n}`, `b${n}`, 5)),
    );
    await Promise.all([first, second, ...others]);

    const a = runsOf('a.test');
    expect(a.map((run) => run.label)).toEqual(['limited', 'limited', 'other']);
    const [refused, retried, other] = a;
    expect(retried!.start - refused!.end).toBeGreaterThanOrEqual(200);
    expect(other!.start - refused!.end).toBeGreaterThanOrEqual(200);
    expect(runsOf('b.test').every((run) => run.end < retried!.start)).toBe(true);
  });

  it('caps Retry-After at maxRetryAfterMs', async () => {
    make({ perHostDelayMs: 0, maxRetryAfterMs: 50 });
    let first = true;
    const started = performance.now();
    await scheduler.schedule('http://a.test/', async () => {
      if (first) {
        first = false;
        throw new RetryableError('FETCH_HTTP_STATUS', '503', { status: 503, retryAfterMs: 3_600_000 });
      }
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('applies a host minimum delay larger than perHostDelayMs (Crawl-delay)', async () => {
    make({ perHostDelayMs: 10 });
    scheduler.setHostMinDelay('A.test', 120);
    expect(scheduler.hostDelayMs('a.test')).toBe(120);
    expect(scheduler.hostDelayMs('b.test')).toBe(10);
    const urls = ['http://a.test/1', 'http://a.test/2', 'http://a.test/3'];
    await Promise.all(urls.map((url) => scheduler.schedule(url, task(url, url, 5))));
    for (const gap of gapsOf('a.test')) expect(gap).toBeGreaterThanOrEqual(120);
  });

  it('pauseHost holds a host', async () => {
    make({ perHostDelayMs: 0 });
    const started = performance.now();
    scheduler.pauseHost('a.test', 100);
    await scheduler.schedule('http://a.test/', task('http://a.test/', 'x', 1));
    expect(runsOf('a.test')[0]!.start - started).toBeGreaterThanOrEqual(100);
  });

  it('reports idleness and rejects queued work on close', async () => {
    make({ perHostDelayMs: 1000 });
    const done = scheduler.schedule('http://a.test/1', task('http://a.test/1', '1', 5));
    const queued = scheduler.schedule('http://a.test/2', task('http://a.test/2', '2', 5));
    expect(scheduler.size).toBe(2);
    await done;
    scheduler.close();
    await expect(queued).rejects.toBeInstanceOf(CriticalError);
    await scheduler.onIdle();
    expect(scheduler.size).toBe(0);
    await expect(scheduler.schedule('http://a.test/3', async () => 3)).rejects.toMatchObject({
      code: 'SCHEDULER_CLOSED',
    });
  });

  it('asks its gate for each turn and tells it the rest: the gap, the Crawl-delay or the Retry-After, capped', async () => {
    const turns: { host: string; restMs: number }[] = [];
    const gate: HostGate = {
      acquire: async (host) => ({
        release: async (restMs) => {
          turns.push({ host, restMs });
        },
      }),
    };
    make({ gate, perHostDelayMs: 5, maxRetries: 1, retryBaseDelayMs: 1, maxRetryAfterMs: 40 });
    await scheduler.schedule('http://a.test/1', task('http://a.test/1', 'a1', 1));
    scheduler.setHostMinDelay('a.test', 30);
    await scheduler.schedule('http://a.test/2', task('http://a.test/2', 'a2', 1));
    let answered = 0;
    const busyOnce = async () => {
      answered += 1;
      if (answered === 1) throw new RetryableError('HTTP_STATUS', 'busy', { retryAfterMs: 5000 });
      return 'ok';
    };
    await scheduler.schedule('http://b.test/', busyOnce);
    expect(turns).toEqual([
      { host: 'a.test', restMs: 5 },
      { host: 'a.test', restMs: 30 },
      { host: 'b.test', restMs: 40 },
      { host: 'b.test', restMs: 5 },
    ]);
  });

  it('fails a task whose gate is closed, without retrying it', async () => {
    const gate: HostGate = {
      acquire: async () => {
        throw new CriticalError('SCHEDULER_CLOSED', 'the host gate is closed');
      },
    };
    make({ gate, maxRetries: 3 });
    let ran = false;
    await expect(
      scheduler.schedule('http://a.test/', async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ code: 'SCHEDULER_CLOSED' });
    expect(ran).toBe(false);
  });
});
