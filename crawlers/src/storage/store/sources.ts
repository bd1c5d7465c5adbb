import { assertValid, type Source, SourceHealthSchema, SourceSchema } from '@fieldguide/shared';
import type Database from 'better-sqlite3';
import { sourceContentHash } from './content-hash.js';
import { StoreNotFoundError } from './errors.js';
import type { Store, UpsertResult } from './store.types.js';

type SourceMethods = Pick<Store, 'upsertSource' | 'getSource' | 'listSources' | 'updateSourceHealth'>;

interface SourceRow {
  config: string;
  health: string;
  content_hash: string;
}

const fromRow = (row: SourceRow): Source => ({ ...JSON.parse(row.config), health: JSON.parse(row.health) });

/** Sources: configuration (compared without health) and crawl health kept apart. No outbox. */
export function createSources(db: Database.Database, nowIso: () => string): SourceMethods {
  const row = db.prepare<[string], SourceRow>('SELECT config, health, content_hash FROM sources WHERE id = ?');
  const insert = db.prepare<[string, string, string, string, number, string]>(
    'INSERT INTO sources (id, config, health, content_hash, enabled, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateConfig = db.prepare<[string, string, number, string, string]>(
    'UPDATE sources SET config = ?, content_hash = ?, enabled = ?, updated_at = ? WHERE id = ?',
  );
  const updateHealth = db.prepare<[string, string]>('UPDATE sources SET health = ? WHERE id = ?');
  const all = db.prepare<[], SourceRow>('SELECT config, health, content_hash FROM sources ORDER BY id');

  const write = db.transaction((source: Source): UpsertResult => {
    const { health, ...config } = source;
    const hash = sourceContentHash(config);
    const stored = row.get(source.id);
    const enabled = source.enabled ? 1 : 0;
    if (!stored) {
      insert.run(source.id, JSON.stringify(config), JSON.stringify(health), hash, enabled, nowIso());
      return { id: source.id, status: 'inserted' };
    }
    if (stored.content_hash === hash) return { id: source.id, status: 'unchanged' };
    updateConfig.run(JSON.stringify(config), hash, enabled, nowIso(), source.id);
    return { id: source.id, status: 'updated' };
  });

  return {
    upsertSource: (source) => write.immediate(assertValid(SourceSchema, source, 'source')),
    getSource: (id) => {
      const stored = row.get(id);
      return stored && fromRow(stored);
    },
    listSources: () => all.all().map(fromRow),
    updateSourceHealth: (id, health) => {
      assertValid(SourceHealthSchema, health, 'source health');
      if (updateHealth.run(JSON.stringify(health), id).changes === 0) throw new StoreNotFoundError('source', id);
    },
  };
}
