import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type AlertScheduler, createAlertScheduler } from './alert-scheduler.js';
import { createMailer, type Mailer } from './mailer.js';

/** Email alerts as the server runs them: the mailer and the digest scheduler. */
export interface AlertsService {
  mailer: Mailer;
  scheduler: AlertScheduler;
  /** The clock sign-ups, confirmations and digests go by. */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Email alerts, or `null` when the server was started without `SMTP_URL`. */
    alerts: AlertsService | null;
  }
}

export interface AlertsPluginOptions {
  /** The clock alerts go by (default: the system clock); tests move it to make digests due. */
  now?: () => Date;
}

/** How often a server without `SMTP_URL` deletes the sign-ups whose confirmation expired. */
const PURGE_INTERVAL_MS = 3_600_000;

/**
 * With `SMTP_URL`: a mailer, and a digest scheduler that looks for due digests every `ALERTS_CHECK_INTERVAL_MS`
 * (each round also deletes the sign-ups whose confirmation expired).
 * Without it, `app.alerts` is `null`, sign-ups answer 503 `ERR_ALERTS_OFF`, and the server still deletes expired
 * sign-ups, at start and hourly: an address is kept only for an alert that can still be confirmed or is on.
 */
async function alerts(app: FastifyInstance, options: AlertsPluginOptions) {
  const settings = app.config.alerts;
  const now = options.now ?? (() => new Date());
  if (!settings) {
    app.decorate('alerts', null);
    const purge = () => {
      try {
        app.store.purgeExpiredAlerts(now().getTime());
      } catch (error) {
        app.log.warn({ err: error }, 'could not delete expired alert sign-ups; will retry');
      }
    };
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      purge();
      timer = setInterval(purge, PURGE_INTERVAL_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
    return;
  }
  const mailer = createMailer(settings.smtpUrl, settings.from);
  const scheduler = createAlertScheduler({
    store: app.store,
    searchIndex: app.searchIndex,
    mailer,
    log: app.log,
    now,
  });
  app.decorate('alerts', { mailer, scheduler, now });
  app.addHook('onReady', async () => scheduler.start(settings.checkIntervalMs));
  app.addHook('onClose', async () => {
    await scheduler.stop();
    mailer.close();
  });
}

export const alertsPlugin = fp(alerts, { name: 'alerts', fastify: '5.x', dependencies: ['services'] });
