import { classifyEvent } from '../classify/classify-event.js';
import type { Classification, Classifier, ClassifierInput } from './classifier.js';

/** The crawler's classifier (`classify/`), fed with what the pipeline knows of an event and its source. */
export const defaultClassifier: Classifier = (input: ClassifierInput): Classification =>
  classifyEvent({
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    ...(input.format ? { format: input.format } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.typeHint ? { typeHint: input.typeHint } : {}),
    ...(input.fields ? { sourceFields: input.fields } : {}),
    ...(input.pathways ? { sourcePathways: input.pathways } : {}),
    ...(input.organizerName ? { organizer: input.organizerName } : {}),
    ...(input.association ? { association: input.association } : {}),
    ...(input.venueKnown !== undefined ? { venueKnown: input.venueKnown } : {}),
  });
