import { fieldLabel } from '@fieldguide/shared';
import { useSuggest } from '../api/search-events.js';

/** "Filter by field" buttons for fields whose names match the query, when they are not already filters. */
export function SuggestedFields({
  q,
  selected,
  onPick,
}: {
  q: string;
  selected: readonly string[];
  onPick: (fieldId: string) => void;
}) {
  const { data } = useSuggest(q);
  const current = data?.q === q.trim() ? data : undefined;
  // Fields named outright, then the fields of the occupations the words name ("nurse" → Health Science).
  const fields = [
    ...(current?.fields ?? []).map((f) => ({ id: f.id, name: f.name })),
    ...(current?.occupations ?? []).map((o) => ({
      id: o.field,
      name: `${fieldLabel(o.field) ?? o.field} (${o.via ? `${o.via}: ` : ''}${o.title})`,
    })),
  ].filter((f, i, all) => !selected.includes(f.id) && all.findIndex((g) => g.id === f.id) === i);
  if (fields.length === 0) return null;
  return (
    <div className="suggested-fields">
      <span id="suggested-fields-label">Filter by field:</span>
      <ul aria-labelledby="suggested-fields-label">
        {fields.map((field) => (
          <li key={field.id}>
            <button type="button" className="chip" onClick={() => onPick(field.id)}>
              + {field.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
