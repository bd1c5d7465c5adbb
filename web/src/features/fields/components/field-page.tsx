import { type FieldSummary, fieldNameInSentence } from '@fieldguide/shared';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { AssociationCard } from '../../../components/association-card.js';
import { EventList } from '../../../components/event-card.js';
import { EmptyState, ErrorMessage, Loading, NotFound } from '../../../components/status.js';
import { useFields } from '../../../lib/fields-query.js';
import { useFieldAssociations, useFieldEvents } from '../api/get-field-page.js';
import './fields.css';

/** A cluster or pathway of the taxonomy, with the cluster it belongs to. */
interface FieldMatch {
  id: string;
  name: string;
  /** "IT", "health care" (as it reads mid-sentence); the pathway's name for a pathway. */
  shortName: string;
  count: number | null;
  cluster: FieldSummary;
  isPathway: boolean;
}

function findField(fields: readonly FieldSummary[], id: string): FieldMatch | undefined {
  for (const cluster of fields) {
    if (cluster.id === id)
      return { ...cluster, shortName: fieldNameInSentence(cluster.shortName), cluster, isPathway: false };
    const pathway = cluster.pathways.find((p) => p.id === id);
    if (pathway) return { ...pathway, shortName: pathway.name, cluster, isPathway: true };
  }
  return undefined;
}

function FieldEvents({ field }: { field: FieldMatch }) {
  const { data, error, refetch } = useFieldEvents(field.id);
  if (error) return <ErrorMessage error={error} title="Could not load events" onRetry={() => refetch()} />;
  if (!data) return <Loading label="Loading events…" />;
  if (data.hits.length === 0) {
    return (
      <EmptyState title={`No upcoming ${field.name} events yet.`}>
        <p>Subscribe below and new ones will come to you.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <EventList events={data.hits} compact />
      {data.total > data.hits.length && (
        <p>
          <Link href={`/?field=${encodeURIComponent(field.id)}&sort=hiring`} className="button">
            See all {data.total} events in search
          </Link>
        </p>
      )}
    </>
  );
}

function FieldAssociations({ field }: { field: FieldMatch }) {
  const { data, error, refetch } = useFieldAssociations(field.id);
  if (error) return <ErrorMessage error={error} title="Could not load associations" onRetry={() => refetch()} />;
  if (!data) return <Loading label="Loading associations…" />;
  if (data.hits.length === 0) return <p className="muted">No associations of this field are listed yet.</p>;
  return (
    <ul className="association-list">
      {data.hits.map((a) => (
        <li key={a.id}>
          <AssociationCard association={a} />
        </li>
      ))}
    </ul>
  );
}

/** `/fields/:id`: where a field's hiring managers go: its events by hiring signal, its associations, its feeds. */
export function FieldPage({
  id,
  renderSubscribe,
}: {
  id: string;
  renderSubscribe?: (fieldId: string, subject: string) => ReactNode;
}) {
  const fields = useFields();
  if (fields.error) return <ErrorMessage error={fields.error} onRetry={() => fields.refetch()} />;
  if (!fields.data) return <Loading />;
  const field = findField(fields.data.fields, id);
  if (!field) return <NotFound what="Field" />;
  const { cluster } = field;
  return (
    <div className="field-page">
      <title>{`Where ${field.shortName} hiring managers go · Fieldguide`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/fields">Fields</Link>
          </li>
          {field.isPathway && (
            <li>
              <Link href={`/fields/${cluster.id}`}>{cluster.name}</Link>
            </li>
          )}
          <li aria-current="page">{field.name}</li>
        </ol>
      </nav>
      <h1>Where {field.shortName} hiring managers go</h1>
      <p className="lead">
        {field.count === null
          ? `Upcoming events in ${field.name}, ranked by how likely hiring managers are there.`
          : `${field.count} upcoming ${field.count === 1 ? 'event' : 'events'} in ${field.name}, ranked by how likely hiring managers are there.`}
      </p>
      {!field.isPathway && cluster.pathways.some((p) => (p.count ?? 0) > 0) && (
        <nav aria-label={`Pathways of ${cluster.name}`} className="pathways">
          <ul className="chips">
            {cluster.pathways
              .filter((p) => (p.count ?? 0) > 0)
              .map((p) => (
                <li key={p.id}>
                  <Link className="chip" href={`/fields/${p.id}`}>
                    {p.name} <span className="chip__count">{p.count}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      )}
      {renderSubscribe && (
        <p className="field-page__actions">
          <a href="#subscribe" className="button">
            Subscribe to these events
          </a>
        </p>
      )}
      <div className="field-page__layout">
        <div className="field-page__main">
          <section aria-labelledby="field-events-heading">
            <h2 id="field-events-heading">Upcoming events, most hiring first</h2>
            <FieldEvents field={field} />
          </section>
          <section aria-labelledby="field-associations-heading">
            <h2 id="field-associations-heading">Associations</h2>
            <FieldAssociations field={field} />
          </section>
        </div>
        {renderSubscribe && (
          <div className="field-page__aside" id="subscribe" tabIndex={-1}>
            {renderSubscribe(field.id, `${field.shortName} events`)}
          </div>
        )}
      </div>
    </div>
  );
}
