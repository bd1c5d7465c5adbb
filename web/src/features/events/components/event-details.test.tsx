import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub.js';
import { eventDetail, eventHit, fieldsResponse } from '../../../testing/fixtures.js';
import { renderApp } from '../../../testing/render-app.js';

describe('event page', () => {
  it('labels an event open to every field "All fields", where other events show their fields', async () => {
    stubFetch({
      '/api/fields': () => fieldsResponse,
      '/api/associations/mn-nurses': () => ({ id: 'mn-nurses', name: 'Minnesota Organization of Nurse Leaders' }),
      '/api/events/tc-nursing-fair': () =>
        eventDetail({ title: 'Fall All-Majors Career Fair', fields: [], pathways: [], allFields: true, related: [] }),
    });
    renderApp('/events/tc-nursing-fair');
    await screen.findByRole('heading', { level: 1 });
    const fields = screen.getAllByText('Fields').find((el) => el.tagName === 'DT');
    expect(fields?.nextElementSibling?.textContent).toBe('All fields');
  });

  it('shows what we know, add-to-calendar links, the association and related events', async () => {
    stubFetch({
      '/api/fields': () => fieldsResponse,
      '/api/associations/mn-nurses': () => ({
        id: 'mn-nurses',
        name: 'Minnesota Organization of Nurse Leaders',
        jobBoardUrl: 'https://assoc.example.org/mn-nurses/jobs',
      }),
      '/api/events/tc-nursing-fair': () =>
        eventDetail({
          related: [
            eventHit({ id: 'other', title: 'Other Fair', highlights: { ...eventHit().highlights, title: [] } }),
          ],
        }),
    });
    renderApp('/events/tc-nursing-fair');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Twin Cities Nursing Career Fair');
    const when = screen.getByText('When').nextElementSibling?.textContent ?? '';
    expect(when).toMatch(/Tue, Mar 10, 2026, 9:00\s?AM\s?–\s?5:00\s?PM CDT/);
    expect(screen.getByText('Cost').nextElementSibling?.textContent).toBe('Free');
    const ics = screen.getByRole('link', { name: 'Add to calendar (.ics)' }) as HTMLAnchorElement;
    expect(new URL(ics.href).pathname).toBe('/feeds/events/tc-nursing-fair.ics');
    const google = new URL((screen.getByRole('link', { name: /Add to Google Calendar/ }) as HTMLAnchorElement).href);
    expect(google.searchParams.get('dates')).toBe('20260310T140000Z/20260310T220000Z');
    expect(google.searchParams.get('ctz')).toBe('America/Chicago');
    expect((screen.getByRole('link', { name: 'Minnesota Nurse Leaders' }) as HTMLAnchorElement).href).toBe(
      'https://assoc.example.org/mn-nurses',
    );
    const association = await screen.findByRole('link', { name: 'Minnesota Organization of Nurse Leaders' });
    expect(association.getAttribute('href')).toBe('/associations/mn-nurses');
    expect(screen.getByRole('link', { name: 'Its job board' }).getAttribute('href')).toBe(
      'https://assoc.example.org/mn-nurses/jobs',
    );
    expect((await screen.findByRole('link', { name: 'Health Science' })).getAttribute('href')).toBe(
      '/fields/health-science',
    );
    expect(screen.getByRole('link', { name: 'Other Fair' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'events.example.org' })).toBeTruthy();
  });

  it('warns about a cancelled event', async () => {
    stubFetch({
      '/api/fields': () => fieldsResponse,
      '/api/events/x': () => eventDetail({ id: 'x', status: 'cancelled' }),
    });
    renderApp('/events/x');
    expect((await screen.findByRole('note')).textContent).toContain('cancelled');
  });

  it('says not found for an unknown event', async () => {
    stubFetch({
      '/api/fields': () => fieldsResponse,
      '/api/events/gone': () =>
        jsonResponse({ statusCode: 404, code: 'ERR_NOT_FOUND', message: 'event not found' }, 404),
    });
    renderApp('/events/gone');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Event not found');
  });
});
