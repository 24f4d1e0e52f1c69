/**
 * The questions a summary asks itself: whole sentences ending in "?", and questions embedded in a
 * sentence ("there comes the question: how can we ...", "wondering how the gradient survives
 * this", "they test whether lottery tickets transfer").
 */
import { type ClauseContext, invert } from "./inversion.ts";
import { mainClause } from "./plainText.ts";

/** A question inside a sentence: "the question of how ...", "wondering how ...", "test whether ...". */
const EMBEDDED_QUESTION =
  /\b(?:questions?|wonder(?:s|ed|ing)?|asks?|asked|asking|tests?|tested|testing|examines?|investigates?|studies|explores?)\b(?:\s+(?:is|was|remains|of))?:?\s+(how|why|whether|what|which|when|where)\s+(.+)$/i;
/** Words that start a question. */
const QUESTION_START =
  /^(?:how|why|what|which|when|where|who|whether|is|are|do|does|did|can|could|should|would|will|other than)\b/i;
/** Auxiliaries that, right after a question word, show a question already in question order. */
const AUXILIARY =
  /^(?:is|are|was|were|do|does|did|can|could|should|would|will|must|might|may|has|have)$/i;

/** Longest question, in characters: it must read at a glance in a chat message. */
export const MAX_QUESTION_CHARS = 200;

/** Capitalizes a question and ends it with one question mark. */
export function asQuestion(text: string): string {
  const body = text.replace(/[\s?.,;:!]+$/, "");
  return `${body.charAt(0).toUpperCase()}${body.slice(1)}?`;
}

/**
 * The question a plain summary sentence asks, if any. A sentence ending in "?" is asked as it
 * stands, or from its colon on when what precedes only announces it ("The next question was:"),
 * if it is short enough.
 * An embedded question is put in question order ("how training models could lead to X" → "How
 * could training models lead to X?"), and only when that is safe (see `invert`).
 */
export function askedQuestion(plain: string, context: ClauseContext): string | undefined {
  if (plain.endsWith("?")) {
    const colon = plain.lastIndexOf(": ");
    const announced = colon > 0 && /question|ask|wonder/i.test(plain.slice(0, colon));
    const question = announced ? plain.slice(colon + 2) : plain;
    const fits = question.length <= MAX_QUESTION_CHARS;
    if (fits) return !announced || QUESTION_START.test(question) ? asQuestion(question) : undefined;
    // Too long to ask whole: its embedded question may do ("..., and I wonder whether X?").
  }
  const embedded = EMBEDDED_QUESTION.exec(plain);
  const wh = embedded?.[1]?.toLowerCase();
  const tail = (embedded?.[2] ?? "").split(/[:;]\s/)[0] ?? "";
  if (!wh || !tail) return undefined;
  // "the question: how can we ...": already in question order, asked as the summary asks it.
  if (wh !== "whether" && AUXILIARY.test(tail.split(" ")[0] ?? "")) {
    return asQuestion(`${wh} ${mainClause(tail)}`);
  }
  // "wondering how the gradient survives this, the answer is ...": the question ends at a comma.
  const parts = invert(tail.split(", ")[0] ?? "", context, true);
  if (!parts || parts.verb === "there") return undefined;
  const order = `${parts.aux} ${parts.subject} ${parts.rest}`;
  return asQuestion(wh === "whether" ? order : `${wh} ${order}`);
}
