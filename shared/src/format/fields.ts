import { ALL_FIELDS_LABEL } from '../labels.js';
import { fieldLabel } from '../taxonomy/taxonomy.js';

/** What {@link eventFieldNames} reads of an event (an `Event` or anything shaped like it). */
export interface EventFieldsLike {
  fields: readonly string[];
  pathways: readonly string[];
  allFields?: boolean;
}

/**
 * The field names an event is shown with: "All fields" first for an event open to every field, then the names of
 * its clusters and pathways (unknown ids left out).
 */
export function eventFieldNames(event: EventFieldsLike): string[] {
  const names = [...event.fields, ...event.pathways]
    .map((id) => fieldLabel(id))
    .filter((name): name is string => name !== undefined);
  return event.allFields ? [ALL_FIELDS_LABEL, ...names] : names;
}

/** A cluster's short name as it reads mid-sentence ("Where health care hiring managers go"), but "IT" stays "IT". */
export const fieldNameInSentence = (shortName: string): string =>
  /^\p{Lu}\p{Ll}/u.test(shortName) ? shortName.charAt(0).toLowerCase() + shortName.slice(1) : shortName;
