import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../support/smtp-sink.js';
import { runAxe } from '../support/axe.js';
import { VIEWPORTS } from '../support/browser.js';
import { useBrowserSuite } from '../support/suite.js';

// Email alerts in real Chromium against the real server and a real SMTP server on loopback: a nursing student near
// Chicago signs up from her search, confirms from the mail, and later unsubscribes from a digest's link.

const SEARCH_PATH = '/?field=health-science&near=Chicago';

/** The header as sent (mailparser folds List-* headers into one object). */
const rawHeader = (mail: ParsedMail | undefined, name: string) =>
  mail?.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '') ?? '';

async function openSubscribe(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}${SEARCH_PATH}`);
  await page.locator('.event-card').first().waitFor();
  await page.locator('summary', { hasText: 'Subscribe to this search' }).click();
  await page.locator('.subscribe').waitFor();
}

describe('email alerts, with SMTP', () => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => smtp?.close());
  const suite = useBrowserSuite(
    () => ({
      webRoot: inject('webRoot'),
      data: 'seed',
      env: { SMTP_URL: smtp.url, ALERTS_FROM: 'Fieldguide <alerts@fieldguide.test>' },
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
      await form.getByLabel('Email address').fill(`nurse-${name}@example.edu`);
      await form.getByRole('radio', { name: 'Daily' }).check();
      await form.getByRole('button', { name: 'Email me' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toMatch(/Check your inbox/);
      expect(await runAxe(page, { include: '.subscribe-details' })).toEqual([]);

      const [mail] = (await smtp.waitFor(before + 1)).slice(before);
      expect(mail?.to).toMatchObject({ text: `nurse-${name}@example.edu` });
      expect(mail?.text).toContain('daily');
      const confirmUrl = mail?.text?.match(/http:\/\/\S+\/alerts\/confirm\?token=[\w-]+/)?.[0] ?? '';
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

      const unsubscribeUrl = rawHeader(mail, 'List-Unsubscribe').replace(/^<|>$/g, '');
      await page.goto(unsubscribeUrl);
      await page.getByRole('heading', { level: 1, name: 'Unsubscribe from this alert?' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      const confirmedBefore = suite.server.app.store.countAlerts().confirmed;
      await page.getByRole('button', { name: 'Unsubscribe' }).click();
      await page.getByRole('heading', { level: 1, name: 'You are unsubscribed' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      expect(suite.server.app.store.countAlerts().confirmed).toBe(confirmedBefore - 1);
    });
  }

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
