/** A career pathway inside a cluster. `id` is `<cluster id>/<pathway slug>`. */
export interface Pathway {
  id: string;
  name: string;
  /** Other names people use for the pathway as a whole (matched as phrases). */
  synonyms: readonly string[];
  /** Words and phrases that point to the pathway when they appear in an event's text. */
  keywords: readonly string[];
}

/** One of the 16 National Career Clusters. */
export interface Cluster {
  id: string;
  name: string;
  /** A short label for chips and URLs' titles, e.g. "IT" or "Health care". */
  shortName: string;
  synonyms: readonly string[];
  keywords: readonly string[];
  pathways: readonly Pathway[];
}
