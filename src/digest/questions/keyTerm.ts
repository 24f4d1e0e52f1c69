import { STOP_WORDS } from "../../text/stopwords.ts";
import { foldText, processTerm, wordPieces } from "../../text/terms.ts";

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
 * Undefined when no salient phrase but the paper's own names comes back at least twice.
 */
export function keyPhrase(
  sentences: readonly string[],
  salience: ReadonlyMap<string, number>,
  aliases: readonly string[],
): string | undefined {
  // Explaining the paper's own name is explaining the paper: no prompt for a discussion.
  const names = new Set(aliases.map(foldText));
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
  let best: { text: string; value: number; words: number } | undefined;
  for (const phrase of phrases.values()) {
    const words = phrase.text.split(" ").length;
    // One everyday word ("weights", "scene") is too vague to explain; a technical one is not.
    // One word is a key term only as a name ("MixUp", "PGD"), not "weights" or "re-initialize",
    // nor a word that only starts a sentence ("Whether").
    if (phrase.count < 2 || (words === 1 && !/^.+\p{Lu}/u.test(phrase.text))) continue;
    if (names.has(foldText(phrase.text))) continue;
    const value = phrase.count * phrase.salience;
    // A phrase of two or three words names a thing more exactly than any one word: it wins.
    const better = !best || words > 1 !== best.words > 1 ? words > 1 : value > best.value;
    if (!best || better) best = { text: phrase.text, value, words };
  }
  return best?.text;
}
