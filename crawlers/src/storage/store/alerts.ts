import { alertPeriodMs } from '@fieldguide/shared';
import type Database from 'better-sqlite3';
import { ALERT_COLUMNS, type AlertRow, alertSummary, confirmationStep, dueAlertFromRow } from './rows.js';
import type { AlertSignup, Store } from './store.types.js';

export type AlertMethods = Pick<
  Store,
  | 'saveAlertSignup'
  | 'confirmAlert'
  | 'findAlertByUnsubscribeToken'
  | 'findAlertByConfirmHash'
  | 'unsubscribeAlert'
  | 'purgeExpiredAlerts'
  | 'claimDueAlerts'
  | 'recordAlertDigest'
  | 'releaseAlert'
  | 'countAlerts'
>;

/** Email alerts of the SQLite store: pending until confirmed, claimed by one sender per digest. No outbox. */
export function createAlerts(db: Database.Database, nowIso: () => string): AlertMethods {
  const byKey = db.prepare<[string, string], AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts WHERE email = ? AND search = ?`,
  );
  const byConfirmHash = db.prepare<[string], AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE confirm_hash = ?`);
  const byUnsubscribe = db.prepare<[string], AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts WHERE unsubscribe_token = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO alerts (email, search, frequency, origin, confirm_hash, confirm_expires_ms, unsubscribe_token, created_at)
     VALUES (@email, @search, @frequency, @origin, @confirmHash, @confirmExpiresMs, @unsubscribeToken, @createdAt)`,
  );
  const renew = db.prepare<[string, number, string, string, number]>(
    'UPDATE alerts SET confirm_hash = ?, confirm_expires_ms = ?, frequency = ?, origin = ? WHERE id = ? AND confirmed = 0',
  );
  const confirm = db.prepare<[string, number, number, number]>(
    'UPDATE alerts SET confirmed = 1, confirmed_at = ?, sent_through_ms = ?, next_due_ms = ? WHERE id = ?',
  );
  const remove = db.prepare<[number]>('DELETE FROM alerts WHERE id = ?');
  const removeByToken = db.prepare<[string]>('DELETE FROM alerts WHERE unsubscribe_token = ?');
  const purge = db.prepare<[number]>('DELETE FROM alerts WHERE confirmed = 0 AND confirm_expires_ms < ?');
  const claim = db.prepare<[string, number, number, number, number], AlertRow>(
    `UPDATE alerts SET holder = ?, claimed_until_ms = ?
     WHERE id IN (SELECT id FROM alerts WHERE confirmed = 1 AND next_due_ms <= ?
                    AND (holder IS NULL OR claimed_until_ms < ?) ORDER BY next_due_ms, id LIMIT ?)
     RETURNING ${ALERT_COLUMNS}`,
  );
  const record = db.prepare<[number, number, number, string]>(
    `UPDATE alerts SET sent_through_ms = ?, next_due_ms = ?, holder = NULL, claimed_until_ms = NULL
     WHERE id = ? AND holder = ?`,
  );
  const release = db.prepare<[number, string]>(
    'UPDATE alerts SET holder = NULL, claimed_until_ms = NULL WHERE id = ? AND holder = ?',
  );
  const counts = db.prepare<[], { pending: number | null; confirmed: number | null }>(
    'SELECT sum(confirmed = 0) AS pending, sum(confirmed = 1) AS confirmed FROM alerts',
  );

  const save = db.transaction((signup: AlertSignup): ReturnType<Store['saveAlertSignup']> => {
    const stored = byKey.get(signup.email, signup.search);
    if (stored) {
      renew.run(signup.confirmHash, signup.confirmExpiresMs, signup.frequency, signup.origin, stored.id);
      return { id: stored.id, confirmed: Boolean(stored.confirmed), unsubscribeToken: stored.unsubscribe_token };
    }
    const id = Number(insert.run({ ...signup, createdAt: nowIso() }).lastInsertRowid);
    return { id, confirmed: false, unsubscribeToken: signup.unsubscribeToken };
  });

  const confirmByHash = db.transaction((confirmHash: string, nowMs: number) => {
    const row = byConfirmHash.get(confirmHash);
    const step = confirmationStep(row, nowMs);
    if (row && step.action === 'confirm') {
      confirm.run(new Date(nowMs).toISOString(), nowMs, nowMs + alertPeriodMs(row.frequency), row.id);
    }
    if (row && step.action === 'delete') remove.run(row.id);
    return step.confirmation;
  });

  return {
    saveAlertSignup: (signup) => save.immediate(signup),
    confirmAlert: (confirmHash, nowMs) => confirmByHash.immediate(confirmHash, nowMs),
    findAlertByUnsubscribeToken: (token) => {
      const row = byUnsubscribe.get(token);
      return row && alertSummary(row);
    },
    findAlertByConfirmHash: (confirmHash) => {
      const row = byConfirmHash.get(confirmHash);
      return row && alertSummary(row);
    },
    unsubscribeAlert: (token) => removeByToken.run(token).changes > 0,
    purgeExpiredAlerts: (nowMs) => purge.run(nowMs).changes,
    claimDueAlerts: (holder, nowMs, leaseMs, limit) =>
      claim.all(holder, nowMs + leaseMs, nowMs, nowMs, limit).map(dueAlertFromRow),
    recordAlertDigest: (id, holder, sentThroughMs, nextDueMs) =>
      record.run(sentThroughMs, nextDueMs, id, holder).changes > 0,
    releaseAlert: (id, holder) => {
      release.run(id, holder);
    },
    countAlerts: () => {
      const row = counts.get();
      return { pending: row?.pending ?? 0, confirmed: row?.confirmed ?? 0 };
    },
  };
}
