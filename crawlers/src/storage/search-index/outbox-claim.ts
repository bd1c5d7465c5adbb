import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../store/store.types.js';
import { IndexError } from './client.js';
import type { SearchIndex } from './search-index.js';

/** Who drains in this process, unless told otherwise: host, pid and a random part (a pid can be reused). */
export const PROCESS_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** How long a claim on a replica lasts unless renewed; each drained round renews it. */
export const DEFAULT_CLAIM_TTL_MS = 30_000;

/** Who claims a replica, and for how long. */
export interface ClaimOptions {
  /** The name this drainer claims replicas under; default {@link PROCESS_HOLDER}. */
  holder?: string;
  /** How long a claim lasts unless renewed, in milliseconds; default {@link DEFAULT_CLAIM_TTL_MS}. */
  claimTtlMs?: number;
}

/** Thrown when another drainer holds a replica (or took it over): nothing more is sent to it from here for now. */
export class ReplicaClaimedError extends IndexError {
  constructor(replica: string) {
    super(
      `another process is sending the outbox to ${replica}; trying again later`,
      undefined,
      'INDEX_REPLICA_CLAIMED',
    );
    this.name = 'ReplicaClaimedError';
  }
}

/** Takes or renews the claim on `replica`; false when another holder's claim lasts. */
export function claimReplica(store: Store, replica: SearchIndex, options: ClaimOptions = {}): boolean {
  return store.claimOutboxReplica(
    replica.replica,
    options.holder ?? PROCESS_HOLDER,
    options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS,
  );
}

/** Renews the claim on `replica`, or throws when another holder has it. */
export function renewClaim(store: Store, replica: SearchIndex, options: ClaimOptions = {}): void {
  if (!claimReplica(store, replica, options)) throw new ReplicaClaimedError(replica.replica);
}

/** Gives up this holder's claims on `replicas`. */
export function releaseClaims(store: Store, replicas: readonly SearchIndex[], holder: string = PROCESS_HOLDER): void {
  for (const replica of replicas) store.releaseOutboxReplica(replica.replica, holder);
}
