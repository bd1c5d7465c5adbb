import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { requestedUrls, stubFetch } from '../../../testing/fetch-stub.js';
import { eventHit, fieldsResponse, searchResponse } from '../../../testing/fixtures.js';
import { currentUrl, renderApp } from '../../../testing/render-app.js';

/** Five events on March 10, 2099 (Chicago), and a three-day conference from March 30 into April. */
const HITS = [
  ...['a', 'b', 'c', 'd', 'e'].map((id, i) =>
    eventHit({ id: `fair-${id}`, title: `Fair ${id.toUpperCase()}`, start: `2099-03-10T1${i}:00:00.000Z`, end: null }),
  ),
  eventHit({
    id: 'conference',
    title: 'Nursing Leadership Conference',
    start: '2099-03-30T14:00:00.000Z',
    end: '2099-04-01T22:00:00.000Z',
  }),
];

function stubMonth() {
  return stubFetch({
    '/api/fields': () => fieldsResponse,
    '/api/search': () => searchResponse(HITS),
  });
}

const cellOf = (day: string) => {
  const cell = screen.getByText(day, { selector: '.visually-hidden' }).closest('td');
  if (!cell) throw new Error(`no cell for ${day}`);
  return cell;
};

describe('month view', () => {
  it('asks for the month’s days and lays the events out, "+N more" opening the rest', async () => {
    const fetch = stubMonth();
    const { location } = renderApp('/?field=health-science&view=month&month=2099-03');
    expect(await screen.findByRole('heading', { name: 'March 2099' })).toBeTruthy();
    await screen.findByRole('link', { name: /Fair A/ });
    const asked = requestedUrls(fetch).find((u) => u.pathname === '/api/search' && u.searchParams.get('limit'));
    expect(asked?.searchParams.get('from')).toMatch(/^2099-03-01T00:00:00[+-]\d{2}:\d{2}$/);
    expect(asked?.searchParams.get('to')).toMatch(/^2099-03-31T23:59:59\.999[+-]\d{2}:\d{2}$/);
    expect(asked?.searchParams.getAll('field')).toEqual(['health-science']);
    expect(asked?.searchParams.has('view')).toBe(false);

    const tenth = cellOf('Tuesday, March 10');
    expect(within(tenth).getAllByRole('link')).toHaveLength(3);
    const more = within(tenth).getByRole('button', { name: '+2 more on Tuesday, March 10' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(more);
    expect(within(tenth).getAllByRole('link')).toHaveLength(5);
    expect(more.getAttribute('aria-expanded')).toBe('true');

    for (const day of ['Monday, March 30', 'Tuesday, March 31']) {
      expect(within(cellOf(day)).getByRole('link', { name: /Nursing Leadership Conference/ })).toBeTruthy();
    }
    expect(within(cellOf('Wednesday, April 1')).queryByRole('link')).toBeNull();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(currentUrl(location)).toBe('/?field=health-science&view=month&month=2099-04');
    await userEvent.click(
      within(screen.getByRole('navigation', { name: 'Show results as' })).getByRole('link', { name: 'List' }),
    );
    expect(currentUrl(location)).toBe('/?field=health-science');
  });
});
