import { assertValid, SuggestionPreviewSchema, type SuggestionStatus } from '@fieldguide/shared';
import type Database from 'better-sqlite3';
import { StoreNotFoundError } from './errors.js';
import { type SuggestionRow, suggestionFromRow } from './rows.js';
import type { Store } from './store.types.js';

type SuggestionMethods = Pick<Store, 'recordSuggestion' | 'getSuggestion' | 'listSuggestions' | 'decideSuggestion'>;

/** Suggested sources: one row per normalized URL, counted, waiting for an editor's decision. No outbox. */
export function createSuggestions(db: Database.Database, nowIso: () => string): SuggestionMethods {
  const byUrl = db.prepare<[string], SuggestionRow>('SELECT * FROM suggestions WHERE normalized_url = ?');
  const byId = db.prepare<[number], SuggestionRow>('SELECT * FROM suggestions WHERE id = ?');
  const insert = db.prepare<[string, string, string | null, string | null, string, string, string]>(
    `INSERT INTO suggestions (url, normalized_url, note, field, preview, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // Again: counted, the newer preview kept, a note or field filled in only where the first left it empty.
  const again = db.prepare<[string | null, string | null, string, string, number]>(
    `UPDATE suggestions SET count = count + 1, note = coalesce(note, ?), field = coalesce(field, ?), preview = ?,
       updated_at = ? WHERE id = ?`,
  );
  const decide = db.prepare<[SuggestionStatus, string | null, string | null, string, string, number]>(
    'UPDATE suggestions SET status = ?, reason = ?, source_id = ?, decided_at = ?, updated_at = ? WHERE id = ?',
  );
  const all = db.prepare<[number], SuggestionRow>(
    'SELECT * FROM suggestions ORDER BY updated_at DESC, id DESC LIMIT ?',
  );
  const withStatus = db.prepare<[SuggestionStatus, number], SuggestionRow>(
    'SELECT * FROM suggestions WHERE status = ? ORDER BY updated_at DESC, id DESC LIMIT ?',
  );

  const record = db.transaction((input: Parameters<Store['recordSuggestion']>[0]) => {
    const preview = JSON.stringify(assertValid(SuggestionPreviewSchema, input.preview, 'suggestion preview'));
    const now = nowIso();
    const stored = byUrl.get(input.normalizedUrl);
    if (stored) {
      again.run(input.note ?? null, input.field ?? null, preview, now, stored.id);
      return { suggestion: suggestionFromRow(byId.get(stored.id) as SuggestionRow), duplicate: true };
    }
    const id = Number(
      insert.run(input.url, input.normalizedUrl, input.note ?? null, input.field ?? null, preview, now, now)
        .lastInsertRowid,
    );
    return { suggestion: suggestionFromRow(byId.get(id) as SuggestionRow), duplicate: false };
  });

  return {
    recordSuggestion: (input) => record.immediate(input),
    getSuggestion: (id) => {
      const row = byId.get(id);
      return row && suggestionFromRow(row);
    },
    listSuggestions: (options = {}) => {
      const limit = options.limit ?? 100;
      return (options.status ? withStatus.all(options.status, limit) : all.all(limit)).map(suggestionFromRow);
    },
    decideSuggestion: (id, decision) => {
      const now = nowIso();
      const reason = decision.status === 'refused' ? decision.reason : null;
      const sourceId = decision.status === 'accepted' ? decision.sourceId : null;
      if (decide.run(decision.status, reason, sourceId, now, now, id).changes === 0) {
        throw new StoreNotFoundError('suggestion', id);
      }
      return suggestionFromRow(byId.get(id) as SuggestionRow);
    },
  };
}
