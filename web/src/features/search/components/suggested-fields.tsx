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
  const fields = (data?.q === q.trim() ? data.fields : []).filter((f) => !selected.includes(f.id));
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
