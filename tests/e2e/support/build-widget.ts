import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { WEB_DIR } from './build-web.js';

/** `manifest.json` of a widget build (see `web/widget/vite.config.ts`). */
export interface WidgetBuild {
  outDir: string;
  /** `embed.<hash>.js`. */
  file: string;
  hash: string;
  integrity: string;
  bytes: number;
  gzipBytes: number;
  /** The bundle's source text. */
  code: string;
}

/** Builds the embeddable widget with its own Vite config into `outDir` (emptied first); pass it as `widgetRoot`. */
export async function buildWidget(outDir: string): Promise<WidgetBuild> {
  await build({
    root: WEB_DIR,
    configFile: path.join(WEB_DIR, 'widget/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  return { ...manifest, outDir, code: readFileSync(path.join(outDir, manifest.file), 'utf8') };
}
