import type { EventFormat, EventType, HiringSignal } from '@fieldguide/shared';
import { type ClassifyFieldsInput, classifyFields } from './classify-fields.js';
import { classifyType } from './classify-type.js';
import { type HiringSignalInput, hiringSignal } from './hiring-signal.js';

/** Everything the classifiers read of one event. */
export interface ClassifyEventInput extends Omit<ClassifyFieldsInput, 'organizerName'> {
  format?: EventFormat;
  /** The organizer's name, or the organizer as the event schema holds it. */
  organizer?: string | { name: string };
  association?: HiringSignalInput['association'];
  exhibitorsCount?: number;
}

/** An event's fields, pathways, type and hiring signal. */
export interface EventClassification {
  fields: string[];
  pathways: string[];
  type: EventType;
  hiring: HiringSignal;
}

/** Runs {@link classifyFields}, {@link classifyType} and {@link hiringSignal} (which needs the type) on one event. */
export function classifyEvent(input: ClassifyEventInput): EventClassification {
  const organizerName = typeof input.organizer === 'string' ? input.organizer : input.organizer?.name;
  const { fields, pathways } = classifyFields({ ...input, ...(organizerName ? { organizerName } : {}) });
  const type = classifyType(input);
  const hiring = hiringSignal({ ...input, type });
  return { fields, pathways, type, hiring };
}
