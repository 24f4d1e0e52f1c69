import { STOP_WORDS } from "../text/stopwords.ts";
import { foldText, processTerm, wordPieces } from "../text/terms.ts";

/** Least salience (see `termSalience`) every word of a key phrase must have. */
const MIN_WORD_SALIENCE = 0.3;
/** Longest key phrase, in words. */
const MAX_PHRASE_WORDS = 3;

interface Phrase {
  /** The phrase as the summary first writes it. */
  text: string;
  count: number;
  /** Mean salience of its words. */
  salience: number;
}

/** Least salience of a word's terms; 0 for a stop word or a word with no terms. */
function wordSalience(word: string, salience: ReadonlyMap<string, number>): number {
  if (STOP_WORDS.has(foldText(word))) return 0;
  const terms = wordPieces(word).flatMap((piece) => [...processTerm(piece)]);
  if (terms.length === 0) return 0;
  return Math.min(...terms.map((term) => salience.get(term) ?? 0));
}

/**
 * The paper's key phrase: the run of one to three salient words (see `termSalience`) that its
 * summary repeats most, weighted by how salient the words are ("gradient reversal layer",
 * "information bottleneck"). Runs stop at punctuation, so a phrase never spans two clauses.
 * Undefined when no salient phrase comes back at least twice.
 */
export function keyPhrase(
  sentences: readonly string[],
  salience: ReadonlyMap<string, number>,
): string | undefined {
  const phrases = new Map<string, Phrase>();
  for (const sentence of sentences) {
    for (const run of sentence.split(/[^\p{L}\p{N}\s'-]+/u)) {
      const words = run.split(/\s+/).filter((word) => /[\p{L}]/u.test(word));
      const weights = words.map((word) => wordSalience(word, salience));
      for (let start = 0; start < words.length; start++) {
        for (let n = 1; n <= MAX_PHRASE_WORDS && start + n <= words.length; n++) {
          const window = weights.slice(start, start + n);
          if (window.some((weight) => weight < MIN_WORD_SALIENCE)) break;
          const text = words.slice(start, start + n).join(" ");
          const key = foldText(text);
          const mean = window.reduce((sum, weight) => sum + weight, 0) / n;
          const seen = phrases.get(key) ?? { text, count: 0, salience: mean };
          seen.count++;
          phrases.set(key, seen);
        }
      }
    }
  }
  let best: { text: string; value: number } | undefined;
  for (const phrase of phrases.values()) {
    if (phrase.count < 2) continue;
    // A longer phrase names a thing more exactly than any one of its words.
    const words = phrase.text.split(" ").length;
    const value = phrase.count * phrase.salience * (1 + 0.5 * (words - 1));
    if (!best || value > best.value) best = { text: phrase.text, value };
  }
  return best?.text;
}
