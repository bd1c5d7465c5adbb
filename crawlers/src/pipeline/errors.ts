import { FieldguideError } from '@fieldguide/shared';

/** Thrown before a crawl starts when it names a source the store does not have: nothing is crawled. */
export class UnknownSourceError extends FieldguideError {
  constructor(readonly sourceId: string) {
    super('CRAWL_UNKNOWN_SOURCE', `no source with id "${sourceId}"`);
    this.name = 'UnknownSourceError';
  }
}
