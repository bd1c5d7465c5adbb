import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startTestMeilisearch,
  startTestPostgres,
  type TestMeilisearch,
  type TestPostgres,
} from '@fieldguide/crawlers/testing';
import { type EventDocument, toSearchDocument } from '@fieldguide/shared';
import type { FastifyInstance } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { alertEvent, DAY_MS, linkIn, movableClock, pathOf, rawHeader, unsubscribeUrl } from '../support/alert-mail.js';
import { buildAppOver, startTestApp, type TestApp } from '../support/app.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

const HOST = 'fieldguide.test';
const SEARCH = 'near=Chicago&field=health-science';

describe('email alerts: double opt-in, digests of new events, one-click unsubscribe', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const clock = movableClock();

  const signUp = (body: unknown, remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/alerts',
      payload: body as object,
      headers: { host: HOST },
      remoteAddress,
    });

  /** Signs `email` up for `search` and confirms it by the mailed link; returns the number of mails before. */
  const signUpConfirmed = async (email: string, search: string, remoteAddress: string) => {
    const before = smtp.messages.length;
    expect((await signUp({ email, search }, remoteAddress)).statusCode).toBe(202);
    const [confirmation] = (await smtp.waitFor(before + 1)).slice(before);
    const confirmUrl = linkIn(confirmation as ParsedMail, /http:\/\/fieldguide\.test\/alerts\/confirm\?token=[\w-]+/);
    expect((await t.app.inject({ method: 'POST', url: pathOf(confirmUrl) })).statusCode).toBe(200);
    return before;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp(
      {
        SMTP_URL: smtp.url,
        ALERTS_FROM: 'Fieldguide <alerts@fieldguide.test>',
        RATE_LIMIT_MAX: '0',
        ALERTS_RATE_LIMIT_MAX: '8',
      },
      { alertsClock: clock.now },
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('confirms by link, mails exactly the new matching events, and stops after a one-click unsubscribe', async () => {
    const before = smtp.messages.length;
    t.app.store.upsertEvent(alertEvent('hs-old-chicago', 'health-science', 'chicago', clock.ms() - DAY_MS));
    const res = await signUp({ email: ' Nurse.Student@Example.EDU ', search: SEARCH });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ status: 'pending', message: expect.stringMatching(/confirmation link/) });

    const [confirmation] = (await smtp.waitFor(before + 1)).slice(before);
    expect(confirmation?.to).toMatchObject({ text: 'nurse.student@example.edu' });
    expect(confirmation?.from?.text).toBe('"Fieldguide" <alerts@fieldguide.test>');
    expect(confirmation?.subject).toBe('Confirm your Fieldguide alert: Health Science events near Chicago, IL, US');
    expect(rawHeader(confirmation, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeUrl(confirmation)).toMatch(/^http:\/\/fieldguide\.test\/alerts\/unsubscribe\?token=/);
    const confirmUrl = linkIn(confirmation as ParsedMail, /http:\/\/fieldguide\.test\/alerts\/confirm\?token=[\w-]+/);

    // Nothing is sent before confirmation.
    clock.advance(47 * 3_600_000);
    expect(await t.app.alerts?.scheduler.runDue()).toEqual({
      sent: 0,
      empty: 0,
      failed: 0,
      purged: 0,
      deferred: false,
    });

    const page = await t.app.inject({ method: 'GET', url: pathOf(confirmUrl), headers: { host: HOST } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Confirm my alert');
    expect(t.app.store.countAlerts()).toEqual({ pending: 1, confirmed: 0 });
    const confirmed = await t.app.inject({ method: 'POST', url: pathOf(confirmUrl), headers: { host: HOST } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Your alert is on');
    expect(t.app.store.countAlerts()).toEqual({ pending: 0, confirmed: 1 });

    const seen = clock.ms() + 3_600_000;
    t.app.store.upsertEvents([
      alertEvent('hs-new-chicago', 'health-science', 'chicago', seen),
      alertEvent('it-new-chicago', 'information-technology', 'chicago', seen),
      alertEvent('hs-new-portland', 'health-science', 'portlandOr', seen),
      alertEvent('hs-delisted-chicago', 'health-science', 'chicago', seen, { delisted: true }),
    ]);
    await t.app.outbox.drainNow();

    clock.advance(6 * DAY_MS);
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 0 });
    clock.advance(DAY_MS + 60_000);
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 1, failed: 0 });
    const [digest] = (await smtp.waitFor(before + 2)).slice(before + 1);
    expect(digest?.subject).toBe('1 new event: Health Science events near Chicago, IL, US');
    expect(digest?.text).toContain('hs-new-chicago title');
    expect(digest?.text).toContain('http://fieldguide.test/events/hs-new-chicago');
    for (const other of ['hs-old-chicago', 'it-new-chicago', 'hs-new-portland', 'hs-delisted-chicago']) {
      expect(digest?.text).not.toContain(other);
    }
    expect(digest?.html).toContain('href="http://fieldguide.test/events/hs-new-chicago"');
    expect(digest?.html).not.toMatch(/<img/i);
    expect(rawHeader(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // Due again only a period later; nothing new since: no mail.
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 0, empty: 0 });
    clock.advance(7 * DAY_MS);
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 0, empty: 1 });

    const unsubscribe = await t.app.inject({
      method: 'POST',
      url: pathOf(unsubscribeUrl(digest)),
      headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribe.statusCode).toBe(200);
    expect(t.app.store.countAlerts()).toEqual({ pending: 0, confirmed: 0 });

    t.app.store.upsertEvent(alertEvent('hs-later-chicago', 'health-science', 'chicago', clock.ms() + 1000));
    await t.app.outbox.drainNow();
    clock.advance(8 * DAY_MS);
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 0, empty: 0 });
    expect(smtp.messages).toHaveLength(before + 2);
    const gone = await t.app.inject({ method: 'GET', url: pathOf(unsubscribeUrl(digest)) });
    expect(gone.body).toContain('You are unsubscribed');
  });

  it('answers a sign-up the same whether or not the address follows the search, and keeps one alert', async () => {
    const before = smtp.messages.length;
    const counts = t.app.store.countAlerts();
    const body = { email: 'engineer@example.com', search: 'field=information-technology', frequency: 'daily' };
    const first = await signUp(body, '10.0.1.1');
    const second = await signUp(body, '10.0.1.1');
    expect(second.statusCode).toBe(202);
    expect(second.body).toBe(first.body);
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    expect(t.app.store.countAlerts().pending).toBe(counts.pending + 1);
    // Only the newest confirmation link works.
    const stale = linkIn(mails[0] as ParsedMail, /http:\/\/fieldguide\.test\/alerts\/confirm\?token=[\w-]+/);
    const fresh = linkIn(mails[1] as ParsedMail, /http:\/\/fieldguide\.test\/alerts\/confirm\?token=[\w-]+/);
    expect((await t.app.inject({ method: 'POST', url: pathOf(stale) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: pathOf(fresh) })).statusCode).toBe(200);
    const third = await signUp(body, '10.0.1.1');
    expect(third.body).toBe(first.body);
    const [notice] = (await smtp.waitFor(before + 3)).slice(before + 2);
    expect(notice?.subject).toMatch(/^You already follow/);
    expect(t.app.store.countAlerts()).toEqual({ pending: counts.pending, confirmed: counts.confirmed + 1 });
  });

  it('refuses bad input with a 400 that says what is wrong, and saves nothing', async () => {
    const counts = t.app.store.countAlerts();
    const cases: [unknown, RegExp][] = [
      [{ email: 'not-an-address', search: SEARCH }, /email/],
      [{ email: 'a@example.org', search: 'colour=blue' }, /unknown parameter "colour"/],
      [{ email: 'a@example.org', search: 'hiring=2' }, /search.*hiring/],
      [{ email: 'a@example.org', search: 'near=Nowhereville Zzyzx' }, /near|place/i],
      [{ email: 'a@example.org', search: `q=${'x'.repeat(2100)}` }, /search/],
      [{ email: `${'a'.repeat(250)}@example.org`, search: SEARCH }, /email/],
      [{ email: 'a@example.org', search: SEARCH, frequency: 'hourly' }, /frequency/],
      [{ email: 'a@example.org' }, /search/],
    ];
    for (const [body, message] of cases) {
      const res = await signUp(body, '10.0.2.1');
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'ERR_BAD_PARAMETER', message: expect.stringMatching(message) });
    }
    expect(t.app.store.countAlerts()).toEqual(counts);
    const link = await t.app.inject({ method: 'GET', url: '/alerts/confirm?token=%3Cscript%3E' });
    expect(link.statusCode).toBe(404);
    expect(link.body).not.toContain('<script>');
  });

  it('limits sign-ups per address and per client', async () => {
    const address = { email: 'limited@example.org', search: SEARCH };
    for (let i = 0; i < 3; i += 1) expect((await signUp(address, '10.0.0.1')).statusCode).toBe(202);
    const over = await signUp(address, '10.0.0.2');
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'ERR_RATE_LIMITED', message: expect.stringMatching(/this address/) });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);

    const statuses: number[] = [];
    for (let i = 0; i < 9; i += 1)
      statuses.push((await signUp({ email: `c${i}@example.org`, search: SEARCH }, '10.0.0.3')).statusCode);
    expect(statuses).toEqual([...Array(8).fill(202), 429]);
  });

  it('loses nothing while the mail server refuses: the sign-up says so, the digest is sent next round', async () => {
    smtp.refusing = true;
    const refused = await signUp({ email: 'resident@example.org', search: 'field=health-science' }, '10.0.3.1');
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'ERR_MAIL_UNAVAILABLE', message: expect.stringMatching(/try again/) });
    smtp.refusing = false;
    const before = await signUpConfirmed('resident@example.org', 'field=health-science', '10.0.3.1');
    t.app.store.upsertEvent(alertEvent('hs-retry-minneapolis', 'health-science', 'minneapolis', clock.ms() + 1000));
    await t.app.outbox.drainNow();
    clock.advance(7 * DAY_MS + 60_000);
    smtp.refusing = true;
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 0, failed: 1 });
    smtp.refusing = false;
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 1, failed: 0 });
    const [digest] = (await smtp.waitFor(before + 2)).slice(before + 1);
    expect(digest?.text).toContain('hs-retry-minneapolis title');
  });

  it('finds new events however far ahead, when the search matches more upcoming events than a digest reads', async () => {
    const search = 'field=finance';
    const known = Array.from({ length: 230 }, (_, i) =>
      alertEvent(`fin-known-${i}`, 'finance', 'chicago', clock.ms() - DAY_MS - i * 60_000),
    );
    t.app.store.upsertEvents(known);
    const before = await signUpConfirmed('analyst@example.org', search, '10.0.4.1');

    // Announced a year ahead, as conferences are: later than every event the search already had.
    const seen = clock.ms() + 1000;
    t.app.store.upsertEvent(
      alertEvent('fin-next-year', 'finance', 'chicago', seen, {
        start: new Date(seen + 365 * DAY_MS).toISOString(),
        end: new Date(seen + 365 * DAY_MS + 3 * 3_600_000).toISOString(),
      }),
    );
    await t.app.outbox.drainNow();
    clock.advance(7 * DAY_MS + 60_000);
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 1, failed: 0 });
    const [digest] = (await smtp.waitFor(before + 2)).slice(before + 1);
    expect(digest?.subject).toMatch(/^1 new event: /);
    expect(digest?.text).toContain('fin-next-year title');
    expect(digest?.text).not.toContain('fin-known-');
  });

  it('holds digests back while the index lacks what they filter on (an upgrade rebuilding it), then sends them', async () => {
    const before = await signUpConfirmed('planner@example.org', 'field=marketing-sales-service', '10.0.5.1');
    const event = alertEvent('mkt-upgrade', 'marketing-sales-service', 'chicago', clock.ms() + 1000);
    t.app.store.upsertEvent(event);
    await t.app.outbox.drainNow();
    // What an older version wrote: the document without `firstSeen`.
    const { firstSeen: _seen, ...older } = toSearchDocument(event);
    const index = t.app.searchIndex;
    await index.waitTask(await index.upsertDocuments('event', [older as unknown as EventDocument]));

    clock.advance(7 * DAY_MS + 60_000);
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 0, empty: 0, failed: 0, deferred: true });
    expect(smtp.messages).toHaveLength(before + 1);

    // The rebuild writes today's documents; the digest waited for it and finds the event.
    await index.waitTask(await index.upsertDocuments('event', [toSearchDocument(event)]));
    expect(await t.app.alerts?.scheduler.runDue()).toMatchObject({ sent: 1, deferred: false });
    const [digest] = (await smtp.waitFor(before + 2)).slice(before + 1);
    expect(digest?.text).toContain('mkt-upgrade title');
  });

  it('tells the app that this server sends alerts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.json()).toMatchObject({ alerts: { email: true } });
  });
});

