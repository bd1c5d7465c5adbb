// The web app restates the server's response shapes (web/src/lib/api-types.ts: it reaches the server over HTTP
// only). This file fails the type check when the two drift apart: same properties, each of exactly the same type.
import type { AssociationDetail } from '../../server/src/routes/associations/index.js';
import type { EventDetail } from '../../server/src/routes/events/index.js';
import type { FieldsResponse } from '../../server/src/routes/fields/index.js';
import type { SuggestResponse } from '../../server/src/routes/suggest/index.js';
import type * as server from '../../server/src/search/schemas.js';
import type * as web from '../../web/src/lib/api-types.js';

/** True when A and B are the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/**
 * {@link Same}, or, as TypeBox's `Static` spells some objects differently: arrays of equal elements, or objects
 * with the same property names whose types are equal in turn.
 */
type Equal<A, B> =
  Same<A, B> extends true
    ? true
    : [A, B] extends [readonly (infer E)[], readonly (infer F)[]]
      ? Equal<E, F>
      : [A, B] extends [object, object]
        ? SameShape<A, B>
        : false;
type SameShape<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? { [K in keyof A & keyof B]: Equal<A[K], B[K]> }[keyof A & keyof B] extends true
      ? true
      : false
    : false
  : false;
type Check<T extends true> = T;

export type Contract = [
  Check<Equal<web.EventHit, server.EventHit>>,
  Check<Equal<web.EventFacets, server.EventFacets>>,
  Check<Equal<web.EchoedSearchQuery, server.EchoedSearchQuery>>,
  Check<Equal<web.EventSearchResponse, server.EventSearchResponse>>,
  Check<Equal<web.AssociationHit, server.AssociationHit>>,
  Check<Equal<web.AssociationSearchResponse, server.AssociationSearchResponse>>,
  Check<Equal<web.EventDetail, EventDetail>>,
  Check<Equal<web.AssociationDetail, AssociationDetail>>,
  Check<Equal<web.FieldsResponse, FieldsResponse>>,
  Check<Equal<web.SuggestResponse, SuggestResponse>>,
];
