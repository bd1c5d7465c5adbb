/** A problem found in a value checked against a schema: where it is and what is wrong. */
export interface ValidationIssue {
  /** JSON pointer of the offending value, `''` for the value itself. */
  path: string;
  message: string;
}

/** Base of every Fieldguide error: a stable machine-readable `code` beside the message. */
export class FieldguideError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FieldguideError';
    this.code = code;
  }
}

/** Thrown when a value does not match its schema; the caller rejects the value and keeps what it had. */
export class ValidationError extends FieldguideError {
  readonly issues: readonly ValidationIssue[];

  constructor(what: string, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const detail = first ? `: ${first.path || '(root)'} ${first.message}` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super('VALIDATION_FAILED', `invalid ${what}${detail}${more}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
