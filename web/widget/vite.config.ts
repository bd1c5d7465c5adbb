import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** Where the built widget goes: `embed.<hash>.js` and `manifest.json`, read by the server's `/embed.js` route. */
export const WIDGET_OUT_DIR = path.resolve(import.meta.dirname, 'dist');

/** What the server needs to serve the current bundle; written beside it as `manifest.json`. */
export interface WidgetManifest {
  /** File name of the bundle, `embed.<hash>.js`. */
  file: string;
  /** The content hash in the file name. */
  hash: string;
  /** Subresource Integrity of the bundle, `sha384-…`. */
  integrity: string;
  /** Size of the bundle, and gzipped at level 9, in bytes. */
  bytes: number;
  gzipBytes: number;
}

/** Writes `manifest.json` naming the hashed bundle. */
function widgetManifest(): Plugin {
  return {
    name: 'fieldguide-widget-manifest',
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry);
      if (chunk?.type !== 'chunk') throw new Error('the widget build produced no entry chunk');
      const hash = /^embed\.([\w-]+)\.js$/.exec(chunk.fileName)?.[1];
      if (!hash) throw new Error(`unexpected widget file name ${chunk.fileName}`);
      const manifest: WidgetManifest = {
        file: chunk.fileName,
        hash,
        integrity: `sha384-${createHash('sha384').update(chunk.code).digest('base64')}`,
        bytes: Buffer.byteLength(chunk.code),
        gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
      };
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

// One self-contained IIFE: no chunks, no CSS file, no globals but the one the code sets itself.
export default defineConfig({
  publicDir: false,
  resolve: { conditions: ['source'] },
  plugins: [widgetManifest()],
  build: {
    outDir: WIDGET_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: path.resolve(import.meta.dirname, 'embed.ts'),
      formats: ['iife'],
      name: 'FieldguideEmbedBundle',
      fileName: () => 'embed.[hash].js',
    },
  },
});
