/**
 * The digest's words, shared by every platform through the message outline, so all say the same
 * thing; each platform only decides how a heading, a paper and a count are marked up.
 */
import type { Paper } from "../types.ts";
import { DIGEST_TITLE, type Digest } from "./digest.ts";

/** The heading over the featured paper's discussion questions. */
export const QUESTIONS_HEADING = "Questions to start the discussion";
/** The heading over the papers added since the last digest. */
export const ADDED_HEADING = "New since the last digest";
/** The heading over the papers people asked about most since the last digest. */
export const ASKED_HEADING = "Most asked since the last digest";
/** Said instead of a featured paper, which a digest lacks only when the corpus is empty. */
export const NO_FEATURED =
  "There are no paper summaries in the corpus yet, so this digest has no paper to feature.";

/** The digest's heading line: "Reading group digest · 23 November 2026". */
export function digestHeading(digest: Digest): string {
  return `${DIGEST_TITLE} · ${digest.dateLabel}`;
}

/**
 * "and 3 more" under the added papers when `shown` of them were listed, or "" when all were
 * ("3 papers" when none were). Renderers pass what they actually showed, which their limits may
 * make fewer than `added.length`.
 */
export function moreAdded(digest: Digest, shown: number): string {
  return moreItems(Math.max(digest.addedTotal, digest.added.length), shown);
}

/**
 * "and 3 more" under a list of papers that shows `shown` of `total`, "3 papers" when it shows
 * none, or "" when it shows them all.
 */
export function moreItems(total: number, shown: number): string {
  const more = total - shown;
  if (more <= 0) return "";
  return shown > 0 ? `and ${more} more` : `${more} paper${more === 1 ? "" : "s"}`;
}

/**
 * " · abstract only" after a new paper whose summary is its abstract (imported, not yet
 * summarized by the group), or "" for a group summary.
 */
export function abstractOnlyMark(paper: Paper): string {
  return paper.summarySource === "abstract" ? " · abstract only" : "";
}

/** "1 question", "4 questions": how often a paper was asked about. */
export function questionCount(count: number): string {
  return `${count} question${count === 1 ? "" : "s"}`;
}
