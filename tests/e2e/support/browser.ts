import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { testChromium } from './chromium.js';

/** Flags for a quiet headless Chromium that reaches nothing but what a test opens. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** Viewports the app is checked at: a desktop and a phone, in CSS pixels. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Launches headless Chromium (Debian's, else the one packaged in `@sparticuz/chromium`: playwright-core brings no
 * browser of its own); close it in `afterAll`.
 */
export async function launchBrowser(): Promise<Browser> {
  const binary = await testChromium();
  return chromium.launch({
    executablePath: binary.executablePath,
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...binary.env },
  });
}

/** A page and what the browser complained about while it was open. */
export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, in order; failed loads are in `failedResponses` instead. */
  errors: string[];
  /** Responses with a 4xx or 5xx status, as `"<status> <method> <url>"`. */
  failedResponses: string[];
  close(): Promise<void>;
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** Scale factor of screenshots (1 keeps PNGs small). */
  deviceScaleFactor?: number;
  /** Origins whose requests may go out; any other request is aborted, so a test never leaves loopback. */
  allowedOrigins: readonly string[];
  /** Browser permissions to grant (e.g. `geolocation`, `clipboard-read`). */
  permissions?: string[];
  geolocation?: { latitude: number; longitude: number };
  locale?: string;
  timezoneId?: string;
  /** False reads pages as a link preview or a search engine that runs no script does; default true. */
  javaScriptEnabled?: boolean;
}

/**
 * Opens a page in a fresh context (own storage, own permissions) that may reach only `allowedOrigins`, and
 * collects console errors and uncaught exceptions.
 */
export async function openPage(browser: Browser, options: OpenPageOptions): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? VIEWPORTS.desktop,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? 'UTC',
    geolocation: options.geolocation,
    permissions: options.permissions ?? [],
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const allowed = url.startsWith('data:') || options.allowedOrigins.some((origin) => url.startsWith(`${origin}/`));
    return allowed ? route.fallback() : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const failedResponses: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx/5xx load as a console error too; those are reported with their URL below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failedResponses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  return { page, context, errors, failedResponses, close: () => context.close() };
}
