export interface CheckboxFacetProps<K extends string> {
  legend: string;
  /** Every value with its label, in display order. */
  options: readonly [K, string][];
  selected: readonly K[];
  counts: Record<string, number>;
  onToggle: (value: K) => void;
}

/** A list of checkboxes with counts; values with no match and not selected are left out. */
export function CheckboxFacet<K extends string>({
  legend,
  options,
  selected,
  counts,
  onToggle,
}: CheckboxFacetProps<K>) {
  const shown = options.filter(([value]) => selected.includes(value) || (counts[value] ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <ul className="facet__list">
        {shown.map(([value, label]) => (
          <li key={value}>
            <label className="facet__option">
              <input type="checkbox" checked={selected.includes(value)} onChange={() => onToggle(value)} />
              <span className="facet__name">{label}</span>
              <span className="facet__count">{counts[value] ?? 0}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
