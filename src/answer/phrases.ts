import type { Inline } from "../outline/outline.ts";
import type { Paper } from "../types.ts";
import type { ListReply, NotFoundReply } from "./reply.ts";

/**
 * What the bot says when the summaries do not answer, in words every renderer shares; each
 * platform only decides how a paper and the asker's words are marked up.
 */

/**
 * How a citation names the paper: "arXiv 1905.02249", else "DOI 10.1016/...", else nothing (the
 * link then says where it is).
 */
export function paperIdentifier(paper: Paper): string | undefined {
  if (paper.arxiv) return `arXiv ${paper.arxiv}`;
  return paper.doi ? `DOI ${paper.doi}` : undefined;
}

/**
 * Venue and year, "NeurIPS 2019": the venue alone when it already says the year ("EMNLP 2014"),
 * the year in brackets when it says another ("ICLR 2015 (2014)", an arXiv year before the venue's).
 */
export function venueYear(paper: Paper): string {
  const said = /\b(?:19|20)\d\d\b/.exec(paper.venue)?.[0];
  if (said === undefined) return `${paper.venue} ${paper.year}`.trim();
  return said === String(paper.year) ? paper.venue : `${paper.venue} (${paper.year})`;
}

/** Venue, year and identifier: "NeurIPS 2019 · arXiv 1905.02249". */
export function venueLine(paper: Paper): string {
  return [venueYear(paper), paperIdentifier(paper)].filter(Boolean).join(" · ");
}

/**
 * The note on a card or answer whose summary is the paper's abstract (`summary: abstract`), so
 * no one takes it for the group's summary; undefined for a group summary.
 */
export function summarySourceNote(paper: Paper): string | undefined {
  return paper.summarySource === "abstract"
    ? "Summary from the abstract: no one in the group has summarized this paper yet."
    : undefined;
}

/** The heading over other papers that answer the question too. */
export const RELATED_HEADING = "Also relevant";

/** "A, B, C" or "A, B, C et al." for longer author lists: how every platform cuts a byline. */
export function shortAuthors(authors: readonly string[], max = 3): string {
  return authors.length > max ? `${authors.slice(0, max).join(", ")} et al.` : authors.join(", ");
}

/** The note under an answer that came from the thread's paper rather than a name in the question. */
export function fromThreadNote(paper: Paper): string {
  return `Answered from ${paper.title}, this thread's paper. Name another paper to switch.`;
}

/** The note under papers set side by side. */
export const COMPARE_NOTE =
  "Each passage is that paper's own summary answering your question; ask about one to go on with it.";

/** The heading over an answer's second passage, from elsewhere in the same summary. */
export const MORE_HEADING = "Also in this summary";

/** The line under `/paper list`: how many papers there are, and how to see one. */
export function listSummary(reply: ListReply): Inline[] {
  const name = { code: "/paper NAME" };
  return reply.total > reply.papers.length
    ? [`Newest ${reply.papers.length} of ${reply.total} papers. `, name, " finds any of them."]
    : [`${reply.total} paper${reply.total === 1 ? "" : "s"}. `, name, " shows one."];
}

/**
 * The note under an answer that left the thread's paper: its summary did not cover the question,
 * another paper's does, and the thread follows that paper now.
 */
export function movedOnNote(from: Paper, to: Paper): string {
  return `${from.title} (this thread's paper) doesn't cover that, so this answer is from ${to.title}; follow-ups here now go to it.`;
}

/** The hint under a "not found" reply. */
export const NOT_FOUND_HINT = "Try `/paper list` to see every paper, or `/paper help`.";

/** The heading over the nearest papers: names that look alike, or papers that come closest. */
export function nearestHeading(reply: NotFoundReply): string {
  return reply.asked === "name" ? "Did you mean" : "Nearest papers";
}

/** The line over the card of a paper `/paper add` wrote to the corpus. */
export const ADDED_OPENING = "Added to our papers: ask about it now.";

/** The line over the card of a paper `/paper add` found in the corpus already. */
export const ALREADY_ADDED_OPENING = "We have this paper already; nothing was added.";
