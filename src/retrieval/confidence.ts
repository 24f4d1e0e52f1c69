import type { SearchResult as MiniSearchHit } from "minisearch";
import type { PaperIndex } from "./buildIndex.ts";

/** Credit for a query term matched only with a typo, relative to an exact match. */
const FUZZY_CREDIT = 0.8;

/** Inverse document frequency of a term over passages; a term no passage has weighs the most. */
export function idf(index: PaperIndex, term: string): number {
  const n = index.passages.length;
  const df = index.passageFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** How much of a query a result accounts for. */
export interface QueryCoverage {
  /** IDF-weighted share of the query's terms that the result matched, from 0 to 1. */
  share: number;
  /** Summed IDF of the matched terms: how much specific evidence there is. */
  matchedWeight: number;
}

/** Fields whose matches are evidence of coverage; a word anywhere in a long summary is not. */
const EVIDENCE_FIELDS = new Set(["text", "title", "aliases", "authors", "arxiv", "id"]);

/**
 * Measures how much of the query the given hits (a passage, a paper's names) matched, weighting
 * each query term by its IDF. A term that only matched after a typo was corrected (`typoTerms`)
 * earns a little less.
 */
export function measureCoverage(
  index: PaperIndex,
  queryTerms: readonly string[],
  hits: ReadonlyArray<MiniSearchHit | undefined>,
  typoTerms: ReadonlySet<string> = new Set(),
): QueryCoverage {
  const matched = new Set<string>();
  for (const hit of hits) {
    for (const term of hit?.terms ?? []) {
      if ((hit?.match[term] ?? []).some((field) => EVIDENCE_FIELDS.has(field))) matched.add(term);
    }
  }
  let total = 0;
  let matchedWeight = 0;
  for (const term of queryTerms) {
    const weight = idf(index, term);
    total += weight;
    if (matched.has(term)) matchedWeight += typoTerms.has(term) ? weight * FUZZY_CREDIT : weight;
  }
  return { share: total === 0 ? 0 : matchedWeight / total, matchedWeight };
}
