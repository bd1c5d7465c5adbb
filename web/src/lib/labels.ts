import type { SearchSort } from '@fieldguide/shared';

export {
  EVENT_FORMAT_LABELS,
  EVENT_STATUS_LABELS,
  EVENT_TYPE_LABELS,
  SCOPE_LABELS,
  SOURCE_KIND_LABELS,
} from '@fieldguide/shared';

export const SORT_LABELS: Readonly<Record<SearchSort, string>> = {
  relevance: 'Best match',
  date: 'Soonest',
  hiring: 'Hiring signal',
  distance: 'Nearest',
};

/** Label lists in display order, for pickers. */
export const entriesOf = <K extends string>(labels: Readonly<Record<K, string>>): [K, string][] =>
  Object.entries(labels) as [K, string][];
