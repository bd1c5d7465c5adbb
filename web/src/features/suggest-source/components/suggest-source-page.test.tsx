import type { SuggestSourceResponse } from '@fieldguide/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub.js';
import { fieldsResponse } from '../../../testing/fixtures.js';
import { renderApp } from '../../../testing/render-app.js';

const answer: SuggestSourceResponse = {
  id: 3,
  status: 'pending',
  count: 2,
  duplicate: true,
  preview: {
    url: 'https://nurses.example.org/',
    kind: 'ics',
    sources: [{ url: 'https://nurses.example.org/calendar.ics', kind: 'ics', reason: 'iCalendar link' }],
    association: { name: 'Great Lakes Nurses', url: 'https://nurses.example.org/', fields: ['health-science'] },
    eventCount: 7,
    events: [
      {
        title: 'Chicago Nursing Job Fair',
        url: 'https://nurses.example.org/events/job-fair',
        start: '2026-03-10T15:00:00Z',
        end: '2026-03-10T19:00:00Z',
        timeZone: 'America/Chicago',
        allDay: false,
        format: 'in-person',
        place: 'Chicago, IL',
      },
    ],
    nothingFound: null,
    warnings: [],
  },
};

describe('suggest a source page', () => {
  it('sends the URL, field and note, then shows what the source would gather', async () => {
    let sent: unknown;
    stubFetch({
      'GET /api/fields': () => fieldsResponse,
      'POST /api/suggestions': (_url, init) => {
        sent = JSON.parse(String(init?.body));
        return jsonResponse(answer, 200);
      },
    });
    const user = userEvent.setup();
    renderApp('/suggest-source');
    await user.type(await screen.findByLabelText('Address (URL)'), 'https://nurses.example.org/');
    await screen.findByRole('option', { name: 'Health Science' });
    await user.selectOptions(screen.getByLabelText('Career field (optional)'), 'Health Science');
    await user.type(screen.getByLabelText('Note for the editors (optional)'), '  Hospitals recruit there. ');
    await user.click(screen.getByRole('button', { name: 'Check and suggest' }));

    const preview = await screen.findByRole('region', { name: 'What Fieldguide would gather' });
    expect(sent).toEqual({
      url: 'https://nurses.example.org/',
      field: 'health-science',
      note: 'Hospitals recruit there.',
    });
    expect(preview.textContent).toContain('An iCalendar calendar');
    expect(preview.textContent).toContain('Great Lakes Nurses');
    expect(preview.textContent).toContain('7 upcoming events; the soonest 1:');
    expect(screen.getByRole('link', { name: 'Chicago Nursing Job Fair' }).getAttribute('rel')).toContain('nofollow');
    expect(preview.textContent).toContain('Chicago, IL');
    expect(screen.getByRole('status').textContent).toContain('counted yours too (2 suggestions so far)');
  });

  it('shows the API’s reason when a URL is refused, and no preview', async () => {
    stubFetch({
      'GET /api/fields': () => fieldsResponse,
      'POST /api/suggestions': () =>
        jsonResponse(
          {
            statusCode: 400,
            code: 'ERR_URL_REFUSED',
            message: '10.0.0.5 is not a public web address: only pages on the public internet can be suggested',
          },
          400,
        ),
    });
    const user = userEvent.setup();
    renderApp('/suggest-source');
    await user.type(await screen.findByLabelText('Address (URL)'), 'http://10.0.0.5/');
    await user.click(screen.getByRole('button', { name: 'Check and suggest' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not a public web address'));
    expect(screen.getByRole('alert').textContent).toContain('The suggestion was not saved');
    expect(screen.queryByRole('region', { name: 'What Fieldguide would gather' })).toBeNull();
  });
});
