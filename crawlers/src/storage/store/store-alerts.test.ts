import { alertPeriodMs } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { storeEngines, storeTestContext } from './fixtures/store-engines.js';
import type { AlertSignup } from './store.types.js';

const T0 = Date.parse('2026-11-01T12:00:00.000Z');
const HOUR = 3_600_000;

const signup = (patch: Partial<AlertSignup> = {}): AlertSignup => ({
  email: 'student@example.edu',
  search: 'field=health-science&near=Chicago',
  frequency: 'weekly',
  origin: 'https://fieldguide.example.org',
  confirmHash: 'c'.repeat(64),
  confirmExpiresMs: T0 + 48 * HOUR,
  unsubscribeToken: 'u1',
  ...patch,
});

describe.each(storeEngines())('$name store', (engine) => {
  const t = storeTestContext(engine);

  describe('email alerts', () => {
    it('keeps one pending alert per address and search, renewing its confirmation when signed up again', () => {
      const first = t.store.saveAlertSignup(signup());
      expect(first).toEqual({ id: expect.any(Number), confirmed: false, unsubscribeToken: 'u1' });
      const again = t.store.saveAlertSignup(
        signup({ confirmHash: 'd'.repeat(64), frequency: 'daily', unsubscribeToken: 'u2' }),
      );
      expect(again).toEqual({ id: first.id, confirmed: false, unsubscribeToken: 'u1' });
      expect(t.store.countAlerts()).toEqual({ pending: 1, confirmed: 0 });
      expect(t.store.confirmAlert('c'.repeat(64), T0)).toEqual({ outcome: 'unknown' });
      expect(t.store.findAlertByConfirmHash('c'.repeat(64))).toBeUndefined();
      expect(t.store.findAlertByConfirmHash('d'.repeat(64))).toEqual({
        search: 'field=health-science&near=Chicago',
        frequency: 'daily',
      });
      expect(t.store.confirmAlert('d'.repeat(64), T0)).toEqual({
        outcome: 'confirmed',
        alert: { search: 'field=health-science&near=Chicago', frequency: 'daily' },
      });
      expect(t.store.confirmAlert('d'.repeat(64), T0 + 1)).toMatchObject({ outcome: 'already-confirmed' });
      // Signing up a confirmed alert again changes nothing.
      expect(t.store.saveAlertSignup(signup({ confirmHash: 'e'.repeat(64), frequency: 'weekly' }))).toEqual({
        id: first.id,
        confirmed: true,
        unsubscribeToken: 'u1',
      });
      expect(t.store.findAlertByUnsubscribeToken('u1')).toEqual({
        search: 'field=health-science&near=Chicago',
        frequency: 'daily',
      });
      expect(t.store.countAlerts()).toEqual({ pending: 0, confirmed: 1 });
    });

    it('deletes an alert confirmed too late, and purges expired pending alerts only', () => {
      t.store.saveAlertSignup(signup());
      t.store.saveAlertSignup(
        signup({ email: 'other@example.edu', confirmHash: 'f'.repeat(64), unsubscribeToken: 'u3' }),
      );
      t.store.saveAlertSignup(
        signup({ email: 'late@example.edu', confirmHash: 'a'.repeat(64), unsubscribeToken: 'u4' }),
      );
      t.store.confirmAlert('f'.repeat(64), T0);
      expect(t.store.confirmAlert('a'.repeat(64), T0 + 49 * HOUR)).toEqual({ outcome: 'expired' });
      expect(t.store.findAlertByUnsubscribeToken('u4')).toBeUndefined();
      expect(t.store.purgeExpiredAlerts(T0 + 47 * HOUR)).toBe(0);
      expect(t.store.purgeExpiredAlerts(T0 + 49 * HOUR)).toBe(1);
      expect(t.store.countAlerts()).toEqual({ pending: 0, confirmed: 1 });
    });

    it('unsubscribing deletes the alert, address and all', () => {
      t.store.saveAlertSignup(signup());
      expect(t.store.unsubscribeAlert('u1')).toBe(true);
      expect(t.store.unsubscribeAlert('u1')).toBe(false);
      expect(t.store.findAlertByUnsubscribeToken('u1')).toBeUndefined();
      expect(t.store.countAlerts()).toEqual({ pending: 0, confirmed: 0 });
    });

    it('gives a due digest to one holder until it is recorded or its lease runs out', () => {
      const { id } = t.store.saveAlertSignup(signup());
      t.store.confirmAlert('c'.repeat(64), T0);
      const due = T0 + alertPeriodMs('weekly');
      expect(t.store.claimDueAlerts('a', due - 1, 60_000, 10)).toEqual([]);
      const claimed = t.store.claimDueAlerts('a', due, 60_000, 10);
      expect(claimed).toEqual([
        {
          id,
          email: 'student@example.edu',
          search: 'field=health-science&near=Chicago',
          frequency: 'weekly',
          origin: 'https://fieldguide.example.org',
          unsubscribeToken: 'u1',
          sentThroughMs: T0,
        },
      ]);
      expect(t.store.claimDueAlerts('b', due + 1000, 60_000, 10)).toEqual([]);
      // A holder that died: its lease runs out and another takes the digest; the first can no longer record it.
      expect(t.store.claimDueAlerts('b', due + 61_000, 60_000, 10)).toHaveLength(1);
      expect(t.store.recordAlertDigest(id, 'a', due, due + alertPeriodMs('weekly'))).toBe(false);
      expect(t.store.recordAlertDigest(id, 'b', due + 61_000, due + 61_000 + alertPeriodMs('weekly'))).toBe(true);
      expect(t.store.claimDueAlerts('b', due + 62_000, 60_000, 10)).toEqual([]);
      const next = t.store.claimDueAlerts('c', due + 61_000 + alertPeriodMs('weekly'), 60_000, 10);
      expect(next.map((a) => a.sentThroughMs)).toEqual([due + 61_000]);
      t.store.releaseAlert(id, 'c');
      expect(t.store.claimDueAlerts('d', due + 61_000 + alertPeriodMs('weekly'), 60_000, 10)).toHaveLength(1);
    });

    it('sends nothing for pending alerts', () => {
      t.store.saveAlertSignup(signup());
      expect(t.store.claimDueAlerts('a', T0 + 365 * 24 * HOUR, 60_000, 10)).toEqual([]);
    });
  });
});
