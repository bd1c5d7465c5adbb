import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { loggerOptions, wantsPrettyLogs } from './logger.js';

/** A stand-in for stdout that keeps what is written, a terminal or not. */
function fakeStdout(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (chunk) => {
    text += chunk;
  });
  return { stream, text: () => text };
}

describe('log format', () => {
  it('pretty-prints for a terminal under auto, JSON elsewhere, and obeys pretty and json', () => {
    const terminal = fakeStdout(true).stream;
    const pipe = fakeStdout(false).stream;
    expect(wantsPrettyLogs('auto', terminal)).toBe(true);
    expect(wantsPrettyLogs('auto', pipe)).toBe(false);
    expect(wantsPrettyLogs('json', terminal)).toBe(false);
    expect(wantsPrettyLogs('pretty', pipe)).toBe(true);
  });

  it('leaves JSON logs to pino at the configured level', () => {
    const options = loggerOptions(loadConfig({ LOG_LEVEL: 'warn', LOG_FORMAT: 'json' }), fakeStdout(true).stream);
    expect(options).toEqual({ level: 'warn' });
  });

  it('writes readable colored lines on a terminal, without the JSON fields', async () => {
    const stdout = fakeStdout(true);
    const app = Fastify({ logger: loggerOptions(loadConfig({ LOG_LEVEL: 'info' }), stdout.stream) });
    app.log.info({ source: 'demo' }, 'crawl finished');
    app.log.debug('below the level');
    await app.close();

    await expect.poll(stdout.text).toContain('crawl finished');
    const line = stdout.text().split('\n')[0] ?? '';
    expect(line).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] .*INFO.*: .*crawl finished/);
    expect(line).toContain('\u001b['); // ANSI colors
    expect(stdout.text()).toMatch(/source\S*: "demo"/);
    expect(stdout.text()).not.toContain('"level"');
    expect(stdout.text()).not.toContain('below the level');
  });

  it('writes plain readable lines when told to pretty-print into a pipe', async () => {
    const stdout = fakeStdout(false);
    const app = Fastify({ logger: loggerOptions(loadConfig({ LOG_FORMAT: 'pretty' }), stdout.stream) });
    app.log.warn('store is read-only');
    await app.close();

    await expect.poll(stdout.text).toContain('store is read-only');
    expect(stdout.text()).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: store is read-only\n/);
  });
});
