import { truncateAtWord } from "../display/truncate.ts";
import type { PaperIndex } from "../retrieval/buildIndex.ts";
import {
  introSentence,
  isOverviewLabel,
  namedOverview,
  summarySentences,
} from "../retrieval/overview.ts";
import { lineIndent, noteLines } from "../retrieval/passageTopics.ts";
import { splitSentences } from "../text/sentences.ts";
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

/**
 * Joins whole parts within `limit` characters (at least the first, shortened to fit): sentences
 * with a space, or the lines of a list with a line break.
 */
export function leadingParts(parts: readonly string[], limit: number, separator = " "): string {
  let summary = "";
  for (const part of parts) {
    const next = summary ? `${summary}${separator}${part}` : part;
    if (next.length > limit) break;
    summary = next;
  }
  if (summary) return summary;
  return truncateAtWord(parts[0] ?? "", limit);
}

/**
 * The overview passage's lines as a card shows them: without a first line that only names the
 * part ("- What"), its bullets moved out by as much.
 */
function overviewLines(text: string): string[] {
  let lines = text.split("\n").filter((line) => line.trim() !== "");
  const [first = ""] = lines;
  if (lines.length > 1 && isOverviewLabel(first)) {
    // Only what the label holds: a short summary's passage goes on to "- How".
    const depth = lineIndent(first);
    const end = lines.findIndex((line, at) => at > 0 && lineIndent(line) <= depth);
    lines = lines.slice(1, end < 0 ? undefined : end);
  }
  const indent = Math.min(...lines.map((line) => lineIndent(line)));
  return lines.map((line) => line.slice(indent));
}

/**
 * What a card says of a paper. Notes that name their overview part (see `namedOverview`) give
 * that part, a list kept as a list, and nothing past its end: sentences run on across bullets and
 * headings read "...on most tasks How Fix 1: clipped double Q-learning...". Running prose gives
 * its sentences from the one that introduces the paper.
 */
function cardSummary(index: PaperIndex, paper: Paper): string {
  const overview = namedOverview(index.passagesByPaper.get(paper.id) ?? []);
  if (overview) {
    const lines = overviewLines(overview.text);
    if (noteLines(lines.join("\n")).some((line) => line.bullet)) {
      return leadingParts(lines, CARD_SUMMARY_CHARS, "\n");
    }
    return leadingParts(splitSentences(lines.join("\n")), CARD_SUMMARY_CHARS);
  }
  const sentences = summarySentences(index, paper);
  return leadingParts(sentences.slice(introSentence(index, paper, false)), CARD_SUMMARY_CHARS);
}

/** Builds a paper's card: what it is about (see {@link cardSummary}), and its first figure. */
export function paperCard(index: PaperIndex, paper: Paper): PaperCard {
  return { paper, summary: cardSummary(index, paper), figure: paper.figures[0] };
}
