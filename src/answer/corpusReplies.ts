/**
 * Replies about more than one paper: every paper that covers a topic ("which papers use MMD?"),
 * and papers side by side ("BEAR vs BCQ: how do they constrain the policy?").
 */
import { findMentions } from "../lookup/findMentions.ts";
import type { PaperIndex } from "../retrieval/buildIndex.ts";
import { coveringPapers, searchPaper } from "../retrieval/search.ts";
import type { Paper } from "../types.ts";
import { sectionPath, snippetOf } from "./excerpts.ts";
import { readableSegments } from "./readable.ts";
import type { ComparedPaper, CompareReply, PapersReply } from "./reply.ts";

/** Most papers a "which papers" reply lists; it says how many more there are. */
export const MAX_PAPERS_LISTED = 10;
/** Most papers set side by side. */
export const MAX_COMPARED = 3;

/**
 * Every paper that covers the topic, one line each with the passage that shows it; undefined when
 * fewer than two do (one paper is an ordinary answer, none a "not found").
 */
export function papersReply(
  index: PaperIndex,
  question: string,
  topic: string,
): PapersReply | undefined {
  if (!topic) return undefined;
  const covering = coveringPapers(index, topic);
  if (covering.length < 2) return undefined;
  return {
    kind: "papers",
    audience: "channel",
    question,
    topic,
    papers: covering
      .slice(0, MAX_PAPERS_LISTED)
      .map((r) => ({ paper: r.paper, snippet: snippetOf(r.passage.text) })),
    total: covering.length,
  };
}

/**
 * The papers a comparison names, each with its own best passage for the question (its
 * introduction when the question asks nothing beyond the comparison); undefined unless it names
 * two or more papers.
 */
export function compareReply(index: PaperIndex, question: string): CompareReply | undefined {
  const papers: Paper[] = [];
  for (const mention of findMentions(index.names, question)) {
    if (mention.by === "author" || papers.includes(mention.paper)) continue;
    papers.push(mention.paper);
  }
  if (papers.length < 2) return undefined;
  const sides: ComparedPaper[] = [];
  for (const paper of papers.slice(0, MAX_COMPARED)) {
    const result = searchPaper(index, question, paper.id);
    if (!result) continue;
    const [figure] = result.passage.figures;
    sides.push({
      paper,
      passage: readableSegments(result.highlighted),
      ...(result.passage.headings?.length ? { section: sectionPath(result.passage.headings) } : {}),
      ...(figure ? { figure } : {}),
    });
  }
  return sides.length >= 2 ? { kind: "compare", audience: "channel", question, sides } : undefined;
}
