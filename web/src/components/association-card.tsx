import { type AssociationHit, formatPlace, gatheringNote } from '@fieldguide/shared';
import { Link } from 'wouter';
import { SCOPE_LABELS } from '../lib/labels.js';
import { Highlight } from './highlight.js';
import { HiringBadge } from './hiring-badge.js';
import './card.css';
import './association-card.css';

/** One association in a list: name link, scope and place, fields, chapters, job board. */
export function AssociationCard({
  association,
  headingLevel = 3,
}: {
  association: AssociationHit;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const place = formatPlace({ region: association.region, country: association.country });
  // The index lists each chapter's name, city and region; region codes and repeats add nothing to a card.
  const chapterPlaces = [...new Set(association.chapterPlaces.filter((p) => p.length > 3))];
  const notGathered = association.gathering && gatheringNote(association.gathering);
  return (
    <article className="association-card">
      <Heading className="association-card__title">
        <Link href={`/associations/${encodeURIComponent(association.id)}`}>
          <Highlight text={association.name} matches={association.highlights.name} />
        </Link>
      </Heading>
      <p className="association-card__meta">
        {association.acronym && <span>{association.acronym}</span>}
        <span>{SCOPE_LABELS[association.scope]}</span>
        {place && <span>{place}</span>}
        {association.meetingCadence && <span>Meets {association.meetingCadence}</span>}
      </p>
      {association.fieldNames.length > 0 && (
        <p className="association-card__fields">{association.fieldNames.join(', ')}</p>
      )}
      <HiringBadge score={association.hiring} reasons={association.hiringReasons} />
      {association.description && (
        <p className="association-card__description">
          <Highlight text={association.description} matches={association.highlights.description} />
        </p>
      )}
      {chapterPlaces.length > 0 && (
        <p className="association-card__chapters">
          Chapters: {chapterPlaces.slice(0, 6).join(' · ')}
          {chapterPlaces.length > 6 && ` and ${chapterPlaces.length - 6} more`}
        </p>
      )}
      {notGathered && (
        <p className="association-card__gathering muted" data-testid="gathering-note">
          {notGathered}
        </p>
      )}
      {association.jobBoardUrl && (
        <p>
          <a href={association.jobBoardUrl} rel="noopener noreferrer" target="_blank">
            Job board<span className="visually-hidden"> of {association.name} (opens in a new tab)</span>
          </a>
        </p>
      )}
    </article>
  );
}
