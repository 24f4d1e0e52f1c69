import { foldText, processTerm } from "../text/terms.ts";
import { isCommonWord, isLabName } from "../text/wordRarity.ts";

/**
 * A question whose subject is a part of a named work: "how does IMPALA's v-trace correction
 * work", "why does CLIP's contrastive loss need huge batches", "how is COMA's counterfactual
 * baseline computed". The word before the "'s" is the work.
 */
const OWNED_SUBJECT =
  /^\W*(?:(?:so|and|but|ok|okay|hey|also|then|now|q)\W+)?(?:how|why|what|when|where|which)\s+(?:does|do|did|is|are|was|were|can|could|would|will|should|has|have)\s+(?:the\s+)?([\p{L}\d][\p{L}\d.+-]*)['’]s\b/iu;

/**
 * The index terms of the work a question asks about by its subject's owner ("IMPALA" of "how
 * does IMPALA's v-trace correction work"), or none. Not a lab ("how does openai's clip model
 * learn"), an author (`isAuthor`: "what did Hadi Salman's group add") or an everyday word not
 * written as a name ("how does the model's loss..."): those say where a work is from or what it
 * is, not which work.
 */
export function ownerAsked(
  question: string,
  isAuthor: (term: string) => boolean,
): readonly string[] {
  const owner = OWNED_SUBJECT.exec(question)?.[1];
  if (!owner) return [];
  const folded = foldText(owner).toLowerCase();
  if (isLabName(folded)) return [];
  const writtenAsName = /\p{Lu}/u.test(owner.slice(1)) || /\d/.test(owner);
  if (!writtenAsName && isCommonWord(folded)) return [];
  const terms = processTerm(owner);
  return terms.some(isAuthor) ? [] : terms;
}
