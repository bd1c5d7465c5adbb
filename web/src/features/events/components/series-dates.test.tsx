import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub.js';
import { eventDetail, fieldsResponse } from '../../../testing/fixtures.js';
import { renderApp } from '../../../testing/render-app.js';

describe('event page of a series', () => {
  it('lists the upcoming dates of the series, this one marked and the others linked', async () => {
    const date = (id: string, start: string) => ({
      id,
      start,
      timeZone: 'America/Denver',
      allDay: false,
      status: 'scheduled',
    });
    stubFetch({
      '/api/fields': () => fieldsResponse,
      '/api/associations/mn-nurses': () => ({ id: 'mn-nurses', name: 'Minnesota Nurse Leaders' }),
      '/api/events/tc-nursing-fair': () =>
        eventDetail({
          start: '2099-01-14T01:00:00.000Z',
          end: '2099-01-14T03:00:00.000Z',
          seriesId: 'se_1',
          seriesDates: [
            date('past', '2020-01-14T01:00:00.000Z'),
            date('tc-nursing-fair', '2099-01-14T01:00:00.000Z'),
            date('next', '2099-02-14T01:00:00.000Z'),
          ],
        }),
    });
    renderApp('/events/tc-nursing-fair');
    const section = (await screen.findByRole('heading', { name: 'All dates of this series' })).closest('section');
    const items = within(section as HTMLElement).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('(this date)');
    expect(
      within(items[1] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/events/next');
  });

  it("writes an online series' dates in the zone its When row uses (the viewer's), not the event's own", async () => {
    stubFetch({
      '/api/fields': () => fieldsResponse,
      '/api/associations/mn-nurses': () => ({ id: 'mn-nurses', name: 'Minnesota Nurse Leaders' }),
      '/api/events/tc-nursing-fair': () =>
        eventDetail({
          start: '2099-01-14T01:30:00.000Z',
          end: '2099-01-14T02:30:00.000Z',
          timeZone: 'Asia/Kathmandu',
          format: 'online',
          seriesId: 'se_1',
          seriesDates: [
            {
              id: 'tc-nursing-fair',
              start: '2099-01-14T01:30:00.000Z',
              end: '2099-01-14T02:30:00.000Z',
              timeZone: 'Asia/Kathmandu',
              allDay: false,
              status: 'scheduled',
            },
            {
              id: 'next',
              start: '2099-01-21T01:30:00.000Z',
              end: '2099-01-21T02:30:00.000Z',
              timeZone: 'Asia/Kathmandu',
              allDay: false,
              status: 'scheduled',
            },
          ],
        }),
    });
    renderApp('/events/tc-nursing-fair');
    const section = (await screen.findByRole('heading', { name: 'All dates of this series' })).closest('section');
    const thisDate = within(section as HTMLElement)
      .getAllByRole('listitem')[0]
      ?.querySelector('time')?.textContent;
    const when = document.querySelector(`time[datetime="2099-01-14T01:30:00.000Z"]`)?.textContent;
    expect(thisDate).toBeTruthy();
    expect(thisDate).toBe(when);
  });
});
