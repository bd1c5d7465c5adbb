import nodemailer from 'nodemailer';

/** One mail as the alerts send it: both parts, and headers such as List-Unsubscribe. */
export interface AlertMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Sends alert mails through the configured SMTP server. */
export interface Mailer {
  send(mail: AlertMail): Promise<void>;
  close(): void;
}

/** A mailer over `smtpUrl` (`smtp://` upgrades with STARTTLS when the server offers it, `smtps://` is TLS from the start). */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/**
 * What a log line may say of a failed send: SMTP's codes and the command that failed, never the message (a server's
 * answer may quote the address).
 */
export function mailFailure(error: unknown): Record<string, unknown> {
  const { code, responseCode, command } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
  };
  return { code, responseCode, command };
}
