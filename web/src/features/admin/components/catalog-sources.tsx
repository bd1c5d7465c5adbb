import type { AdminCatalog, SetCatalogSourcesBody } from '@fieldguide/shared';
import { ErrorMessage, Loading } from '../../../components/status.js';
import { useAdminCatalog, useSetCatalogSources } from '../api/admin-api.js';

function SwitchButton({
  enabled,
  label,
  body,
  pending,
  onSwitch,
}: {
  enabled: boolean;
  label: string;
  body: Omit<SetCatalogSourcesBody, 'enabled'>;
  pending: boolean;
  onSwitch: (body: SetCatalogSourcesBody) => void;
}) {
  return (
    <button
      type="button"
      className="button button--small"
      disabled={pending}
      onClick={() => onSwitch({ ...body, enabled: !enabled })}
    >
      {enabled ? 'Disable' : 'Enable'}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}

function CatalogTables({
  catalog,
  pending,
  onSwitch,
}: {
  catalog: AdminCatalog;
  pending: boolean;
  onSwitch: (body: SetCatalogSourcesBody) => void;
}) {
  const fields = catalog.fields.filter((f) => f.sources > 0);
  if (fields.length === 0) {
    return <p className="muted">The catalog has no event sources in this store (is CATALOG off?).</p>;
  }
  return (
    <>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Catalog event sources by field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Enabled sources</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.id} data-catalog-field={field.id}>
                <th scope="row">{field.name}</th>
                <td>
                  {field.enabledSources} of {field.sources}
                </td>
                <td>
                  <SwitchButton
                    enabled={field.enabledSources === field.sources}
                    label={`the ${field.name} sources`}
                    body={{ field: field.id }}
                    pending={pending}
                    onSwitch={onSwitch}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="admin-catalog__associations">
        <summary>By association ({catalog.associations.length})</summary>
        <ul>
          {catalog.associations.map((a) => {
            const on = a.sources.every((s) => s.enabled);
            return (
              <li key={a.id} data-catalog-association={a.id}>
                {a.name}{' '}
                <span className="muted">
                  ({a.sources.filter((s) => s.enabled).length} of {a.sources.length} enabled)
                </span>{' '}
                <SwitchButton
                  enabled={on}
                  label={`the sources of ${a.name}`}
                  body={{ associationId: a.id }}
                  pending={pending}
                  onSwitch={onSwitch}
                />
              </li>
            );
          })}
        </ul>
      </details>
    </>
  );
}

/** The associations catalog's event sources: off until enabled here, by field or by association. */
export function CatalogSources({ token, enabled }: { token: string; enabled: boolean }) {
  const catalog = useAdminCatalog(token, enabled);
  const setSources = useSetCatalogSources(token);
  return (
    <section aria-labelledby="catalog-heading" className="admin-section">
      <h2 id="catalog-heading">Associations catalog</h2>
      <p className="muted">
        The bundled directory's event sources start disabled. Enable a field's or an association's to crawl them.
      </p>
      {setSources.error && <ErrorMessage error={setSources.error} title="Could not change the catalog sources" />}
      {catalog.error ? (
        <ErrorMessage error={catalog.error} title="Could not load the catalog" onRetry={() => catalog.refetch()} />
      ) : !catalog.data ? (
        <Loading label="Loading the catalog…" />
      ) : (
        <CatalogTables catalog={catalog.data} pending={setSources.isPending} onSwitch={(b) => setSources.mutate(b)} />
      )}
    </section>
  );
}
