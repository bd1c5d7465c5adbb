import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, requestedUrls, stubFetch } from '../../../testing/fetch-stub.js';
import { eventHit, fieldsResponse, searchResponse } from '../../../testing/fixtures.js';
import { currentUrl, renderApp } from '../../../testing/render-app.js';

function stubSearch() {
  return stubFetch({
    '/api/fields': () => fieldsResponse,
    '/api/suggest': (url) => ({
      q: url.searchParams.get('q'),
      fields: [],
      occupations: [],
      events: [],
      associations: [],
    }),
    '/api/search': (url) => {
      const q = url.searchParams.get('q') ?? '';
      if (q === 'zzz') return searchResponse([]);
      if (q === 'broken') return jsonResponse({ statusCode: 400, code: 'ERR_BAD_PARAMETER', message: 'bad q' }, 400);
      const online = eventHit({ id: 'it-fair', title: 'Tech Fair', format: 'online', hiring: 0.2, hiringReasons: [] });
      online.highlights.title = [];
      const hits = [eventHit(), online];
      return searchResponse(hits, { query: { ...searchResponse([]).query, q } });
    },
  });
}

describe('search page', () => {
  it('shows result cards with the date in the event zone, place or Online, and the hiring badge', async () => {
    stubSearch();
    renderApp('/');
    const first = (await screen.findByRole('link', { name: 'Twin Cities Nursing Career Fair' })).closest('article');
    expect(first).not.toBeNull();
    const card = within(first as HTMLElement);
    expect(card.getByText(/9:00\s?AM/).textContent).toMatch(/CDT/);
    expect(card.getByText(/Minneapolis Convention Center, Minneapolis, MN, US/)).toBeTruthy();
    expect(card.getByText('Hiring managers very likely')).toBeTruthy();
    expect(card.getByText('Career fair or recruiting event')).toBeTruthy();
    expect(card.getByText('Nursing').tagName).toBe('MARK');
    const second = screen.getByRole('link', { name: 'Tech Fair' }).closest('article') as HTMLElement;
    expect(within(second).getByText('Online')).toBeTruthy();
    expect(within(second).queryByText(/Hiring managers/)).toBeNull();
    expect(screen.getByRole('heading', { name: '2 upcoming events' })).toBeTruthy();
  });

  it('searches as you type, once typing pauses, and keeps the query in the URL', async () => {
    const fetch = stubSearch();
    const user = userEvent.setup();
    const { location } = renderApp('/');
    await screen.findByRole('link', { name: 'Tech Fair' });
    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'nurse');
    await waitFor(() => expect(currentUrl(location)).toBe('/?q=nurse'));
    const searches = requestedUrls(fetch).filter((u) => u.pathname === '/api/search');
    // One search on load and one after the pause: not one per keystroke.
    expect(searches.map((u) => u.searchParams.get('q'))).toEqual([null, 'nurse']);
  });

  it('puts a chosen facet in the URL and asks the API for it', async () => {
    const fetch = stubSearch();
    const user = userEvent.setup();
    const { location } = renderApp('/?q=nurse');
    await user.click(await screen.findByRole('checkbox', { name: /Career fair/ }));
    await waitFor(() => expect(currentUrl(location)).toBe('/?q=nurse&type=career-fair'));
    await user.click(screen.getByRole('checkbox', { name: /Hiring managers likely/ }));
    await waitFor(() => expect(currentUrl(location)).toBe('/?q=nurse&type=career-fair&hiring=0.5'));
    await waitFor(() =>
      expect(
        requestedUrls(fetch).some(
          (u) =>
            u.pathname === '/api/search' &&
            u.searchParams.get('hiring') === '0.5' &&
            u.searchParams.get('type') === 'career-fair',
        ),
      ).toBe(true),
    );
  });

  it('asks a further page for its hits only, and counts the facets with the first page', async () => {
    const fetch = stubSearch();
    renderApp('/?q=nurse&page=2');
    await screen.findByRole('link', { name: 'Tech Fair' });
    await waitFor(() => {
      const searches = requestedUrls(fetch).filter((u) => u.pathname === '/api/search');
      const asked = searches.map((u) => `page=${u.searchParams.get('page')} facets=${u.searchParams.get('facets')}`);
      expect(asked.sort()).toEqual(['page=2 facets=false', 'page=null facets=null']);
    });
  });

  it('restores the filters from a shared URL', async () => {
    stubSearch();
    renderApp('/?q=nurse&field=health-science&cost=free');
    expect(((await screen.findByRole('searchbox', { name: 'Search events' })) as HTMLInputElement).value).toBe('nurse');
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: /Health Science/ }) as HTMLInputElement).checked).toBe(true),
    );
    expect((screen.getByRole('radio', { name: /Free/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('says so when nothing matches, and shows the API error when the search fails', async () => {
    stubSearch();
    renderApp('/?q=zzz');
    expect(await screen.findByText('No upcoming events match this search.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear the search' })).toBeTruthy();
    stubSearch();
    renderApp('/?q=broken');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad q');
    // A 400 will not pass on a second try: no retry button.
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it('says which field the words were read as, offers it as a filter, and suggests the fields of occupations', async () => {
    stubFetch({
      '/api/fields': () => fieldsResponse,
      '/api/suggest': (url) => ({
        q: url.searchParams.get('q'),
        fields: [],
        occupations: [
          {
            title: 'Registered Nurses',
            code: '29-1141.00',
            field: 'health-science',
            pathway: 'health-science/therapeutic-services',
            via: 'RN',
          },
        ],
        events: [],
        associations: [],
      }),
      '/api/search': (url) => {
        const q = url.searchParams.get('q') ?? '';
        const understood =
          q === 'registered nurse' && !url.searchParams.get('field')
            ? {
                field: 'health-science',
                fieldName: 'Health Science',
                via: 'registered nurse',
                kind: 'occupation',
                occupation: { code: '29-1141.00', title: 'Registered Nurses' },
              }
            : undefined;
        const base = searchResponse([eventHit()]);
        return { ...base, query: { ...base.query, q, ...(understood ? { understood } : {}) } };
      },
    });
    const user = userEvent.setup();
    const { location } = renderApp('/?q=registered+nurse');
    const notice = await screen.findByText(/reads as/);
    expect(notice.textContent).toBe(
      '“registered nurse” reads as Health Science (Registered Nurses): its events come first.',
    );
    expect(await screen.findByRole('button', { name: '+ Health Science (RN: Registered Nurses)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show only Health Science' }));
    await waitFor(() => expect(currentUrl(location)).toContain('field=health-science'));
    await waitFor(() => expect(screen.queryByText(/reads as/)).toBeNull());
  });
});
