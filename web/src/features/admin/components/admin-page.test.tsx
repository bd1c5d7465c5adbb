import type { Source, Suggestion } from '@fieldguide/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub.js';
import { renderApp } from '../../../testing/render-app.js';
import { ADMIN_TOKEN_KEY } from '../hooks/use-admin-token.js';

const TOKEN = 'a-very-secret-admin-token';

const source: Source = {
  id: 'nursing',
  url: 'https://nurses.example.org/events',
  kind: 'listing',
  name: 'Great Lakes Nurses',
  fields: ['health-science'],
  pathways: [],
  recrawlMinutes: 1440,
  enabled: true,
  allowPrivateNetwork: false,
  health: { lastStatus: 'partial', lastError: 'page 3 timed out', eventsFound: 12, errorCount: 1 },
};

const suggestion: Suggestion = {
  id: 4,
  url: 'https://cpa.example.org/',
  normalizedUrl: 'cpa.example.org',
  note: 'Their spring conference draws every firm.',
  field: 'finance',
  count: 3,
  status: 'pending',
  reason: null,
  sourceId: null,
  preview: {
    url: 'https://cpa.example.org/',
    kind: 'feed',
    sources: [{ url: 'https://cpa.example.org/events/feed', kind: 'feed', reason: 'feed announced' }],
    association: null,
    eventCount: 0,
    events: [],
    nothingFound: 'the calendars, feeds and pages it links to hold no events',
    warnings: [],
  },
  createdAt: '2026-03-01T12:00:00Z',
  updatedAt: '2026-03-02T12:00:00Z',
  decidedAt: null,
};

function stubAdmin() {
  const decisions: string[] = [];
  const unauthorized = () =>
    jsonResponse({ statusCode: 401, code: 'ERR_UNAUTHORIZED', message: 'a valid bearer token is required' }, 401);
  const authorized = (init: RequestInit | undefined) =>
    (init?.headers as Record<string, string> | undefined)?.authorization === `Bearer ${TOKEN}`;
  const mock = stubFetch({
    'GET /api/admin/sources': (_url, init) => (authorized(init) ? { sources: [source] } : unauthorized()),
    'POST /api/admin/sources': (_url, init) =>
      authorized(init)
        ? { source: { ...source, id: 'new-site', name: 'New Site', kind: 'ics' }, discovered: { kind: 'ics' } }
        : unauthorized(),
    'GET /api/admin/suggestions': (url, init) =>
      authorized(init) && url.searchParams.get('status') === 'pending'
        ? { suggestions: decisions.length === 0 ? [suggestion] : [] }
        : unauthorized(),
    'POST /api/admin/suggestions/4/refuse': (_url, init) => {
      if (!authorized(init)) return unauthorized();
      decisions.push(`refuse: ${JSON.parse(String(init?.body)).reason}`);
      return { suggestion: { ...suggestion, status: 'refused' } };
    },
    'GET /api/admin/crawls': (_url, init) =>
      authorized(init)
        ? {
            runs: [
              {
                id: 7,
                startedAt: '2026-03-01T12:00:00Z',
                status: 'finished',
                results: { nursing: { status: 'partial', events: 12, errors: ['page 3 timed out'] } },
              },
            ],
          }
        : unauthorized(),
  });
  return { mock, decisions };
}

describe('admin page', () => {
  it('shows 401 without a token', async () => {
    stubAdmin();
    renderApp('/admin');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('401 Unauthorized');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists sources with their health and crawl runs once a token is typed, and keeps it for the session', async () => {
    stubAdmin();
    const user = userEvent.setup();
    renderApp('/admin');
    await screen.findByRole('alert');
    await user.type(screen.getByLabelText('Admin token'), TOKEN);
    await user.click(screen.getByRole('button', { name: 'Use token' }));
    const row = (await screen.findByRole('rowheader', { name: /Great Lakes Nurses/ })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Partial');
    expect(row.textContent).toContain('page 3 timed out');
    expect(await screen.findByText(/Run 7/)).toBeTruthy();
    expect(sessionStorage.getItem(ADMIN_TOKEN_KEY)).toBe(TOKEN);

    await user.type(screen.getByLabelText('Page, calendar or feed URL'), 'https://new.example.org/cal.ics');
    await user.click(screen.getByRole('button', { name: 'Add source' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Added New Site (ics)'));
  });

  it('lists the pending suggestions with their preview, and refuses one with a reason', async () => {
    const { decisions } = stubAdmin();
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    renderApp('/admin');
    const heading = await screen.findByRole('heading', { name: 'Suggested sources (1)' });
    const queue = heading.closest('section') as HTMLElement;
    expect(queue.textContent).toContain('https://cpa.example.org/');
    expect(queue.textContent).toContain('Suggested 3 times');
    expect(queue.textContent).toContain('Their spring conference draws every firm.');
    expect(queue.textContent).toContain('hold no events');
    await user.type(screen.getByLabelText('Why refuse it'), 'a firm, not an association');
    await user.click(screen.getByRole('button', { name: 'Refuse' }));
    await screen.findByRole('heading', { name: 'Suggested sources (0)' });
    expect(decisions).toEqual(['refuse: a firm, not an association']);
    expect(screen.getByText('No suggestion is waiting.')).toBeTruthy();
  });
});
