import { useId, useState } from 'react';
import { ErrorMessage } from '../../../components/status.js';
import { useAddSource } from '../api/admin-api.js';

/** A short, readable rendering of whatever auto-discovery reported. */
function Discovered({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return <p>Discovered: {String(value)}</p>;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v] as const) : Object.entries(value);
  return (
    <dl className="facts facts--compact">
      {entries.map(([key, v]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>
            {typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Adds a source by URL; the server discovers what kind of source it is. */
export function AddSourceForm({ token }: { token: string }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const add = useAddSource(token);
  return (
    <section aria-labelledby="add-source-heading" className="admin-section">
      <h2 id="add-source-heading">Add a source</h2>
      <form
        className="add-source"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(url.trim(), { onSuccess: () => setUrl('') });
        }}
      >
        <label htmlFor={id}>Page, calendar or feed URL</label>
        <div className="inline-row">
          <input
            id={id}
            type="url"
            required
            placeholder="https://example.org/events"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? 'Discovering…' : 'Add source'}
          </button>
        </div>
      </form>
      {add.error && <ErrorMessage error={add.error} title="The source was not added" />}
      {add.data && (
        <div className="status status--ok" role="status">
          <p className="status__title">
            Added {add.data.source.name ?? add.data.source.id} ({add.data.source.kind})
          </p>
          <Discovered value={add.data.discovered} />
        </div>
      )}
    </section>
  );
}
