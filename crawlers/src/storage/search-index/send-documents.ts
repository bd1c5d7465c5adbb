import { type EnqueuedTask, IndexError, IndexUnavailableError } from './client.js';
import type { IndexedEntity, SearchIndex } from './search-index.js';

/** A document Meilisearch refused (bad id, bad `_geo`…): left out so the others still get indexed. */
export interface RejectedDocument {
  entity: IndexedEntity;
  id: string;
  reason: string;
}

const DOCUMENT_ERRORS = new Set(['missing_document_id', 'max_fields_limit_exceeded']);

/** Meilisearch fails a whole batch for one bad document; these codes say the documents, not the server, are at fault. */
function isDocumentRejection(error: unknown): error is IndexError {
  if (!(error instanceof IndexError) || error instanceof IndexUnavailableError) return false;
  const code = error.meiliCode ?? '';
  return code.startsWith('invalid_document') || DOCUMENT_ERRORS.has(code);
}

/**
 * Waits for `task` (which added or deleted `items`) to succeed. When it failed because of some of the
 * items, sends halves again until the bad ones are isolated, and returns those. `resend` may find nothing
 * left to send for some items (they changed meanwhile) and return `undefined`: those count as settled.
 * @throws IndexError / IndexUnavailableError for any other failure.
 */
export async function settleDocumentTask<T>(
  index: SearchIndex,
  entity: IndexedEntity,
  items: readonly T[],
  task: EnqueuedTask,
  resend: (items: readonly T[]) => Promise<EnqueuedTask | undefined>,
  idOf: (item: T) => string,
): Promise<RejectedDocument[]> {
  try {
    await index.waitTask(task);
    return [];
  } catch (error) {
    if (!isDocumentRejection(error)) throw error;
    if (items.length === 1) return [{ entity, id: idOf(items[0]!), reason: error.message }];
    const middle = Math.ceil(items.length / 2);
    const rejected: RejectedDocument[] = [];
    for (const half of [items.slice(0, middle), items.slice(middle)]) {
      const again = await resend(half);
      if (again) rejected.push(...(await settleDocumentTask(index, entity, half, again, resend, idOf)));
    }
    return rejected;
  }
}
