import { readableText } from "../../answer/readable.ts";
import { type PaperIndex, SUMMARY_FIELD } from "../../retrieval/buildIndex.ts";
import { findWords, foldText, processTerm, wordPieces } from "../../text/terms.ts";
import { specificity } from "../../text/wordRarity.ts";
import type { Paper } from "../../types.ts";

/**
 * How much each term of a paper's summary sets the paper apart, from 0 to 1 (its best term). A
 * term weighs by how often the summary says it (dampened), how few other summaries say it (IDF
 * over papers, not passages: a word every summary uses is no topic of this one), and how technical
 * its words are in everyday English ("mixup" over "thing").
 */
export function termSalience(index: PaperIndex, paper: Paper): Map<string, number> {
  const counts = new Map<string, number>();
  const technical = new Map<string, number>();
  // Formulas as Unicode and links left out: "\\mathbb" or an imgur address is no topic.
  const prose = readableText(paper.summary).replace(/https?:\/\/\S+/g, " ");
  for (const { word } of findWords(prose)) {
    for (const piece of wordPieces(word)) {
      const folded = foldText(piece);
      for (const term of processTerm(piece)) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        technical.set(term, Math.max(technical.get(term) ?? 0, specificity(folded)));
      }
    }
  }
  // A paper not (yet) in the index counts as one more document that has all its terms.
  const known = index.paperNumbers.has(paper.id);
  const n = index.paperSearch.documentCount + (known ? 0 : 1);
  const weights = new Map<string, number>();
  let best = 0;
  for (const [term, count] of counts) {
    if (/^\d/.test(term)) continue; // numbers are results to quote, not topics
    const df = index.paperSearch.documentFrequency(term, SUMMARY_FIELD) + (known ? 0 : 1);
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const weight = idf * (technical.get(term) ?? 1) * (1 + Math.log(count));
    weights.set(term, weight);
    best = Math.max(best, weight);
  }
  if (best > 0) for (const [term, weight] of weights) weights.set(term, weight / best);
  return weights;
}
