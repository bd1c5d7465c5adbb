import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.js';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub.js';
import { EmailAlertForm } from './email-alert-form.js';

const config = (email: boolean) => ({ map: { tiles: null }, alerts: { email } });

function renderForm() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <p>feeds</p>
      <EmailAlertForm search="field=health-science&near=Chicago" />
    </QueryClientProvider>,
  );
}

describe('EmailAlertForm', () => {
  it('sends the address, the search and the frequency, then says to check the inbox', async () => {
    let sent: unknown;
    stubFetch({
      'GET /api/config': () => config(true),
      'POST /api/alerts': (_url, init) => {
        sent = JSON.parse(String(init?.body));
        return jsonResponse({ status: 'pending', message: 'Check your inbox: a mail is on its way.' }, 202);
      },
    });
    const user = userEvent.setup();
    renderForm();
    const region = await screen.findByRole('region', { name: 'Email me new events for this search' });
    expect((screen.getByRole('radio', { name: 'Weekly' }) as HTMLInputElement).checked).toBe(true);
    await user.type(screen.getByLabelText('Email address'), ' nurse@example.edu ');
    await user.click(screen.getByRole('radio', { name: 'Daily' }));
    await user.click(screen.getByRole('button', { name: 'Email me' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Check your inbox/);
    expect(sent).toEqual({
      email: 'nurse@example.edu',
      search: 'field=health-science&near=Chicago',
      frequency: 'daily',
    });
    expect(region.contains(screen.getByRole('status'))).toBe(true);
  });

  it('shows the reason the server gives, and keeps the form', async () => {
    stubFetch({
      'GET /api/config': () => config(true),
      'POST /api/alerts': () =>
        jsonResponse(
          {
            statusCode: 503,
            code: 'ERR_MAIL_UNAVAILABLE',
            message: 'the confirmation mail could not be sent right now; try again in a few minutes',
          },
          503,
        ),
    });
    const user = userEvent.setup();
    renderForm();
    await user.type(await screen.findByLabelText('Email address'), 'nurse@example.edu');
    await user.click(screen.getByRole('button', { name: 'Email me' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/the confirmation mail could not be sent right now/);
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe('nurse@example.edu');
  });

  it('is not offered when the server sends no mail', async () => {
    const fetch = stubFetch({ 'GET /api/config': () => config(false) });
    renderForm();
    await screen.findByText('feeds');
    await expect.poll(() => fetch.mock.calls.length).toBe(1);
    expect(screen.queryByRole('region', { name: 'Email me new events for this search' })).toBeNull();
    expect(screen.queryByLabelText('Email address')).toBeNull();
  });
});
