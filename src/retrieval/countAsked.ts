import { findWords, termsOf } from "../text/terms.ts";

/** "how many <noun>" or "how much <noun>": the first word after is what is counted. */
const HOW_MANY = /\bhow\s+(?:many|much)\s+([\p{L}][\p{L}\d-]*)/iu;

/** Most words between a figure and the thing it counts: "17 heroes", "64 experts per", "5 steps". */
const WORDS_AFTER_FIGURE = 2;

/**
 * The index terms of what a question counts ("heroes" of "how many heroes were allowed in the
 * pool?", "gpu" and "days" of "how many gpu-days did the search take?"), or undefined for a
 * question that counts nothing, or a verb ("how much does performance drop?": a stop word makes
 * no term).
 */
export function countedTerms(question: string): readonly string[] | undefined {
  const noun = HOW_MANY.exec(question)?.[1];
  if (noun === undefined) return undefined;
  // A compound counts by any of its parts: "gpu-days" is counted in "~0.45 GPU-days".
  const terms = termsOf(noun);
  return terms.length > 0 ? terms : undefined;
}

/**
 * True when `text` writes a figure just before a word of `counted` (see {@link countedTerms}):
 * "pool of **17 heroes**", "**64 experts** per MoE layer", "~0.45 GPU-days". Such a line gives
 * the count asked for; another passage may match the question's other words as well ("the bot
 * API... max-pooled over units") and give no count of it.
 */
export function countsIn(text: string, counted: readonly string[]): boolean {
  const words = findWords(text);
  const counts = (at: number) => termsOf(words[at]?.word ?? "").some((t) => counted.includes(t));
  for (let i = 0; i < words.length; i++) {
    if (!/\d/.test(words[i]?.word ?? "")) continue;
    for (let j = i + 1; j <= i + WORDS_AFTER_FIGURE && j < words.length; j++)
      if (counts(j)) return true;
  }
  return false;
}
