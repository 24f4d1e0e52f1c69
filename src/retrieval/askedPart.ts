import { termsOf } from "../text/terms.ts";

/**
 * A question that first describes the paper it is about and then asks: the description (12
 * characters or more), a dash, colon, semicolon, comma, question mark or ellipsis, then a clause
 * that opens with a question word. "that network that eats raw point sets - how does it handle
 * any order?", "in the method that runs skip-gram over random walks, how do they avoid a full
 * softmax?", "the optimizer that nudges the weights first... how much compute does it cost?".
 */
const DESCRIBED_THEN_ASKED =
  /^.{12,}?(?:\s[-–—]+\s|[:;,?]\s+|(?:\.{2,}|…)\s*)((?:how|what|whats|why|where|which|when|who|does|do|did|is|are|was|were|can|could|should|would|will|any|isn't|doesn't|didn't)\b.*)$/is;

/**
 * The index terms of the part of a question that asks, when the question first describes its
 * paper (see {@link DESCRIBED_THEN_ASKED}); undefined for a question of any other shape. The
 * description finds the paper; the asking part says which of its passages answers.
 */
export function askedTerms(text: string): ReadonlySet<string> | undefined {
  const asked = DESCRIBED_THEN_ASKED.exec(text)?.[1];
  return asked === undefined ? undefined : new Set(termsOf(asked));
}

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