describe('email alerts without SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '0' });
  });
  afterAll(async () => t?.close());

  it('are off: the app hides them and a sign-up answers 503 saying why', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).json()).toMatchObject({
      alerts: { email: false },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/alerts',
      payload: { email: 'a@example.org', search: SEARCH },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'ERR_ALERTS_OFF', message: expect.stringMatching(/SMTP_URL/) });
    expect(t.app.store.countAlerts()).toEqual({ pending: 0, confirmed: 0 });
  });

  it('still deletes the sign-ups whose confirmation expired, with their addresses, keeping alerts that are on', async () => {
    const meili = await startTestMeilisearch();
    const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-alerts-off-'));
    const env = { MEILI_INDEX_PREFIX: meili.prefix, DEMO_SITES: 'off' };
    try {
      const first = await buildAppOver(meili, dir, env);
      await first.ready();
      const signup = (email: string, confirmExpiresMs: number, token: string) =>
        first.store.saveAlertSignup({
          email,
          search: SEARCH,
          frequency: 'weekly',
          origin: `http://${HOST}`,
          confirmHash: token.repeat(64),
          confirmExpiresMs,
          unsubscribeToken: `u-${token}`,
        });
      signup('expired@example.edu', Date.now() - 3_600_000, 'a');
      signup('pending@example.edu', Date.now() + DAY_MS, 'b');
      signup('subscribed@example.edu', Date.now() + DAY_MS, 'c');
      expect(first.store.confirmAlert('c'.repeat(64), Date.now())).toMatchObject({ outcome: 'confirmed' });
      expect(first.store.countAlerts()).toEqual({ pending: 2, confirmed: 1 });
      await first.close();

      const again = await buildAppOver(meili, dir, env);
      await again.ready();
      try {
        expect(again.store.countAlerts()).toEqual({ pending: 1, confirmed: 1 });
        expect(again.store.findAlertByConfirmHash('a'.repeat(64))).toBeUndefined();
        expect(again.store.findAlertByConfirmHash('b'.repeat(64))).toBeDefined();
      } finally {
        await again.close();
      }
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('email alerts on two servers sharing a PostgreSQL store', () => {
  let smtp: SmtpSink;
  let postgres: TestPostgres;
  let meili: TestMeilisearch;
  const dirs: string[] = [];
  const apps: FastifyInstance[] = [];
  const clock = movableClock();

  beforeAll(async () => {
    [smtp, postgres, meili] = await Promise.all([startSmtpSink(), startTestPostgres(), startTestMeilisearch()]);
  });
  beforeEach(async () => {
    for (let i = 0; i < 2; i += 1) {
      const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-alerts-'));
      dirs.push(dir);
      const app = await buildAppOver(
        meili,
        dir,
        {
          DATABASE_URL: postgres.url,
          MEILI_INDEX_PREFIX: meili.prefix,
          SMTP_URL: smtp.url,
          ALERTS_FROM: 'alerts@fieldguide.test',
          DEMO_SITES: 'off',
          CATALOG: 'off',
        },
        { alertsClock: clock.now },
      );
      await app.ready();
      apps.push(app);
    }
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await smtp?.close();
    await Promise.all([postgres?.stop(), meili?.stop()]);
  });

  it('sends each digest once', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    await a.inject({ method: 'POST', url: '/api/alerts', payload: { email: 'twice@example.org', search: SEARCH } });
    const [confirmation] = await smtp.waitFor(1);
    const confirmUrl = linkIn(
      confirmation as ParsedMail,
      /http:\/\/localhost:\d+\/alerts\/confirm\?token=[\w-]+|http:\/\/[^\s]+\/alerts\/confirm\?token=[\w-]+/,
    );
    expect((await b.inject({ method: 'POST', url: pathOf(confirmUrl) })).statusCode).toBe(200);
    a.store.upsertEvent(alertEvent('hs-shared-chicago', 'health-science', 'chicago', clock.ms() + 1000));
    await a.outbox.drainNow();
    clock.advance(7 * DAY_MS + 60_000);
    const rounds = await Promise.all([a.alerts?.scheduler.runDue(), b.alerts?.scheduler.runDue()]);
    expect(rounds.reduce((sum, r) => sum + (r?.sent ?? 0), 0)).toBe(1);
    await smtp.waitFor(2);
    expect(smtp.messages.filter((m) => m.subject?.startsWith('1 new event'))).toHaveLength(1);
  });
});
