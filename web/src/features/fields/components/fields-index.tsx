import { Link } from 'wouter';
import { ErrorMessage, Loading } from '../../../components/status.js';
import { useFields } from '../../../lib/fields-query.js';
import './fields.css';

/** `/fields`: every career field with its count of upcoming events. */
export function FieldsIndex() {
  const { data, error, refetch } = useFields();
  return (
    <div className="fields-index">
      <title>Career fields · Fieldguide</title>
      <h1>Career fields</h1>
      <p className="lead">
        The 16 National Career Clusters. Pick yours to see where its hiring managers go, and subscribe to its events.
      </p>
      {error ? (
        <ErrorMessage error={error} onRetry={() => refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <ul className="field-grid">
          {data.fields.map((field) => (
            <li key={field.id} className="field-tile">
              <h2 className="field-tile__title">
                <Link href={`/fields/${field.id}`}>{field.name}</Link>
              </h2>
              <p className="field-tile__count">
                {field.count === null ? '' : `${field.count} upcoming ${field.count === 1 ? 'event' : 'events'}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
