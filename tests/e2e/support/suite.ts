import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, type OpenPageOptions, openPage, type TestPage } from './browser.js';
import { type E2eServer, type E2eServerOptions, startE2eServer } from './server.js';

/** A spec's server and browser, started before its tests and closed after them. */
export interface BrowserSuite {
  readonly server: E2eServer;
  readonly browser: Browser;
  /** A new page allowed to reach the server; its console errors are checked when the spec ends. */
  open(options?: Partial<OpenPageOptions>): Promise<TestPage>;
}

/**
 * Registers the hooks of a spec that drives Chromium against the real server: both start in `beforeAll`; in
 * `afterAll` every page opened must have logged no console error (and pass `checkPage`, e.g. no failed request),
 * then both close.
 */
export function useBrowserSuite(
  serverOptions: () => E2eServerOptions,
  checkPage: (page: TestPage) => void = () => {},
): BrowserSuite {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const pages: TestPage[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(serverOptions()), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    for (const page of pages) {
      expect(page.errors, 'console errors').toEqual([]);
      checkPage(page);
    }
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use it inside a test`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async open(options = {}) {
      const s = started(server, 'server');
      const opened = await openPage(started(browser, 'browser'), { allowedOrigins: [s.baseUrl], ...options });
      pages.push(opened);
      return opened;
    },
  };
}
