import { type Static, Type } from '@sinclair/typebox';
import type { Source } from '../source/source.schema.js';

/** Whether Fieldguide gathers an association's events yet: what its sources say, never a guess. */
export const AssociationGatheringSchema = Type.Object(
  {
    sources: Type.Integer({ minimum: 0, description: 'event sources that name this association' }),
    enabledSources: Type.Integer({ minimum: 0, description: 'of those, the ones crawled' }),
    crawled: Type.Boolean({ description: 'whether any of its sources has been crawled at least once' }),
    eventsFound: Type.Integer({ minimum: 0, description: 'events its sources found on their last crawls' }),
  },
  { title: 'AssociationGathering' },
);
export type AssociationGathering = Static<typeof AssociationGatheringSchema>;

/** The gathering state of each association named by `sources`; an association no source names has none. */
export function gatheringByAssociation(sources: readonly Source[]): Map<string, AssociationGathering> {
  const byId = new Map<string, AssociationGathering>();
  for (const source of sources) {
    if (!source.associationId) continue;
    const state = byId.get(source.associationId) ?? { sources: 0, enabledSources: 0, crawled: false, eventsFound: 0 };
    state.sources += 1;
    if (source.enabled) state.enabledSources += 1;
    if (source.health.lastCrawledAt) state.crawled = true;
    state.eventsFound += source.health.eventsFound;
    byId.set(source.associationId, state);
  }
  return byId;
}

/** The gathering state of an association with no source yet. */
export const NO_GATHERING: Readonly<AssociationGathering> = Object.freeze({
  sources: 0,
  enabledSources: 0,
  crawled: false,
  eventsFound: 0,
});

/**
 * What to say of an association whose events are not gathered yet, in a sentence; undefined once a crawl of one
 * of its sources has found events. Never suggests an association has no events when it was simply not read.
 */
export function gatheringNote(gathering: AssociationGathering): string | undefined {
  if (gathering.crawled && gathering.eventsFound > 0) return undefined;
  if (gathering.sources === 0) {
    return 'Not yet crawled: Fieldguide knows no events page or calendar of this association yet; its website lists its events.';
  }
  if (gathering.enabledSources === 0) {
    return 'Not yet crawled: its events source is known but not enabled on this Fieldguide.';
  }
  if (!gathering.crawled) return 'Not yet crawled: its events source is enabled and is read on the next crawl.';
  return 'Its events source was read and listed no events.';
}
