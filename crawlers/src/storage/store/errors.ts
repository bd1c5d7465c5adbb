import { FieldguideError } from '@fieldguide/shared';

/** Thrown when the store (file or database) was written by a newer Fieldguide; it is left untouched and not opened. */
export class StoreVersionError extends FieldguideError {
  /** Schema version found in the store. */
  readonly fileVersion: number;
  /** Newest schema version this code knows. */
  readonly supportedVersion: number;

  constructor(path: string, fileVersion: number, supportedVersion: number) {
    super(
      'STORE_VERSION_TOO_NEW',
      `store ${path} has schema version ${fileVersion}, newer than the ${supportedVersion} this Fieldguide ` +
        'understands; upgrade Fieldguide or open another store',
    );
    this.name = 'StoreVersionError';
    this.fileVersion = fileVersion;
    this.supportedVersion = supportedVersion;
  }
}

/** Thrown when an update names a row that does not exist; nothing is written. */
export class StoreNotFoundError extends FieldguideError {
  constructor(what: string, id: string | number) {
    super('STORE_NOT_FOUND', `${what} ${JSON.stringify(id)} not found`);
    this.name = 'StoreNotFoundError';
  }
}

/** Thrown before a crawl starts when it names a source the store does not have: nothing is crawled. */
export class UnknownSourceError extends FieldguideError {
  constructor(readonly sourceId: string) {
    super('CRAWL_UNKNOWN_SOURCE', `no source with id "${sourceId}"`);
    this.name = 'UnknownSourceError';
  }
}

/** Thrown at opening when a store this process cannot write needs what only a write gives (creating, migrating). */
export class StoreReadOnlyError extends FieldguideError {
  constructor(path: string, why: string) {
    super('STORE_READ_ONLY', `store file ${path} ${why}, but this process cannot write it or its directory`);
    this.name = 'StoreReadOnlyError';
  }
}

/**
 * Thrown when the PostgreSQL store cannot be reached, or does not answer within its deadline: nothing of the call
 * was saved, and the next call tries to connect again.
 */
export class StoreUnavailableError extends FieldguideError {
  constructor(where: string, why: string, options?: ErrorOptions) {
    super('STORE_UNAVAILABLE', `the store at ${where} cannot be reached: ${why}`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Thrown when PostgreSQL refuses a statement of the store; the transaction it belonged to is rolled back. */
export class StoreQueryError extends FieldguideError {
  /** The SQLSTATE PostgreSQL answered, e.g. `40P01` for a deadlock. */
  readonly sqlState: string;

  constructor(where: string, message: string, sqlState: string) {
    super('STORE_QUERY_FAILED', `the store at ${where} refused a statement: ${message} (SQLSTATE ${sqlState})`);
    this.name = 'StoreQueryError';
    this.sqlState = sqlState;
  }
}
