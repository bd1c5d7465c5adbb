import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PlaceNotice } from './place-notice.js';

const springfield = (label: string) => ({ label, name: 'Springfield', country: 'US', lat: 0, lng: 0 });

describe('PlaceNotice', () => {
  it('says nothing for a place read exactly, or a postal code', () => {
    const { container } = render(
      <>
        <PlaceNotice place={undefined} onChoose={vi.fn()} onClear={vi.fn()} />
        <PlaceNotice
          place={{ input: 'Chicago', kind: 'exact', resolved: 'Chicago, IL, US' }}
          onChoose={vi.fn()}
          onClear={vi.fn()}
        />
        <PlaceNotice
          place={{ input: '60616', kind: 'postal-code', resolved: '60616, Chicago, IL, US' }}
          onChoose={vi.fn()}
          onClear={vi.fn()}
        />
      </>,
    );
    expect(container.textContent).toBe('');
  });

  it('names the correction and offers the namesakes as buttons', async () => {
    const onChoose = vi.fn();
    render(
      <PlaceNotice
        place={{
          input: 'Springfeld',
          kind: 'corrected',
          resolved: 'Springfield, MO, US',
          alternatives: [springfield('Springfield, MA, US'), springfield('Springfield, IL, US')],
        }}
        onChoose={onChoose}
        onClear={vi.fn()}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain(
      'Showing results near Springfield, MO, US (you typed “Springfeld”).',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Springfield, IL, US' }));
    expect(onChoose).toHaveBeenCalledWith('Springfield, IL, US');
  });

  it('says a place was not found, with the server hint, and clears it', async () => {
    const onClear = vi.fn();
    render(
      <PlaceNotice
        place={{ input: 'SW1A', kind: 'not-found', hint: 'UK postcodes are not covered yet.' }}
        onChoose={vi.fn()}
        onClear={onClear}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain(
      'We could not find the place “SW1A”, so these are events from everywhere. UK postcodes are not covered yet.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Clear the place' }));
    expect(onClear).toHaveBeenCalledOnce();
  });
});
