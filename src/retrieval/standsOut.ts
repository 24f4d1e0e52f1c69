import type { SearchResult } from "../types.ts";

/**
 * Coverage under which a best paper must stand out from the papers after it to be answered (see
 * {@link standsOut}). Above it the paper answers most of the question, however close the others.
 */
export const WEAK_COVERAGE = 0.45;

/**
 * Share of the best paper's ranking score that the third paper's must stay under for the best to
 * stand out (see {@link standsOut}).
 */
export const CROWDED_SCORE_SHARE = 0.7;

/** How many ranked papers {@link standsOut} reads: a search ranks at least these. */
export const STAND_OUT_RANKS = 3;

/**
 * True when the best of ranked results stands out from the rest: it covers the question well
 * ({@link WEAK_COVERAGE} or more), or the third paper scores under {@link CROWDED_SCORE_SHARE} of
 * what it scores. A question the corpus does not cover matches a few words of many summaries
 * about as well ("lora: which weight matrices get the low-rank adapters?" half-matched the
 * Sinkhorn notes' "low-rank kernels" and "domain adaptation", and other notes nearly as much); a
 * covered question, even in other words than its summary's, matches its own paper well ahead of
 * the third. The third, not the second: a paper and its closest neighbour (BCQ beside BEAR) often
 * score alike on a question about either.
 *
 * Chosen on the development and hold-out sets and the cross-corpus questions: at 0.45 and 0.7 no
 * single-corpus set lost a right answer, "together: notes dev" lost one, and 361 more of 17,908
 * cross-corpus questions were declined (77.7% to 79.7%); at 0.5 and 0.75 about as many were
 * declined and the together sets lost three; at 0.6 and 0.65, 900 more, but the together sets
 * lost 3 to 4 points of right answers: a growing corpus has many neighbours.
 */
export function standsOut(results: readonly SearchResult[]): boolean {
  const [best] = results;
  const third = results[STAND_OUT_RANKS - 1];
  if (!best || best.coverage >= WEAK_COVERAGE || !third || best.score <= 0) return true;
  return third.score < CROWDED_SCORE_SHARE * best.score;
}
