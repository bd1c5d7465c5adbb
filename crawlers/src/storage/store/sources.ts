import { assertValid, type Source, SourceHealthSchema, SourceSchema } from '@fieldguide/shared';
import type Database from 'better-sqlite3';
import { StoreNotFoundError } from './errors.js';
import { type SourceRow, sourceFromRow } from './rows.js';
import type { Store, UpsertResult } from './store.types.js';
import { planSourceUpsert } from './upsert-plans.js';

type SourceMethods = Pick<Store, 'upsertSource' | 'getSource' | 'listSources' | 'updateSourceHealth'>;

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
    const plan = planSourceUpsert(row.get(source.id)?.content_hash, source);
    const enabled = plan.enabled ? 1 : 0;
    if (plan.status === 'inserted') insert.run(source.id, plan.config, plan.health, plan.hash, enabled, nowIso());
    if (plan.status === 'updated') updateConfig.run(plan.config, plan.hash, enabled, nowIso(), source.id);
    return { id: source.id, status: plan.status };
  });

  return {
    upsertSource: (source) => write.immediate(assertValid(SourceSchema, source, 'source')),
    getSource: (id) => {
      const stored = row.get(id);
      return stored && sourceFromRow(stored);
    },
    listSources: () => all.all().map(sourceFromRow),
    updateSourceHealth: (id, health) => {
      assertValid(SourceHealthSchema, health, 'source health');
      if (updateHealth.run(JSON.stringify(health), id).changes === 0) throw new StoreNotFoundError('source', id);
    },
  };
}
