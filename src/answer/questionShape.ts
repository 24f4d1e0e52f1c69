/**
 * The shape of a question, where it changes what a good reply is: "who wrote X" wants the
 * paper's authors (its card), and a question about the whole corpus ("do we have anything on
 * semi-supervised learning?") is not about the paper a thread happens to be on.
 */

/** What a question asks for, beyond its words. */
export type QuestionShape =
  /** "who wrote X", "authors of X": `subject` is X. */
  | { kind: "authors"; subject: string }
  /** "do we have anything on T", "which papers use T": the whole corpus. */
  | { kind: "corpus" }
  /** Anything else: a question about a paper, or the thread's paper. */
  | { kind: "plain" };

const AUTHORS =
  /^\s*(?:who\s+(?:wrote|authored|are\s+the\s+authors\s+of|is\s+behind|did)|(?:the\s+)?authors?\s+of|who\s+are\s+the\s+authors\s+of)\s+(?:the\s+)?(.+?)(?:\s+paper)?\s*\??\s*$/i;

const CORPUS =
  /\b(?:do\s+we\s+have|have\s+we\s+(?:got|read|covered)|is\s+there\s+(?:anything|a\s+paper|any\s+paper)|anything\s+(?:on|about)|any\s+(?:papers?|summar(?:y|ies))|which\s+(?:papers?|summar(?:y|ies))|what\s+papers?|papers?\s+(?:on|about|that|which)|(?:in|across)\s+(?:the|our|all\s+(?:the\s+)?)\s*(?:corpus|summaries|papers))\b/i;

/** Reads the shape of a question (see {@link QuestionShape}). */
export function questionShape(text: string): QuestionShape {
  const authors = AUTHORS.exec(text);
  if (authors?.[1]) return { kind: "authors", subject: authors[1].trim() };
  if (CORPUS.test(text)) return { kind: "corpus" };
  return { kind: "plain" };
}
