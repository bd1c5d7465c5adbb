import type { EventSearchResponse } from '@fieldguide/shared';
import type { WidgetEvent } from './render.js';

/** Thrown when the events could not be fetched; the widget logs `message` and `hint` and shows a short notice. */
export class EventsLoadError extends Error {
  override readonly name = 'EventsLoadError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const HINTS: Record<number, string> = {
  400: 'check the widget’s attributes (field, association, q, near, radius, type, format, hiring, limit); the message names the bad one.',
  429: 'too many requests from this visitor; the widget loads again on the next page view.',
  503: 'Fieldguide’s search is down for a moment; the widget loads again on the next page view.',
};

/**
 * Fetches upcoming events from `/api/search` on `origin`, without cookies or referrer.
 * @throws EventsLoadError when the server cannot be reached or answers an error.
 */
export async function fetchEvents(
  origin: string,
  params: readonly [string, string][],
  signal: AbortSignal,
): Promise<WidgetEvent[]> {
  const url = `${origin}/api/search?${new URLSearchParams(params as [string, string][])}`;
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'omit',
      mode: 'cors',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new EventsLoadError(
      `could not reach ${origin}.`,
      'check the script’s src, and that the page’s Content-Security-Policy allows connect-src to it.',
    );
  }
  const body = (await response.json().catch(() => undefined)) as
    | (Partial<EventSearchResponse> & { message?: unknown })
    | undefined;
  if (!response.ok) {
    const detail = typeof body?.message === 'string' ? `: ${body.message}` : '';
    throw new EventsLoadError(
      `the events could not be loaded (HTTP ${response.status}${detail}).`,
      HINTS[response.status] ?? 'try again later.',
    );
  }
  if (!Array.isArray(body?.hits))
    throw new EventsLoadError('the server sent an unexpected answer.', 'try again later.');
  // The API then searches everywhere; a career center's list must not silently show events from anywhere.
  const place = body.query?.place;
  if (place?.kind === 'not-found') {
    throw new EventsLoadError(
      `near names no place we know: ${JSON.stringify(place.input)}.`,
      place.hint ?? 'use "City, ST", "City, Country", a US ZIP code or "lat,lng"; the embed builder checks it.',
    );
  }
  return body.hits;
}
