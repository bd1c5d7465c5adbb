import type { ParsedMail } from 'mailparser';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { alertEvent, DAY_MS, linkIn, movableClock, unsubscribeUrl } from '../../support/alert-mail.js';
import { type SmtpSink, startSmtpSink } from '../../support/smtp-sink.js';
import { runAxe } from '../support/axe.js';
import { VIEWPORTS } from '../support/browser.js';
import { drainIndex } from '../support/server.js';
import { useBrowserSuite } from '../support/suite.js';

// Email alerts in real Chromium against the real server and a real SMTP server on loopback: a nursing student near
// Chicago signs up from her search, confirms from the mail, and later unsubscribes from a digest's link.

const SEARCH_PATH = '/?field=health-science&near=Chicago';

const CONFIRM_LINK = /http:\/\/\S+\/alerts\/confirm\?token=[\w-]+/;

async function openSubscribe(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}${SEARCH_PATH}`);
  await page.locator('.event-card').first().waitFor();
  await page.locator('summary', { hasText: 'Subscribe to this search' }).click();
  await page.locator('.subscribe').waitFor();
}

/** Asks for a daily digest for `email` in the open sign-up form, and waits for it to say a mail is on its way. */
async function submitSignUp(form: Locator, email: string) {
  await form.getByLabel('Email address').fill(email);
  await form.getByRole('radio', { name: 'Daily' }).check();
  await form.getByRole('button', { name: 'Email me' }).click();
  await expect.poll(() => form.getByRole('status').textContent()).toMatch(/Check your inbox/);
}

/** The `/events/<id>` links of a mail's text part, in order. */
const eventLinks = (text: string | undefined) =>
  [...(text ?? '').matchAll(/http:\/\/\S+\/events\/[\w-]+/g)].map((m) => m[0]);

describe('email alerts, with SMTP', () => {
  let smtp: SmtpSink;
  // Digests go by this clock: a test moves it on a period instead of waiting a day.
  const clock = movableClock();
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => smtp?.close());
  const suite = useBrowserSuite(
    () => ({
      webRoot: inject('webRoot'),
      data: 'seed',
      env: { SMTP_URL: smtp.url, ALERTS_FROM: 'Fieldguide <alerts@fieldguide.test>' },
      alertsClock: clock.now,
    }),
    // The one refusal a test below asks for on purpose.
    (p) =>
      expect(
        p.failedResponses.filter((r) => !/^400 POST \S+\/api\/alerts$/.test(r)),
        'failed requests',
      ).toEqual([]),
  );

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`signs up from the search, confirms from the mail and unsubscribes (${name})`, async () => {
      const { page } = await suite.open({ viewport });
      const before = smtp.messages.length;
      await openSubscribe(page, suite.server.baseUrl);
      const form = page.getByRole('region', { name: 'Email me new events for this search' });
      await form.waitFor();
      expect(await runAxe(page, { include: '.subscribe-details' })).toEqual([]);
      await submitSignUp(form, `nurse-${name}@example.edu`);
      expect(await runAxe(page, { include: '.subscribe-details' })).toEqual([]);

      const [mail] = (await smtp.waitFor(before + 1)).slice(before);
      expect(mail?.to).toMatchObject({ text: `nurse-${name}@example.edu` });
      expect(mail?.text).toContain('daily');
      const confirmUrl = mail?.text?.match(CONFIRM_LINK)?.[0] ?? '';
      expect(confirmUrl.startsWith(suite.server.baseUrl)).toBe(true);

      await page.goto(confirmUrl);
      await page.getByRole('heading', { level: 1, name: 'Confirm your email alert' }).waitFor();
      expect(await page.locator('main').textContent()).toContain('Health Science events near Chicago, IL, US');
      expect(await runAxe(page)).toEqual([]);
      await page.getByRole('button', { name: 'Confirm my alert' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your alert is on' }).waitFor();
      expect(await page.locator('main').textContent()).toMatch(
        /daily email with the new events of Health Science events near Chicago, IL, US/,
      );
      expect(await runAxe(page)).toEqual([]);
      // Its link goes back to the search.
      await page.getByRole('link', { name: 'Health Science events near Chicago, IL, US' }).click();
      await page.locator('.event-card').first().waitFor();
      expect(new URL(page.url()).searchParams.get('field')).toBe('health-science');

      await page.goto(unsubscribeUrl(mail));
      await page.getByRole('heading', { level: 1, name: 'Unsubscribe from this alert?' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      const confirmedBefore = suite.server.app.store.countAlerts().confirmed;
      await page.getByRole('button', { name: 'Unsubscribe' }).click();
      await page.getByRole('heading', { level: 1, name: 'You are unsubscribed' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      expect(suite.server.app.store.countAlerts().confirmed).toBe(confirmedBefore - 1);
    });
  }

  it('mails a digest of exactly the new events of the search, and no more after a one-click unsubscribe', async () => {
    const { page } = await suite.open({ viewport: VIEWPORTS.desktop });
    const { app, baseUrl } = suite.server;
    const email = 'digest-reader@example.edu';
    const toReader = () => smtp.messages.filter((m) => m.to && 'text' in m.to && m.to.text === email);
    const before = smtp.messages.length;
    await openSubscribe(page, baseUrl);
    await submitSignUp(page.getByRole('region', { name: 'Email me new events for this search' }), email);
    await smtp.waitFor(before + 1);
    await page.goto(linkIn(toReader()[0] as ParsedMail, CONFIRM_LINK));
    await page.getByRole('button', { name: 'Confirm my alert' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your alert is on' }).waitFor();

    // Found by a crawl after the confirmation: two nursing events near Chicago, and one in another field.
    const seen = clock.ms() + 3_600_000;
    app.store.upsertEvents([
      alertEvent('digest-hs-chicago-a', 'health-science', 'chicago', seen),
      alertEvent('digest-hs-chicago-b', 'health-science', 'chicago', seen + 60_000),
      alertEvent('digest-it-chicago', 'information-technology', 'chicago', seen),
    ]);
    await drainIndex(app);
    clock.advance(DAY_MS + 60_000);
    expect(await app.alerts?.scheduler.runDue()).toMatchObject({ sent: 1, failed: 0 });
    const [digest] = (await smtp.waitFor(before + 2)).slice(before + 1);
    expect(toReader()).toContain(digest);
    expect(digest?.subject).toBe('2 new events: Health Science events near Chicago, IL, US');
    expect(new Set(eventLinks(digest?.text))).toEqual(
      new Set(['digest-hs-chicago-a', 'digest-hs-chicago-b'].map((id) => `${baseUrl}/events/${id}`)),
    );

    // What a mail client's unsubscribe button sends (RFC 8058).
    const link = unsubscribeUrl(digest);
    expect(link.startsWith(`${baseUrl}/alerts/unsubscribe?token=`)).toBe(true);
    const unsubscribed = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);
    await unsubscribed.body?.cancel();

    app.store.upsertEvent(alertEvent('digest-hs-chicago-later', 'health-science', 'chicago', clock.ms() + 1000));
    await drainIndex(app);
    clock.advance(DAY_MS + 60_000);
    expect(await app.alerts?.scheduler.runDue()).toMatchObject({ sent: 0, failed: 0 });
    expect(toReader()).toHaveLength(2);
    expect(smtp.messages).toHaveLength(before + 2);
  });

  it('says why the server refused an address, and keeps what was typed', async () => {
    const { page } = await suite.open({ viewport: VIEWPORTS.phone });
    await openSubscribe(page, suite.server.baseUrl);
    const form = page.getByRole('region', { name: 'Email me new events for this search' });
    const before = smtp.messages.length;
    // The browser's own check lets an address without a dot in its domain through; the server does not.
    await form.getByLabel('Email address').fill('nurse@localhost');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/alerts'));
    await form.getByRole('button', { name: 'Email me' }).click();
    expect((await answer).status()).toBe(400);
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/must be an email address/);
    expect(await form.getByLabel('Email address').inputValue()).toBe('nurse@localhost');
    expect(await runAxe(page, { include: '.subscribe-details' })).toEqual([]);
    expect(smtp.messages).toHaveLength(before);
  });
});

describe('email alerts, without SMTP', () => {
  const suite = useBrowserSuite(() => ({ webRoot: inject('webRoot'), data: 'seed' }));

  it('offers the feeds only', async () => {
    const { page } = await suite.open({ viewport: VIEWPORTS.desktop });
    const config = page.waitForResponse((r) => r.url().endsWith('/api/config'));
    await openSubscribe(page, suite.server.baseUrl);
    expect(await (await config).json()).toMatchObject({ alerts: { email: false } });
    await page.getByRole('link', { name: 'Open in my calendar app' }).waitFor();
    // Two frames after the settings arrived, React has rendered what they allow: no email option.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.getByText('Email me new events for this search').count()).toBe(0);
  });
});
