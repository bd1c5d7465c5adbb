import { Link } from 'wouter';
import type { SearchView } from '../search-state.js';

const VIEW_LABELS: Record<SearchView, string> = { list: 'List', map: 'Map', month: 'Month' };

export interface ViewToggleProps {
  view: SearchView;
  /** The link to this search in another view. */
  hrefFor: (view: SearchView) => string;
}

/** Switches the results between the list, the map and the month grid; each view is a link, so it is kept in the URL. */
export function ViewToggle({ view, hrefFor }: ViewToggleProps) {
  return (
    <nav className="view-toggle" aria-label="Show results as">
      {(Object.keys(VIEW_LABELS) as SearchView[]).map((v) => (
        <Link
          key={v}
          href={hrefFor(v)}
          className={v === view ? 'view-toggle__option view-toggle__option--current' : 'view-toggle__option'}
          aria-current={v === view ? 'page' : undefined}
        >
          {VIEW_LABELS[v]}
        </Link>
      ))}
    </nav>
  );
}
