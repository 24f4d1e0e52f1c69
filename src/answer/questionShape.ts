/**
 * The shape of a question, where it changes what a good reply is: "who wrote X" wants the
 * paper's authors (its card), and a question about the whole corpus ("do we have anything on
 * semi-supervised learning?") is not about the paper a thread happens to be on.
 */

/** What a question asks for, beyond its words. */
export type QuestionShape =
  /** "who wrote X", "authors of X": `subject` is X. */
  | { kind: "authors"; subject: string }
  /** "do we have anything on T", "which papers use T": the whole corpus; `topic` is T. */
  | { kind: "corpus"; topic: string }
  /** "A vs B", "compare A and B", "difference between A and B": papers side by side. */
  | { kind: "compare" }
  /** Anything else: a question about a paper, or the thread's paper. */
  | { kind: "plain" };

const AUTHORS =
  /^\s*(?:who\s+(?:wrote|authored|are\s+the\s+authors\s+of|is\s+behind|did)|(?:the\s+)?authors?\s+of|who\s+are\s+the\s+authors\s+of)\s+(?:the\s+)?(\S.*?)(?:\s+paper)?\s*\??\s*$/i;

const CORPUS =
  /\b(?:do\s+we\s+have|have\s+we\s+(?:got|read|covered)|is\s+there\s+(?:anything|a\s+paper|any\s+paper)|anything\s+(?:on|about)|any\s+(?:papers?|summar(?:y|ies))|which\s+(?:papers?|summar(?:y|ies))|what\s+papers?|papers?\s+(?:on|about|that|which)|(?:in|across)\s+(?:the|our|all\s+(?:the\s+)?)\s*(?:corpus|summaries|papers))\b/i;

const COMPARE =
  /\b(?:compare[sd]?|comparison|comparing|vs\.?|versus|differences?\s+between|differ(?:s|ent)?\s+from|compared\s+(?:to|with)|better\s+than|worse\s+than)(?=\s|$|[?.,:;!])/i;

/** Words that say how a paper relates to a topic, not what the topic is ("which papers *use* MMD"). */
const RELATION_WORDS =
  /\b(?:use[sd]?|using|cover(?:s|ed)?|discuss(?:es|ed)?|mention(?:s|ed)?|talk(?:s|ed)?|deal(?:s|t)?|address(?:es|ed)?|propose[sd]?|stud(?:y|ies|ied)|apply|applies|applied|involve[sd]?|do|does|did|have|has|had|anything|something|any|on|about|with|in|for|to|the|a|an|our|we|us|there|is|are|summar(?:y|ies)|corpus|papers?)\b/gi;

/** {@link CORPUS} for every place it stands, to take them out of a topic. */
const CORPUS_EVERYWHERE = new RegExp(CORPUS.source, "gi");

/** The topic of a question about the whole corpus: "which papers use MMD?" asks of "MMD". */
function topicOf(text: string): string {
  return text
    .replace(CORPUS_EVERYWHERE, " ")
    .replace(RELATION_WORDS, " ")
    .replace(/[?!.,;:]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Reads the shape of a question (see {@link QuestionShape}). */
export function questionShape(text: string): QuestionShape {
  const authors = AUTHORS.exec(text);
  if (authors?.[1]) return { kind: "authors", subject: authors[1].trim() };
  if (CORPUS.test(text)) return { kind: "corpus", topic: topicOf(text) };
  if (COMPARE.test(text)) return { kind: "compare" };
  return { kind: "plain" };
}
