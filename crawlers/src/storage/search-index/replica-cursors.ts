import type { StorageConfig } from '../config.js';
import type { Store } from '../store/store.types.js';
import { IndexError } from './client.js';
import { EMBEDDED_REPLICA, normalizeMeiliUrl, replicaName } from './replica-name.js';

/** A replica's place in the outbox. */
export interface ReplicaCursor {
  replica: string;
  /** The last outbox entry it has applied. */
  seq: number;
  /** Entries written since: the last `seq` written minus its cursor. */
  lag: number;
  /** Whether this configuration lists it (`MEILI_URLS`, or the embedded Meilisearch without one). */
  configured: boolean;
}

/** The outbox cursor names of the replicas `config` lists. */
export function configuredReplicas(config: Readonly<Pick<StorageConfig, 'meili'>>): string[] {
  const { urls, indexPrefix } = config.meili;
  return urls.length > 0
    ? urls.map((url) => replicaName(url, indexPrefix))
    : [replicaName(EMBEDDED_REPLICA, indexPrefix)];
}

/** How far `replica` is behind the store: entries written after its cursor. */
export const replicaLag = (store: Store, replica: string): number =>
  Math.max(0, store.lastOutboxSeq() - store.outboxCursor(replica));

/** Every replica with a cursor, and every configured one, with its cursor and lag, in name order. */
export function listReplicaCursors(store: Store, configured: readonly string[]): ReplicaCursor[] {
  const names = new Set([...store.listOutboxCursors().map((cursor) => cursor.replica), ...configured]);
  return [...names].sort().map((replica) => ({
    replica,
    seq: store.outboxCursor(replica),
    lag: replicaLag(store, replica),
    configured: configured.includes(replica),
  }));
}

/**
 * Drops the cursor of a replica taken out of service, named by its URL (or cursor name), so the outbox no longer
 * keeps entries for it. Another server may still list it: this is for the operator to say.
 * @throws IndexError when no replica of that name has a cursor, or this configuration still lists it (its drainer
 *   would start it again from the oldest pending entry, skipping what it missed).
 */
export function forgetReplica(store: Store, config: Readonly<Pick<StorageConfig, 'meili'>>, name: string): string {
  const known = store.listOutboxCursors().map((cursor) => cursor.replica);
  const replica = known.includes(name) ? name : asReplicaName(name, config.meili.indexPrefix);
  if (!known.includes(replica)) {
    throw new IndexError(
      `no replica ${replica} has an outbox cursor (known: ${known.join(', ') || 'none'})`,
      undefined,
      'INDEX_REPLICA_UNKNOWN',
    );
  }
  if (configuredReplicas(config).includes(replica)) {
    throw new IndexError(
      `${replica} is still configured (MEILI_URLS): remove it there, and from every server, first`,
      undefined,
      'INDEX_REPLICA_CONFIGURED',
    );
  }
  store.forgetOutboxReplica(replica);
  return replica;
}

function asReplicaName(name: string, prefix: string): string {
  try {
    return replicaName(normalizeMeiliUrl(name), prefix);
  } catch {
    return name;
  }
}
