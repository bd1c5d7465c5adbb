import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

/** The start-up announcement the entry prints for people, beside the log lines. */
const ANNOUNCEMENT = /^Fieldguide is running at /;

/** The lines of a server's stdout that are log lines. */
function logLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line !== '' && !ANNOUNCEMENT.test(line));
}

describe('the server entry point’s logs', () => {
  let server: ServerProcess | undefined;
  afterEach(() => server?.cleanup());

  it('are JSON lines when stdout is not a terminal', async () => {
    server = await startServerProcess({ DEMO_SITES: 'off', LOG_LEVEL: 'info' });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await server.stop()).toBe(0);

    const records = logLines(server.stdout()).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const record of records) expect(record).toMatchObject({ level: expect.any(Number), msg: expect.any(String) });
    expect(records).toContainEqual(
      expect.objectContaining({ msg: 'incoming request', req: expect.objectContaining({ url: '/health' }) }),
    );
    expect(records).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }));
  });

  it('are readable lines with LOG_FORMAT=pretty, even into a pipe', async () => {
    server = await startServerProcess({ DEMO_SITES: 'off', LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await server.stop()).toBe(0);

    const lines = logLines(server.stdout());
    const stamped = (message: string) => new RegExp(`^\\[\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\] INFO: ${message}$`);
    expect(lines.some((line) => stamped('incoming request').test(line))).toBe(true);
    expect(lines.some((line) => stamped('shutting down').test(line))).toBe(true);
    expect(lines).toContain('    signal: "SIGTERM"');
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
  });
});
