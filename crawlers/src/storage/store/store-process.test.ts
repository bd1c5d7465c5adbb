import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent, tempStorePath } from './fixtures/sample-data.js';
import { createStore } from './store.js';

const childScript = fileURLToPath(new URL('./fixtures/store-child.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the fixture script in a second Node process and returns its JSON line and exit signal. */
function runChild(...args: string[]) {
  const child = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', childScript, ...args], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (child.error) throw child.error;
  if (child.status !== 0 && child.signal !== 'SIGKILL') throw new Error(`child failed: ${child.stderr}`);
  return { output: JSON.parse(child.stdout.trim().split('\n').at(-1) ?? 'null'), signal: child.signal };
}

let temp: ReturnType<typeof tempStorePath>;

beforeEach(() => {
  temp = tempStorePath();
});

afterEach(() => {
  temp.cleanup();
});

describe('the store across processes', () => {
  it('finds an event written by another process unchanged, then records a real change', () => {
    const event = makeEvent();
    const first = createStore({ path: temp.path });
    first.upsertEvent(event);
    const stored = first.getEvent(event.id);
    const outbox = first.readOutbox(100);
    first.close();

    const again = runChild('upsert-event', temp.path, JSON.stringify(event)).output;
    expect(again.result).toEqual({ id: event.id, status: 'unchanged' });
    expect(again.count).toBe(1);
    expect(again.outbox).toEqual(outbox);

    const changed = runChild('upsert-event', temp.path, JSON.stringify({ ...event, title: 'Renamed fair' })).output;
    expect(changed.result).toEqual({ id: event.id, status: 'updated' });
    expect(changed.outbox).toHaveLength(2);

    const reopened = createStore({ path: temp.path });
    expect(reopened.getEvent(event.id)).toMatchObject({ title: 'Renamed fair', firstSeen: stored?.firstSeen });
    expect(reopened.countEvents()).toBe(1);
    reopened.close();
  });

  it('marks a run left running by a process that died as interrupted, and keeps live runs running', () => {
    const live = createStore({ path: temp.path });
    const liveRun = live.startCrawlRun();

    const { output, signal } = runChild('start-run-and-die', temp.path);
    expect(signal).toBe('SIGKILL');
    expect(live.getCrawlRun(output.runId)?.status).toBe('running');

    const next = createStore({ path: temp.path });
    expect(next.getCrawlRun(output.runId)).toMatchObject({ status: 'interrupted', finishedAt: expect.any(String) });
    expect(next.getCrawlRun(liveRun.id)?.status).toBe('running');
    next.close();
    live.close();

    const afterClose = createStore({ path: temp.path });
    expect(afterClose.getCrawlRun(liveRun.id)?.status).toBe('interrupted');
    afterClose.close();
  });

  it('holds the write lock from the start of a transaction, so another writer cannot commit between read and write', () => {
    const store = createStore({ path: temp.path });
    store.upsertEvent(makeEvent());
    const other = new Database(temp.path, { timeout: 0 });

    store.transaction(() => {
      const before = store.getEvent('ev-1');
      expect(() => other.prepare('DELETE FROM outbox').run()).toThrow(/locked/);
      expect(store.upsertEvent({ ...before!, title: 'Changed' }).status).toBe('updated');
    });
    expect(other.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(2);
    other.close();
    store.close();
  });
});
