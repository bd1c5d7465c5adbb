import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const BENCHMARKS_MD = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

/** A table laid out the way Biome formats Markdown, so `pnpm lint` stays clean after an append. */
export function markdownTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)];
}

/** The `p`-th percentile (nearest rank) of ascending `sorted`. */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** `"2 CPUs (AMD EPYC), Node v20.20.2"`: the machine line every section starts with. */
export function machineDescription(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${availableParallelism()} CPUs (${cpu}), Node ${process.version}`;
}

/** `"2026-11-25 20:28 UTC"`. */
export const nowUtc = () => `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Appends a section (ending in a blank line) to docs/benchmarks.md, creating the file when missing. */
export async function appendToBenchmarks(section: string): Promise<void> {
  const existing = await readFile(BENCHMARKS_MD, 'utf8').catch(() => undefined);
  if (existing === undefined) {
    await writeFile(BENCHMARKS_MD, '# Benchmarks\n\nFigures appended by the `pnpm bench:*` scripts, newest last.\n\n');
  }
  await appendFile(BENCHMARKS_MD, `${existing?.endsWith('\n\n') === false ? '\n' : ''}${section}`);
}
