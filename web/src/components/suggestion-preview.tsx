import type { SuggestionPreview as Preview } from '@fieldguide/shared';
import { formatEventWhen } from '../lib/format.js';
import { SOURCE_KIND_LABELS } from '../lib/labels.js';
import './suggestion-preview.css';

/**
 * What reading a suggested URL found: how it would be read, the association it looks like, the soonest events,
 * or why nothing was found. Links lead to the suggested site, which is not ours.
 */
export function SuggestionPreview({ preview, headingLevel = 2 }: { preview: Preview; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const more = preview.eventCount - preview.events.length;
  return (
    <section className="suggestion-preview" aria-label="What Fieldguide would gather">
      <Heading className="suggestion-preview__title">What Fieldguide would gather</Heading>
      <dl className="facts facts--compact">
        <div>
          <dt>Read as</dt>
          <dd>{preview.kind ? SOURCE_KIND_LABELS[preview.kind] : 'Nothing to read yet'}</dd>
        </div>
        {preview.association && (
          <div>
            <dt>Looks like</dt>
            <dd>
              <a href={preview.association.url} rel="noopener nofollow ugc" target="_blank">
                {preview.association.name}
              </a>
            </dd>
          </div>
        )}
        {preview.sources.length > 0 && (
          <div>
            <dt>Found</dt>
            <dd>
              <ul className="suggestion-preview__sources">
                {preview.sources.map((source) => (
                  <li key={source.url}>
                    {SOURCE_KIND_LABELS[source.kind]}: <span className="suggestion-preview__url">{source.url}</span>{' '}
                    <span className="muted">({source.reason})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {preview.events.length > 0 ? (
        <>
          <p>
            {preview.eventCount === 1 ? '1 upcoming event' : `${preview.eventCount} upcoming events`}
            {more > 0 ? `; the soonest ${preview.events.length}:` : ':'}
          </p>
          <ul className="suggestion-preview__events">
            {preview.events.map((event) => (
              <li key={`${event.url} ${event.start}`}>
                <a href={event.url} rel="noopener nofollow ugc" target="_blank">
                  {event.title}
                </a>
                <span className="suggestion-preview__when">{formatEventWhen(event)}</span>
                <span className="muted">{event.place}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="suggestion-preview__nothing">
          <strong>No upcoming events found:</strong> {preview.nothingFound ?? 'the page holds none.'}
        </p>
      )}
    </section>
  );
}
