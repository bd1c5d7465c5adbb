import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { eventHit } from '../testing/fixtures.js';
import { EventCard } from './event-card.js';

describe('EventCard', () => {
  it('shows a series at its next date with the count of its other dates', () => {
    render(<EventCard event={eventHit({ series: { id: 'se_1', moreDates: 6 } })} />);
    expect(screen.getByText('and 6 more dates').closest('.event-card__when')).not.toBeNull();
  });

  it('says nothing more for a one-off event, nor for a series with no other matching date', () => {
    const { container, rerender } = render(<EventCard event={eventHit()} />);
    expect(container.querySelector('.event-card__series')).toBeNull();
    rerender(<EventCard event={eventHit({ series: { id: 'se_1', moreDates: 0 } })} />);
    expect(container.querySelector('.event-card__series')).toBeNull();
  });
});
