/** A career pathway inside a cluster. `id` is `<cluster id>/<pathway slug>`. */
export interface Pathway {
  id: string;
  name: string;
  /** Other names for the pathway as a whole, equivalent to its name (matched as phrases, both ways in search). */
  synonyms: readonly string[];
  /**
   * Terms people search or type that point to the pathway without meaning exactly it, e.g. "computer science"
   * for Programming and Software Development: search expands them to the pathway's name, never the reverse.
   */
  aliases: readonly string[];
  /** Words and phrases that point to the pathway when they appear in an event's text (the classifier's input). */
  keywords: readonly string[];
}

/** One of the 16 National Career Clusters. */
export interface Cluster {
  id: string;
  name: string;
  /** A short label for chips and URLs' titles, e.g. "IT" or "Health care". */
  shortName: string;
  /** Other names for the whole cluster, equivalent to its name (both ways in search). */
  synonyms: readonly string[];
  /** Terms that point to the cluster without meaning exactly it, e.g. "medical" → Health Science (one way). */
  aliases: readonly string[];
  /** Words and phrases of the field as a whole that appear in events' titles and descriptions. */
  keywords: readonly string[];
  pathways: readonly Pathway[];
}
