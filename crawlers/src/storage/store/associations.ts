import { type Association, AssociationSchema, assertValid } from '@fieldguide/shared';
import type Database from 'better-sqlite3';
import type { Outbox } from './outbox.js';
import type { Store, UpsertResult } from './store.types.js';
import { planAssociationUpsert } from './upsert-plans.js';

const PAGE_SIZE = 256;

/** The association methods of the store, which each engine implements. */
export type AssociationMethods = Pick<
  Store,
  'upsertAssociation' | 'getAssociation' | 'iterateAssociations' | 'countAssociations'
>;

interface AssociationRow {
  id: string;
  doc: string;
  content_hash: string;
}

/** Associations: content-compared upserts with an outbox entry per real change. */
export function createAssociations(db: Database.Database, outbox: Outbox, nowIso: () => string): AssociationMethods {
  const row = db.prepare<[string], AssociationRow>('SELECT id, doc, content_hash FROM associations WHERE id = ?');
  const put = db.prepare<[string, string, string, string]>(
    `INSERT INTO associations (id, doc, content_hash, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, content_hash = excluded.content_hash,
       updated_at = excluded.updated_at`,
  );
  const page = db.prepare<[string, number], AssociationRow>(
    'SELECT id, doc, content_hash FROM associations WHERE id > ? ORDER BY id LIMIT ?',
  );
  const count = db.prepare<[], number>('SELECT count(*) FROM associations').pluck();

  const write = db.transaction((association: Association): UpsertResult => {
    const plan = planAssociationUpsert(row.get(association.id), association, nowIso);
    if (plan.save) {
      const { value, hash } = plan.save;
      put.run(association.id, JSON.stringify(value), hash, value.updatedAt);
    }
    if (plan.outbox) outbox.add('association', association.id, 'upsert');
    return { id: association.id, status: plan.status };
  });

  return {
    upsertAssociation: (association) => write.immediate(assertValid(AssociationSchema, association, 'association')),
    getAssociation: (id) => {
      const stored = row.get(id);
      return stored && (JSON.parse(stored.doc) as Association);
    },
    *iterateAssociations() {
      let after = '';
      for (;;) {
        const rows = page.all(after, PAGE_SIZE);
        for (const r of rows) yield JSON.parse(r.doc) as Association;
        const last = rows.at(-1);
        if (!last || rows.length < PAGE_SIZE) return;
        after = last.id;
      }
    },
    countAssociations: () => count.get() ?? 0,
  };
}
