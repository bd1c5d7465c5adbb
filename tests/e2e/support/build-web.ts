import path from 'node:path';
import { build, type Rolldown } from 'vite';

/** The web package's folder. */
export const WEB_DIR = path.resolve(import.meta.dirname, '../../../web');

/** What a production build wrote: the folder and Vite's output chunks and assets. */
export interface WebBuild {
  outDir: string;
  output: (Rolldown.OutputChunk | Rolldown.OutputAsset)[];
}

/**
 * Builds the web app for production with its own `vite.config.ts` into `outDir` (emptied first), quietly and
 * without source maps. Any extra Vite config (a widget entry, a base URL) can come through `overrides`.
 */
export async function buildWebApp(outDir: string): Promise<WebBuild> {
  const result = await build({
    root: WEB_DIR,
    configFile: path.join(WEB_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const output = outputs.flatMap((o) => ('output' in o ? o.output : []));
  return { outDir, output };
}
