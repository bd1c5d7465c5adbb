import type { Event } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { confirmationMail, digestMail } from './alert-mail.js';

const target = {
  to: 'student@example.edu',
  origin: 'https://fieldguide.example.org',
  searchTitle: 'Health Science events near Chicago, IL, US',
  queryString: 'field=health-science&near=Chicago',
  frequency: 'weekly' as const,
  unsubscribeToken: 'unsubscribe-token-0123456789',
};

const hostile: Event = {
  id: 'hs-hostile',
  title: 'Nurses <script>alert(1)</script> & "friends"',
  description: 'A meeting.',
  url: 'https://example.org/e',
  type: 'conference',
  fields: ['health-science'],
  pathways: [],
  tags: [],
  start: '2026-12-10T15:00:00.000Z',
  end: '2026-12-10T18:00:00.000Z',
  timeZone: 'America/Chicago',
  allDay: false,
  format: 'in-person',
  status: 'scheduled',
  venue: { name: 'Hall <b>A</b>', city: 'Chicago', region: 'IL', country: 'US' },
  hiring: { score: 0, reasons: [] },
  sources: [{ sourceId: 's', url: 'https://example.org/e', seenAt: '2026-12-01T00:00:00.000Z' }],
  delisted: false,
  firstSeen: '2026-12-01T00:00:00.000Z',
  lastSeen: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('alert mails', () => {
  it('write each event as text and escaped HTML, with its page, date and place, and no image', () => {
    const mail = digestMail(target, [hostile]);
    expect(mail.subject).toBe('1 new event: Health Science events near Chicago, IL, US');
    expect(mail.text).toContain('Nurses <script>alert(1)</script> & "friends"');
    expect(mail.text).toContain('https://fieldguide.example.org/events/hs-hostile');
    expect(mail.text).toMatch(/Thu, Dec 10, 2026, 9:00\s?AM/);
    expect(mail.text).toContain('Chicago, IL');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>A</b>');
    expect(mail.html).toContain('Nurses &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;');
    expect(mail.html).not.toMatch(/<img/i);
  });

  it('carry a one-click unsubscribe (RFC 8058), the confirmation too', () => {
    for (const mail of [digestMail(target, [hostile]), confirmationMail(target, 'confirm-token-0123456789', 48)]) {
      expect(mail.headers).toEqual({
        'List-Unsubscribe': '<https://fieldguide.example.org/alerts/unsubscribe?token=unsubscribe-token-0123456789>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
    }
    const confirmation = confirmationMail(target, 'confirm-token-0123456789', 48);
    expect(confirmation.text).toContain('https://fieldguide.example.org/alerts/confirm?token=confirm-token-0123456789');
    expect(confirmation.text).toContain('48 hours');
  });
});
