import { truncateAtWord } from "../display/truncate.ts";
import type { PaperIndex } from "../retrieval/buildIndex.ts";
import { introSentence, summarySentences } from "../retrieval/overview.ts";
import type { Paper } from "../types.ts";

/** What `/paper NAME` shows: who wrote the paper, where to read it, and what it is about. */
export interface PaperCard {
  /** The paper. */
  paper: Paper;
  /** A few sentences that introduce the paper, taken from its summary. */
  summary: string;
  /** The paper's key figure (the first one of its summary), if it has one. */
  figure?: string;
}

/** Longest card summary, in characters; it ends on a sentence boundary below this. */
export const CARD_SUMMARY_CHARS = 420;

/** Joins whole sentences within `limit` characters (at least one sentence, shortened to fit). */
export function leadingSentences(sentences: readonly string[], limit: number): string {
  let summary = "";
  for (const sentence of sentences) {
    const next = summary ? `${summary} ${sentence}` : sentence;
    if (next.length > limit) break;
    summary = next;
  }
  if (summary) return summary;
  return truncateAtWord(sentences[0] ?? "", limit);
}

/** Builds a paper's card: the summary from its intro sentence on, and its first figure. */
export function paperCard(index: PaperIndex, paper: Paper): PaperCard {
  const sentences = summarySentences(index, paper);
  return {
    paper,
    summary: leadingSentences(
      sentences.slice(introSentence(index, paper, false)),
      CARD_SUMMARY_CHARS,
    ),
    figure: paper.figures[0],
  };
}
