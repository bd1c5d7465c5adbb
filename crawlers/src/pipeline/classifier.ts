import type { EventFormat, EventType, HiringSignal } from '@fieldguide/shared';

/** What the pipeline tells the classifier about an event. */
export interface ClassifierInput {
  title: string;
  description?: string;
  format?: EventFormat;
  tags?: readonly string[];
  /** schema.org Event subtype or the source's topic. */
  typeHint?: string;
  /** The source's own fields, always kept. */
  fields?: readonly string[];
  /** The source's own pathways, always kept. */
  pathways?: readonly string[];
  organizerName?: string;
  /** The association that hosts the event, when the source names one. */
  association?: { jobBoardUrl?: string };
  /** Whether the event has a place; false keeps the hiring signal from claiming "In person". */
  venueKnown?: boolean;
}

/** Fields, pathways, type and hiring signal of one event. */
export interface Classification {
  fields: string[];
  pathways: string[];
  type: EventType;
  hiring: HiringSignal;
  /** Open to every field; `fields` and `pathways` are then empty. Absent: false. */
  allFields?: boolean;
  /** False for a hobby, leisure or family event. Absent: true. */
  careerRelevant?: boolean;
  relevanceReason?: string;
}

/** Classifies one event; must not throw on odd text. */
export type Classifier = (input: ClassifierInput) => Classification;
