import { termsOf } from "../text/terms.ts";

/**
 * A question that first describes the paper it is about and then asks: the description (12
 * characters or more), a dash, colon, semicolon, comma, full stop, question mark or ellipsis, then
 * a clause that opens with a question word. "that network that eats raw point sets - how does it
 * handle any order?", "in the method that runs skip-gram over random walks, how do they avoid a
 * full softmax?", "the optimizer that nudges the weights first... how much compute does it
 * cost?", "Google had a CLIP-like dual encoder trained on raw alt-text. What filtering did they
 * apply?" (read so, notes6 dev gained 3 answering passages and lost none anywhere).
 */
const DESCRIBED_THEN_ASKED =
  /^.{12,}?(?:\s[-–—]+\s|[:;,?.]\s+|(?:\.{2,}|…)\s*)((?:how|what|whats|why|where|which|when|who|does|do|did|is|are|was|were|can|could|should|would|will|any|isn't|doesn't|didn't)\b.*)$/is;

/**
 * The index terms of the part of a question that asks, when the question describes its paper:
 * first (see {@link DESCRIBED_THEN_ASKED}), or in a noun phrase inside it (see
 * {@link DESCRIBED_INSIDE}: the rest of the question asks); undefined for a question of any other
 * shape. The description finds the paper; the asking part says which of its passages answers.
 */
export function askedTerms(text: string): ReadonlySet<string> | undefined {
  const asked = DESCRIBED_THEN_ASKED.exec(text)?.[1];
  if (asked !== undefined) return new Set(termsOf(asked));
  const described = DESCRIBED_INSIDE.exec(text);
  if (!described) return undefined;
  const at = described.index;
  return new Set(termsOf(`${text.slice(0, at)} ${text.slice(at + described[0].length)}`));
}

/**
 * A description inside a question: "how does the deepmind amino-acid-sequence-to-3d-fold model
 * do when...", "why did the part-whole vector neuron model do so poorly on...": a determiner,
 * two to ten words that are no function word (a clause, "the PGD objective tractable when the
 * classifier", is no description; nor is "the convergence proof in the adam paper", whose proof
 * is what is asked), then a noun that papers are called by. Not "one": "as well as the full
 * second-order one" compares.
 */
const DESCRIBED_INSIDE =
  /\b(?:the|that|this)\s+(?:(?!(?:the|a|an|when|where|which|that|this|is|are|was|were|do|does|did|to|of|in|on|at|by|with|for|and|or|but|if|how|why|what|as|than|it|they|you)\b)[^\s?,;:]+\s+){2,10}?(?:paper|model|method|net|network|approach|architecture|detector|generator|classifier|agent|optimizer|framework|algorithm)\b/i;

/**
 * Fewest index terms of a description that can pick out a paper: "quick question - how does BERT
 * mask?" opens with no description at all.
 */
const DESCRIPTION_TERMS = 4;

/**
 * Where the asking part of a question that first describes its paper starts (see
 * {@link DESCRIBED_THEN_ASKED}), when the description says enough to pick out a paper; undefined
 * for a question of any other shape.
 */
export function askingPartStart(text: string): number | undefined {
  const asked = DESCRIBED_THEN_ASKED.exec(text)?.[1];
  if (asked === undefined) return undefined;
  const start = text.length - asked.length;
  return termsOf(text.slice(0, start)).length >= DESCRIPTION_TERMS ? start : undefined;
}
