import { CONFIDENCE_THRESHOLD } from "../retrieval/search.ts";
import { truncateAtWord } from "../text/truncate.ts";
import type { Paper, SearchResponse, SearchResult, TextSegment } from "../types.ts";
import type { PaperCard } from "./paperCard.ts";

/** Options of the plain-text renderers. */
export interface TextOptions {
  /** Wraps a highlighted query term (default: leaves it as it is). */
  mark?: (text: string) => string;
}

/** "A, B, C" or "A, B, C et al." for longer author lists. */
export function shortAuthors(authors: readonly string[], max = 3): string {
  return authors.length > max ? `${authors.slice(0, max).join(", ")} et al.` : authors.join(", ");
}

function citation(paper: Paper): string {
  return `${shortAuthors(paper.authors)} · ${paper.venue} ${paper.year} · ${paper.url}`;
}

function render(segments: readonly TextSegment[], mark: (text: string) => string): string {
  return segments.map((s) => (s.highlight ? mark(s.text) : s.text)).join("");
}

/** Length of the one-line teaser of a related paper. */
const SNIPPET_CHARS = 140;

/** Other results worth offering beside the answer: those that would be confident answers too. */
export function relatedResults(response: SearchResponse): SearchResult[] {
  return response.results.slice(1).filter((r) => r.coverage >= CONFIDENCE_THRESHOLD);
}

/** The answer to a question as plain text, as the bot says it. */
export function formatAnswerText(response: SearchResponse, options: TextOptions = {}): string {
  const mark = options.mark ?? ((text: string) => text);
  const [best] = response.results;
  if (!response.confident || !best) {
    const nearest = response.results.map((r) => `  • ${r.paper.title} (${r.paper.id})`);
    return [
      "I couldn't find that in our paper summaries.",
      ...(nearest.length > 0 ? ["Nearest papers:", ...nearest] : []),
      "Try `paperbot paper NAME` to look a paper up by name.",
    ].join("\n");
  }
  const lines = [best.paper.title, citation(best.paper), "", `  ${render(best.highlighted, mark)}`];
  const [figure] = best.passage.figures;
  if (figure) lines.push("", `  Figure: ${figure}`);
  const related = relatedResults(response);
  if (related.length > 0) {
    lines.push("", "Also relevant:");
    for (const r of related)
      lines.push(`  • ${r.paper.title}: ${truncateAtWord(r.passage.text, SNIPPET_CHARS)}`);
  }
  return lines.join("\n");
}

/** A paper card as plain text. */
export function formatCardText(card: PaperCard): string {
  const { paper } = card;
  const lines = [
    paper.title,
    paper.authors.join(", "),
    `${paper.venue} ${paper.year} · arXiv ${paper.arxiv} · ${paper.url}`,
  ];
  if (paper.aliases.length > 0) lines.push(`Also known as: ${paper.aliases.join(", ")}`);
  lines.push("", card.summary);
  if (card.figure) lines.push("", `Key figure: ${card.figure}`);
  return lines.join("\n");
}
