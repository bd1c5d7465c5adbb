import type { Source } from '@fieldguide/shared';
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

function stubAdmin() {
  const unauthorized = () =>
    jsonResponse({ statusCode: 401, code: 'ERR_UNAUTHORIZED', message: 'a valid bearer token is required' }, 401);
  const authorized = (init: RequestInit | undefined) =>
    (init?.headers as Record<string, string> | undefined)?.authorization === `Bearer ${TOKEN}`;
  return stubFetch({
    'GET /api/admin/sources': (_url, init) => (authorized(init) ? { sources: [source] } : unauthorized()),
    'POST /api/admin/sources': (_url, init) =>
      authorized(init)
        ? { source: { ...source, id: 'new-site', name: 'New Site', kind: 'ics' }, discovered: { kind: 'ics' } }
        : unauthorized(),
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
});
