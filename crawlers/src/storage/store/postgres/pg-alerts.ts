import { alertPeriodMs } from '@fieldguide/shared';
import type { AlertMethods } from '../alerts.js';
import { ALERT_COLUMNS, type AlertRow, alertSummary, confirmationStep, dueAlertFromRow } from '../rows.js';
import type { Session } from './session.js';

const changed = (session: Session, text: string, values: readonly unknown[]): number =>
  session.run([{ text, values }])[0]?.rowCount ?? 0;

/**
 * Email alerts of the PostgreSQL store. Servers sharing the database claim due alerts with `FOR UPDATE SKIP
 * LOCKED` and a lease, so each digest has one sender.
 */
export function createPgAlerts(session: Session, nowIso: () => string): AlertMethods {
  const summaryWhere = (column: 'unsubscribe_token' | 'confirm_hash', value: string) => {
    const [row] = session.rows<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE ${column} = $1`, [value]);
    return row && alertSummary(row);
  };
  return {
    saveAlertSignup: (signup) => {
      // Signed up again while pending: the new token, expiry, frequency and origin; confirmed: left as it is.
      const [row] = session.rows<{ id: number; confirmed: boolean; unsubscribe_token: string }>(
        `INSERT INTO alerts (email, search, frequency, origin, confirm_hash, confirm_expires_ms, unsubscribe_token,
           created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (email, search) DO UPDATE SET
           confirm_hash = CASE WHEN alerts.confirmed THEN alerts.confirm_hash ELSE excluded.confirm_hash END,
           confirm_expires_ms =
             CASE WHEN alerts.confirmed THEN alerts.confirm_expires_ms ELSE excluded.confirm_expires_ms END,
           frequency = CASE WHEN alerts.confirmed THEN alerts.frequency ELSE excluded.frequency END,
           origin = CASE WHEN alerts.confirmed THEN alerts.origin ELSE excluded.origin END
         RETURNING id, confirmed, unsubscribe_token`,
        [
          signup.email,
          signup.search,
          signup.frequency,
          signup.origin,
          signup.confirmHash,
          signup.confirmExpiresMs,
          signup.unsubscribeToken,
          nowIso(),
        ],
      );
      const saved = row as { id: number; confirmed: boolean; unsubscribe_token: string };
      return { id: saved.id, confirmed: saved.confirmed, unsubscribeToken: saved.unsubscribe_token };
    },
    confirmAlert: (confirmHash, nowMs) =>
      session.write(() => {
        const [row] = session.rows<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE confirm_hash = $1 FOR UPDATE`, [
          confirmHash,
        ]);
        const step = confirmationStep(row, nowMs);
        if (row && step.action === 'confirm') {
          session.queue({
            text: `UPDATE alerts SET confirmed = true, confirmed_at = $1, sent_through_ms = $2, next_due_ms = $3
                   WHERE id = $4`,
            values: [new Date(nowMs).toISOString(), nowMs, nowMs + alertPeriodMs(row.frequency), row.id],
          });
        }
        if (row && step.action === 'delete')
          session.queue({ text: 'DELETE FROM alerts WHERE id = $1', values: [row.id] });
        return step.confirmation;
      }),
    findAlertByUnsubscribeToken: (token) => summaryWhere('unsubscribe_token', token),
    findAlertByConfirmHash: (confirmHash) => summaryWhere('confirm_hash', confirmHash),
    unsubscribeAlert: (token) => changed(session, 'DELETE FROM alerts WHERE unsubscribe_token = $1', [token]) > 0,
    purgeExpiredAlerts: (nowMs) =>
      changed(session, 'DELETE FROM alerts WHERE NOT confirmed AND confirm_expires_ms < $1', [nowMs]),
    claimDueAlerts: (holder, nowMs, leaseMs, limit) =>
      session
        .rows<AlertRow>(
          `UPDATE alerts SET holder = $1, claimed_until_ms = $2
           WHERE id IN (SELECT id FROM alerts WHERE confirmed AND next_due_ms <= $3
                          AND (holder IS NULL OR claimed_until_ms < $3)
                        ORDER BY next_due_ms, id LIMIT $4 FOR UPDATE SKIP LOCKED)
           RETURNING ${ALERT_COLUMNS}`,
          [holder, nowMs + leaseMs, nowMs, limit],
        )
        .map(dueAlertFromRow),
    recordAlertDigest: (id, holder, sentThroughMs, nextDueMs) =>
      changed(
        session,
        `UPDATE alerts SET sent_through_ms = $1, next_due_ms = $2, holder = NULL, claimed_until_ms = NULL
         WHERE id = $3 AND holder = $4`,
        [sentThroughMs, nextDueMs, id, holder],
      ) > 0,
    releaseAlert: (id, holder) => {
      changed(session, 'UPDATE alerts SET holder = NULL, claimed_until_ms = NULL WHERE id = $1 AND holder = $2', [
        id,
        holder,
      ]);
    },
    countAlerts: () => {
      const [row] = session.rows<{ pending: number; confirmed: number }>(
        `SELECT count(*) FILTER (WHERE NOT confirmed)::int AS pending, count(*) FILTER (WHERE confirmed)::int AS confirmed
         FROM alerts`,
      );
      return { pending: row?.pending ?? 0, confirmed: row?.confirmed ?? 0 };
    },
  };
}
