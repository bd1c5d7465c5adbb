import { createHash, randomBytes } from 'node:crypto';

/** A token for a confirmation or unsubscribe link: 32 random bytes, base64url. */
export const newAlertToken = (): string => randomBytes(32).toString('base64url');

/** What the store keeps of a confirmation token: its SHA-256, hex. */
export const hashAlertToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A token as links carry it; anything else is refused before the store is asked. */
export const ALERT_TOKEN_PATTERN = '^[A-Za-z0-9_-]{16,128}$';

/** How long a confirmation link works, in hours; an alert not confirmed by then is deleted, address and all. */
export const ALERT_CONFIRM_HOURS = 48;
