import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The built widget as the server serves it. */
export interface WidgetBundle {
  /** The content hash in `embed.<hash>.js`. */
  hash: string;
  /** Subresource Integrity of the bundle, `sha384-…`. */
  integrity: string;
  code: Buffer;
}

/** Reads the built widget: the current bundle named by `manifest.json`, and versioned bundles by hash. */
export interface WidgetBundles {
  /** The current bundle, or undefined while the widget is not built (looked for again on the next call). */
  current(): Promise<WidgetBundle | undefined>;
  /** A bundle by its hash, or undefined when there is none. */
  byHash(hash: string): Promise<Buffer | undefined>;
}

/** A content hash as the widget build writes it; anything else never reaches the file system. */
export const HASH_PATTERN = /^[A-Za-z0-9_-]{6,32}$/;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Bundles found in `root` (the widget's build output); each is read once, then served from memory. */
export function widgetBundles(root: string): WidgetBundles {
  let current: WidgetBundle | undefined;
  const versions = new Map<string, Buffer>();

  async function readVersion(hash: string): Promise<Buffer | undefined> {
    if (!HASH_PATTERN.test(hash)) return undefined;
    const cached = versions.get(hash);
    if (cached) return cached;
    try {
      const code = await readFile(path.join(root, `embed.${hash}.js`));
      versions.set(hash, code);
      return code;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  return {
    async current() {
      if (current) return current;
      let manifest: { hash?: unknown; integrity?: unknown };
      try {
        manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      if (typeof manifest.hash !== 'string' || typeof manifest.integrity !== 'string') return undefined;
      const code = await readVersion(manifest.hash);
      if (!code) return undefined;
      current = { hash: manifest.hash, integrity: manifest.integrity, code };
      return current;
    },
    byHash: readVersion,
  };
}
