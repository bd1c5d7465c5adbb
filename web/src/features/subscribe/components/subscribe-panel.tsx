import { type FeedFormat, type FeedTarget, feedUrl, webcalUrl } from '@fieldguide/shared';
import { useId, useState } from 'react';
import { CopyButton } from '../../../components/copy-button.js';
import { feedOrigin } from '../../../lib/feed-urls.js';
import './subscribe.css';

export interface SubscribePanelProps {
  target: FeedTarget;
  /** What is followed, for the heading: "IT" or "this search". */
  subject: string;
  headingLevel?: 2 | 3;
  /** Show the heading; off where a disclosure's summary already says it. */
  showHeading?: boolean;
  /** What the feed lists, for the note on lasting subscriptions: "upcoming events", "events in the next 91 days". */
  windowLabel?: string;
  /** The same feed with the search's own fixed dates, offered only when asked for (it empties after them). */
  fixed?: { target: FeedTarget; label: string };
}

interface FeedRow {
  key: string;
  label: string;
  hint: string;
  url: string;
}

const FEED_ROWS: readonly { format: FeedFormat; label: string; hint: string }[] = [
  { format: 'ics', label: 'iCal', hint: 'Google Calendar, Outlook' },
  { format: 'rss', label: 'RSS', hint: 'feed readers' },
  { format: 'atom', label: 'Atom', hint: 'feed readers' },
  { format: 'json', label: 'JSON Feed', hint: 'feed readers, scripts' },
];

function FeedUrlRow({ row }: { row: FeedRow }) {
  const id = useId();
  return (
    <li className="feed-row">
      <label htmlFor={id} className="feed-row__label">
        {row.label} <span className="feed-row__hint">({row.hint})</span>
      </label>
      <div className="feed-row__controls">
        <input id={id} type="url" readOnly value={row.url} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton
          text={row.url}
          label={
            <>
              Copy<span className="visually-hidden"> the {row.label} URL</span>
            </>
          }
        />
      </div>
    </li>
  );
}

/** One click to copy a field's or a search's iCal, webcal, RSS, Atom or JSON Feed URL, with how to add it. */
export function SubscribePanel(props: SubscribePanelProps) {
  const { subject, headingLevel = 2, showHeading = true, windowLabel = 'upcoming events', fixed } = props;
  const [useFixed, setUseFixed] = useState(false);
  const fixedId = useId();
  const target = useFixed && fixed ? fixed.target : props.target;
  const Heading = `h${headingLevel}` as const;
  const origin = feedOrigin();
  const ics = feedUrl(origin, target, 'ics');
  const rows: FeedRow[] = FEED_ROWS.map((r) => ({ key: r.format, ...r, url: feedUrl(origin, target, r.format) }));
  rows.splice(1, 0, { key: 'webcal', label: 'webcal', hint: 'Apple Calendar, Outlook desktop', url: webcalUrl(ics) });
  return (
    <section className="subscribe" aria-label={`Subscribe to ${subject}`}>
      {showHeading && <Heading className="subscribe__title">Subscribe to {subject}</Heading>}
      <p className="subscribe__lead">
        New events show up in your calendar or feed reader by themselves.{' '}
        <a href={webcalUrl(ics)} className="button button--primary subscribe__open">
          Open in my calendar app
        </a>
      </p>
      <p className="subscribe__window" data-testid="subscribe-window">
        {useFixed && fixed ? (
          <>This feed keeps the fixed dates {fixed.label}: it will be empty after them.</>
        ) : (
          <>
            This feed always lists <strong>{windowLabel}</strong>, counted from the day your calendar checks it, so it
            never runs dry. It carries no fixed dates.
          </>
        )}
      </p>
      {fixed && (
        <p className="subscribe__fixed">
          <input id={fixedId} type="checkbox" checked={useFixed} onChange={(e) => setUseFixed(e.target.checked)} />{' '}
          <label htmlFor={fixedId}>Keep this search’s fixed dates instead ({fixed.label})</label>
        </p>
      )}
      <ul className="feed-rows">
        {rows.map((row) => (
          <FeedUrlRow key={row.key} row={row} />
        ))}
      </ul>
      <details className="subscribe__help">
        <summary>How to add it to your calendar</summary>
        <dl>
          <dt>Google Calendar</dt>
          <dd>
            On the web, next to <strong>Other calendars</strong> choose <strong>+</strong> then{' '}
            <strong>From URL</strong>, and paste the iCal URL.
          </dd>
          <dt>Outlook</dt>
          <dd>
            <strong>Add calendar</strong> → <strong>Subscribe from web</strong>, paste the iCal URL and give it a name.
          </dd>
          <dt>Apple Calendar</dt>
          <dd>
            <strong>File</strong> → <strong>New Calendar Subscription</strong> and paste the webcal URL, or use{' '}
            <strong>Open in my calendar app</strong> above.
          </dd>
        </dl>
        <p>Calendars refresh subscriptions on their own schedule, from every few hours to once a day.</p>
      </details>
    </section>
  );
}
