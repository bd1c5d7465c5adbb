import type { EventFormat, EventType, HiringSignal } from '@fieldguide/shared';
import { isOpenToAllFields } from './all-fields.js';
import { careerRelevance } from './career-relevance.js';
import { type ClassifyFieldsInput, classifyFields } from './classify-fields.js';
import { classifyType } from './classify-type.js';
import { HIRING_REASONS, type HiringSignalInput, hiringSignal } from './hiring-signal.js';

/** Everything the classifiers read of one event. */
export interface ClassifyEventInput extends Omit<ClassifyFieldsInput, 'organizerName'> {
  format?: EventFormat;
  /** The organizer's name, or the organizer as the event schema holds it. */
  organizer?: string | { name: string };
  association?: HiringSignalInput['association'];
  exhibitorsCount?: number;
  /** False when the event has no place: the hiring signal then claims nothing of being there in person. */
  venueKnown?: boolean;
}

/** An event's fields, pathways, type, hiring signal, and whether it is for every field and has a career purpose. */
export interface EventClassification {
  /** Cluster ids; empty for an event open to all fields. */
  fields: string[];
  pathways: string[];
  type: EventType;
  hiring: HiringSignal;
  /** Open to every field (see {@link isOpenToAllFields}); such an event keeps no fields of its own. */
  allFields: boolean;
  /** False for a hobby, leisure or family event (see {@link careerRelevance}). */
  careerRelevant: boolean;
  /** Why the event is not career-relevant, when it is not. */
  relevanceReason?: string;
}

// Reasons that follow from the format alone, and say nothing of a professional purpose.
const FORMAT_REASONS: ReadonlySet<string> = new Set([
  HIRING_REASONS.inPerson,
  HIRING_REASONS.hybrid,
  HIRING_REASONS.onlineOnly,
]);

/**
 * Runs {@link classifyFields}, {@link classifyType} and {@link hiringSignal} (which needs the type) on one event,
 * then {@link careerRelevance} and {@link isOpenToAllFields}, which read what those found.
 */
export function classifyEvent(input: ClassifyEventInput): EventClassification {
  const organizerName = typeof input.organizer === 'string' ? input.organizer : input.organizer?.name;
  const classified = classifyFields({ ...input, ...(organizerName ? { organizerName } : {}) });
  const type = classifyType(input);
  const hiring = hiringSignal({ ...input, type });
  const text = {
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    tags: [...(input.tags ?? []), ...(input.keywords ?? [])],
  };
  const sourceFields = [...(input.sourceFields ?? []), ...(input.sourcePathways ?? [])];
  const relevance = careerRelevance({
    ...text,
    type,
    sourceFields,
    hiringEvidence: hiring.reasons.some((r) => !FORMAT_REASONS.has(r)),
  });
  const allFields =
    relevance.careerRelevant &&
    isOpenToAllFields({
      ...text,
      type,
      fields: classified.fields,
      titleFields: classified.fields.length > 0 ? classifyFields({ title: input.title }).fields : [],
      sourceFields,
    });
  return {
    fields: allFields ? [] : classified.fields,
    pathways: allFields ? [] : classified.pathways,
    type,
    hiring,
    allFields,
    careerRelevant: relevance.careerRelevant,
    ...(relevance.reason ? { relevanceReason: relevance.reason } : {}),
  };
}
