import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SubscribePanel } from './subscribe-panel.js';

describe('SubscribePanel', () => {
  it("offers a field's iCal, webcal, RSS, Atom and JSON Feed URLs and copies one with a click", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    const user = userEvent.setup();
    // userEvent installs its own clipboard; replace it after setup so the component calls ours.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    vi.stubGlobal('isSecureContext', true);
    render(<SubscribePanel target={{ kind: 'field', id: 'information-technology' }} subject="IT" />);
    const origin = window.location.origin;
    const host = window.location.host;
    const value = (label: RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;
    expect(value(/^iCal/)).toBe(`${origin}/feeds/fields/information-technology.ics`);
    expect(value(/^webcal/)).toBe(`webcal://${host}/feeds/fields/information-technology.ics`);
    expect(value(/^RSS/)).toBe(`${origin}/feeds/fields/information-technology.rss`);
    expect(value(/^Atom/)).toBe(`${origin}/feeds/fields/information-technology.atom`);
    expect(value(/^JSON Feed/)).toBe(`${origin}/feeds/fields/information-technology.json`);
    await user.click(screen.getByRole('button', { name: 'Copy the webcal URL' }));
    expect(writeText).toHaveBeenCalledWith(`webcal://${host}/feeds/fields/information-technology.ics`);
    await waitFor(() => expect(screen.getByText(/Copied/)).toBeTruthy());
    expect(screen.getByText('Google Calendar')).toBeTruthy();
    expect(screen.getByText('Outlook')).toBeTruthy();
    expect(screen.getByText('Apple Calendar')).toBeTruthy();
  });
});
