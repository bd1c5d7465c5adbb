import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** An axe-core violation, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export interface AxeOptions {
  /** Impacts that count; default serious and critical. */
  impacts?: readonly string[];
  /** CSS selector of the part of the page to check; default the whole document. */
  include?: string;
  /** Rule tags to run; default WCAG 2.0/2.1 A and AA plus best practices. */
  tags?: readonly string[];
}

/**
 * Runs axe-core in the page (its source is evaluated through the DevTools protocol, so the page's CSP does not
 * stop it) and returns the violations of the given impacts.
 */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const impacts = options.impacts ?? ['serious', 'critical'];
  // The callbacks below run in the page; this project has no DOM types, so they reach it through globalThis.
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ include, tags }) => {
      const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
      interface AxeResults {
        violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
      }
      const result = await axe.run(include ?? (globalThis as unknown as { document: unknown }).document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
      }));
    },
    {
      include: options.include,
      tags: [...(options.tags ?? ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])],
    },
  );
  return violations.filter((v) => v.impact !== null && impacts.includes(v.impact));
}
