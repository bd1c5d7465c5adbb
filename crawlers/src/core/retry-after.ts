/**
 * Parses a `Retry-After` header value (RFC 9110 §10.2.3) into milliseconds from `nowMs` (wall clock, ms since
 * the epoch): either delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`). A date in the past
 * gives 0; an unreadable value gives `undefined`. Capping is the caller's job.
 */
export function parseRetryAfter(
  value: string | readonly string[] | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  const raw = (typeof value === 'string' ? value : value?.[0])?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  if (!/[a-z]/i.test(raw)) return undefined;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
