import { type AssociationDetail, formatPlace, gatheringNote } from '@fieldguide/shared';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { EventList } from '../../../components/event-card.js';
import { HiringBadge } from '../../../components/hiring-badge.js';
import { pageLink, ShareButton } from '../../../components/share-button.js';
import { ErrorMessage, Loading, NotFound } from '../../../components/status.js';
import { ApiError } from '../../../lib/api-client.js';
import { fallbackFieldName, fieldNames, useFields } from '../../../lib/fields-query.js';
import { SCOPE_LABELS } from '../../../lib/labels.js';
import { useAssociation } from '../api/associations.js';
import './associations.css';

/** The association's upcoming events, or honestly why there are none: not crawled yet, or none listed. */
function AssociationEvents({ association }: { association: AssociationDetail }) {
  if (association.upcomingEventsTotal === null) {
    return <p className="muted">Upcoming events are unavailable right now.</p>;
  }
  if (association.upcomingEvents.length > 0) return <EventList events={association.upcomingEvents} compact />;
  return (
    <p className="muted" data-testid="gathering-note">
      {gatheringNote(association.gathering) ?? 'No upcoming events are listed.'}
    </p>
  );
}

/** Where the app puts the follow links (feeds, embed) of an association, given its id and name. */
export type RenderFollow = (associationId: string, name: string) => ReactNode;

function AssociationBody({
  association,
  renderFollow,
}: {
  association: AssociationDetail;
  renderFollow?: RenderFollow;
}) {
  const names = fieldNames(useFields().data);
  const place = formatPlace({ region: association.region, country: association.country });
  const fieldIds = [...association.fields, ...association.pathways];
  return (
    <article className="association-page">
      <title>{`${association.name} · Fieldguide`}</title>
      <p className="breadcrumbs">
        <Link href="/associations">← All associations</Link>
      </p>
      <h1>
        {association.name}
        {association.acronym && <span className="muted"> ({association.acronym})</span>}
      </h1>
      <dl className="facts">
        <dt>Scope</dt>
        <dd>
          {SCOPE_LABELS[association.scope]}
          {place && ` · ${place}`}
        </dd>
        {association.meetingCadence && (
          <>
            <dt>Meets</dt>
            <dd>{association.meetingCadence}</dd>
          </>
        )}
        {fieldIds.length > 0 && (
          <>
            <dt>Fields</dt>
            <dd>
              <ul className="chips">
                {fieldIds.map((id) => (
                  <li key={id}>
                    <Link className="chip" href={`/fields/${id}`}>
                      {names.get(id) ?? fallbackFieldName(id)}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Website</dt>
        <dd>
          <a href={association.url} rel="noopener noreferrer">
            {association.url}
          </a>
        </dd>
        {association.membershipUrl && (
          <>
            <dt>Membership</dt>
            <dd>
              <a href={association.membershipUrl} rel="noopener noreferrer">
                {association.membershipUrl}
              </a>
            </dd>
          </>
        )}
        {association.jobBoardUrl && (
          <>
            <dt>Job board</dt>
            <dd>
              <a href={association.jobBoardUrl} rel="noopener noreferrer">
                {association.jobBoardUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      <HiringBadge score={association.hiring.score} reasons={association.hiring.reasons} showLow />
      <p>
        <ShareButton
          what="this association"
          data={{ title: association.name, url: pageLink(`/associations/${encodeURIComponent(association.id)}`) }}
        />
      </p>
      {association.description && <p className="association-page__description">{association.description}</p>}
      {association.chapters.length > 0 && (
        <section aria-labelledby="chapters-heading">
          <h2 id="chapters-heading">Chapters</h2>
          <ul className="chapters">
            {association.chapters.map((chapter) => {
              const where = formatPlace({ city: chapter.city, region: chapter.region, country: chapter.country });
              return (
                <li key={`${chapter.name} ${chapter.url ?? ''}`}>
                  {chapter.url ? (
                    <a href={chapter.url} rel="noopener noreferrer">
                      {chapter.name}
                    </a>
                  ) : (
                    chapter.name
                  )}
                  {where && <span className="muted"> · {where}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="association-events-heading">
        <h2 id="association-events-heading">Upcoming events</h2>
        <AssociationEvents association={association} />
      </section>
      {renderFollow && (
        <section aria-label={`Follow ${association.name}`} id="follow">
          {renderFollow(association.id, association.name)}
        </section>
      )}
    </article>
  );
}

/**
 * `/associations/:id`: one association with its chapters, job board and upcoming events (or why there are none
 * yet), and, when the app gives them, its feeds and embed.
 */
export function AssociationDetails({ id, renderFollow }: { id: string; renderFollow?: RenderFollow }) {
  const { data, error, refetch } = useAssociation(id);
  if (error instanceof ApiError && error.status === 404) return <NotFound what="Association" />;
  if (error) return <ErrorMessage error={error} title="Could not load this association" onRetry={() => refetch()} />;
  if (!data) return <Loading label="Loading the association…" />;
  return <AssociationBody association={data} {...(renderFollow ? { renderFollow } : {})} />;
}
