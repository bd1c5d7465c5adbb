/** One parameterized statement (`$1`, `$2`…); without `values`, a text of several statements may be sent. */
export interface Statement {
  text: string;
  values?: readonly unknown[];
}

/** What a statement answered: its rows (the last statement's, for a text of several) and how many rows it touched. */
export interface StatementResult<Row = Record<string, unknown>> {
  rows: Row[];
  rowCount: number;
}

/** How the bridge's worker connects. */
export interface BridgeSettings {
  url: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
}

/** What the calling thread asks the worker. */
export interface BridgeRequest {
  statements: readonly Statement[];
  /** Run them between BEGIN and COMMIT (ROLLBACK when one fails). */
  transaction?: boolean;
  /** A transaction is open on the caller's side: fail rather than run on a new connection. */
  continues: boolean;
  /** End the connection. */
  close?: boolean;
}

export type BridgeReply =
  | { ok: true; results: StatementResult[] }
  | { ok: false; error: { message: string; sqlState?: string; unavailable?: boolean } };
