import type { Association } from '@fieldguide/shared';
import { getDomain } from 'tldts';
import { FetchErrorCode } from '../core/errors.js';
import type { Fetcher } from '../core/fetcher.js';

/** What became of an association's homepage. */
export type HomepageState = 'ok' | 'moved' | 'dead' | 'offline';

/** One homepage checked by {@link checkHomepages}. */
export interface HomepageCheck {
  associationId: string;
  url: string;
  state: HomepageState;
  /** The HTTP status of the final answer, when there was one. */
  status?: number;
  /** Where it now lives, when moved. */
  finalUrl?: string;
  /** Why it is dead, moved or unreachable, in words. */
  detail?: string;
  /** True when the site gave no answer at all: its name did not resolve, or no connection could be made. */
  unanswered?: boolean;
}

/** Causes that say this machine could not reach the network, not that the site is gone. */
const OFFLINE_CAUSES = new Set(['EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

const PERMANENT_REDIRECTS = new Set([301, 308]);

/** The registrable domain of a URL (`www.acm.org` → `acm.org`), or its host when it has none (an IP, `localhost`). */
function siteOf(url: URL): string {
  return getDomain(url.hostname, { allowPrivateDomains: true }) ?? url.hostname;
}

const trimmedPath = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';

/** Moved: the final URL is on another registrable domain, or a permanent redirect led to another path. */
function movedReason(asked: URL, final: URL, statuses: readonly number[]): string | undefined {
  if (siteOf(asked) !== siteOf(final)) return `now on ${siteOf(final)}`;
  if (statuses.some((s) => PERMANENT_REDIRECTS.has(s)) && trimmedPath(asked) !== trimmedPath(final)) {
    return `permanent redirect to ${final.pathname}`;
  }
  return undefined;
}

const causeCode = (error: unknown): string | undefined => {
  const cause = (error as { cause?: unknown }).cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

const NO_ANSWER_CODES = new Set<string>([FetchErrorCode.DNS_NOT_FOUND, FetchErrorCode.NETWORK, FetchErrorCode.TIMEOUT]);

/** No answer from the site: no name, no connection, no response in time (its robots.txt's fetch included). */
function isUnanswered(code: string | undefined, message: string): boolean {
  if (code !== undefined && NO_ANSWER_CODES.has(code)) return true;
  return code === FetchErrorCode.BLOCKED_ROBOTS && /robots\.txt unreachable/.test(message);
}

function failureOf(error: unknown): Pick<HomepageCheck, 'state' | 'status' | 'detail' | 'unanswered'> {
  const e = error as { code?: string; status?: number; message?: string };
  const detail = e.message ?? String(error);
  const code = causeCode(error);
  if (e.code === FetchErrorCode.NETWORK && code !== undefined && OFFLINE_CAUSES.has(code)) {
    return { state: 'offline', detail: `${detail} (${code}: is this machine online?)`, unanswered: true };
  }
  return {
    state: 'dead',
    ...(e.status === undefined ? {} : { status: e.status }),
    detail,
    ...(isUnanswered(e.code, detail) ? { unanswered: true } : {}),
  };
}

/**
 * When no homepage answered at all, the fault is this machine's connection, not every site at once: those
 * checks are `offline`, not `dead`.
 */
function blameTheNetwork(checks: HomepageCheck[]): HomepageCheck[] {
  if (checks.length === 0 || !checks.every((c) => c.unanswered)) return checks;
  return checks.map((c) => ({
    ...c,
    state: 'offline',
    detail: `${c.detail ?? 'no answer'} (no homepage answered at all: is this machine online?)`,
  }));
}

/** Checks one homepage: dead (an error, 4xx or 5xx), moved, or ok. */
export async function checkHomepage(fetcher: Fetcher, association: Association): Promise<HomepageCheck> {
  const base = { associationId: association.id, url: association.url };
  try {
    const result = await fetcher.fetch(association.url, { sourceId: association.id, accept: 'text/html,*/*;q=0.8' });
    const final = new URL(result.url);
    const moved = movedReason(new URL(association.url), final, result.redirectStatuses);
    return moved
      ? { ...base, state: 'moved', status: result.status, finalUrl: result.url, detail: moved }
      : { ...base, state: 'ok', status: result.status };
  } catch (error) {
    return { ...base, ...failureOf(error) };
  }
}

/**
 * Fetches every association's homepage with the polite, guarded fetcher (robots.txt, per-host delay, no private
 * addresses unless the fetcher allows their origin) and says which are dead, moved or unreachable from here
 * (`offline`: the machine's network failed, or no homepage answered at all).
 */
export async function checkHomepages(fetcher: Fetcher, associations: readonly Association[]): Promise<HomepageCheck[]> {
  return blameTheNetwork(await Promise.all(associations.map((association) => checkHomepage(fetcher, association))));
}
