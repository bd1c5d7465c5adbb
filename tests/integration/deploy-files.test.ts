import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadStorageConfig, loadWorkerSettings } from '@fieldguide/crawlers/storage';
import { loadConfig } from '@fieldguide/server';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The multi-node layout of deploy/ cannot be started here (no container engine), so its files are checked against
// the product itself: every setting they give is one the product documents and accepts, and the services they wire
// together name each other as the settings expect.

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  ports?: string[];
}

/** `${NAME:?message}` and `${NAME}` replaced by the example env file's values (secrets: placeholders). */
function interpolate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{([A-Z_]+)(:\?[^}]*)?\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`compose.yaml uses \${${name}}, which fieldguide.env.example lacks`);
    return value;
  });
}

function exampleEnv(): Record<string, string> {
  const entries = read('deploy/fieldguide.env.example')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]);
  // The example leaves secrets empty: give each a value the product accepts.
  return Object.fromEntries(
    entries.map(([name, value]) => [name, value || `example-${name.toLowerCase()}-0123456789`]),
  );
}

const composeText = read('deploy/compose.yaml');
const compose = parse(interpolate(composeText, exampleEnv()), { merge: true }) as {
  services: Record<string, Service>;
};
const { services } = compose;
const documented = new Set([...read('README.md').matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
const envOf = (name: string) => services[name]?.environment ?? {};

describe('deploy/compose.yaml', () => {
  it('runs several API servers and several crawl workers on one PostgreSQL and two Meilisearch replicas', () => {
    expect(services.api?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.worker?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.postgres?.image).toMatch(/^postgres:/);
    expect(Object.keys(services).filter((name) => services[name]?.image?.startsWith('getmeili/'))).toHaveLength(2);
  });

  it('gives the API servers settings the server documents and accepts, pointing at the services of the file', () => {
    const env = envOf('api');
    expect(Object.keys(env).filter((name) => !documented.has(name))).toEqual([]);
    const config = loadConfig(env);
    expect(new URL(config.databaseUrl ?? '').hostname).toBe('postgres');
    const meiliHosts = config.meili.urls.map((url) => new URL(url).hostname);
    expect(meiliHosts.sort()).toEqual(Object.keys(services).filter((name) => name.startsWith('meili-')));
    expect(config.host).toBe('0.0.0.0');
    expect(config.adminToken).toBeDefined();
  });

  it('gives the workers settings the worker documents and accepts', () => {
    const env = envOf('worker');
    expect(Object.keys(env).filter((name) => !documented.has(name))).toEqual([]);
    expect(loadStorageConfig(env).databaseUrl).toBe(envOf('api').DATABASE_URL);
    expect(loadWorkerSettings(env).concurrency).toBe(Number(env.WORKER_CONCURRENCY));
    expect(services.worker?.command?.slice(-1)).toEqual(['worker']);
    expect(read('crawlers/src/cli.ts')).toMatch(/\.command\('worker'\)/);
  });

  it('runs the entries the build makes, and the same master key on every replica', () => {
    for (const name of ['api', 'worker']) {
      const entry = services[name]?.command?.find((part) => part.endsWith('.js')) ?? '';
      expect(existsSync(path.join(ROOT, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts'))), entry).toBe(true);
    }
    const key = envOf('api').MEILI_MASTER_KEY;
    for (const name of ['meili-1', 'meili-2']) expect(envOf(name).MEILI_MASTER_KEY).toBe(key);
  });

  it('asks for every secret it uses in the example env file, and for nothing else', () => {
    const used = new Set([...composeText.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(exampleEnv()).sort());
  });
});

describe('deploy/nginx.conf', () => {
  it('sends requests to the API service on the port it listens on', () => {
    const upstream = /upstream \w+ \{[^}]*server ([\w-]+):(\d+);/s.exec(read('deploy/nginx.conf'));
    expect(upstream?.[1]).toBe('api');
    expect(upstream?.[2]).toBe(envOf('api').PORT);
  });
});
