/**
 * Summary sentences made into plain prose that a question can quote or rephrase: readable math,
 * no Markdown, links, citation marks or asides, and split into clauses.
 */
import { readableText } from "../../answer/readable.ts";
import { escapeRegExp } from "../../text/escapeRegExp.ts";

/** Longest inline formula (between `$`s) a question may show as Unicode, e.g. `\pi_b`. */
const MAX_MATH_CHARS = 12;
/** Share of a text's characters that may be symbols rather than words: more reads like math. */
const MAX_SYMBOL_SHARE = 0.04;

/**
 * "bootstrapping error accumulation reduction (BEAR)" → "BEAR": where a summary names the paper
 * and gives another of its names in brackets, the shorter name is kept. A question has no room
 * for both, and the asides are dropped next.
 */
function preferShortNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const long of names) {
    for (const short of names) {
      if (long === short) continue;
      const pair = new RegExp(`${escapeRegExp(long)}\\s*\\(${escapeRegExp(short)}\\)`, "gi");
      const keep = short.length < long.length ? short : long;
      out = out.replace(pair, keep);
    }
  }
  return out;
}

/**
 * Drops asides in brackets ("(like BCQ)", "(heh)"), innermost first, but not the brackets of
 * notation attached to a word ("p(z|x)", "log(n)") nor a bracketed name of the paper ("sparse
 * attention (SparseMax), which ..."), which says what the sentence is about. A bracket left open
 * runs to the end, as summaries leave asides unclosed; a stray closing bracket is dropped.
 */
function dropAsides(text: string, names: readonly string[]): string {
  const isName = (inner: string) =>
    names.some((name) => name.toLowerCase() === inner.toLowerCase());
  let out = text;
  for (let before = ""; before !== out; ) {
    before = out;
    out = out.replace(/\s+\(([^()]*)\)/g, (aside, inner: string) => (isName(inner) ? aside : ""));
  }
  out = out.replace(/\s+\([^()]*$/, "");
  let depth = 0;
  let kept = "";
  for (const char of out) {
    if (char === "(") depth++;
    if (char === ")" && depth === 0) continue;
    if (char === ")") depth--;
    kept += char;
  }
  return kept;
}

/** True when a text has more symbols than prose allows (formulas, tables, code). */
export function looksLikeMath(text: string): boolean {
  const symbols = text.match(/[^\p{L}\p{N}\s.,;:!?'"“”‘’()%/-]/gu)?.length ?? 0;
  return symbols > Math.max(1, text.length * MAX_SYMBOL_SHARE);
}

/**
 * One summary sentence as plain prose, or undefined when it leans on formulas. `names` are the
 * paper's aliases. Emphasis, code marks, link addresses, citation marks ("[1]") and asides go, and so do a
 * list's number and the sentence's final punctuation.
 */
export function plainSentence(sentence: string, names: readonly string[]): string | undefined {
  if (sentence.includes("$$")) return undefined;
  for (const math of sentence.matchAll(/\$([^$\n]+?)\$/g)) {
    if ((math[1] ?? "").length > MAX_MATH_CHARS) return undefined;
  }
  let text = readableText(sentence)
    .replace(/\s*\(https?:\/\/[^)\s]+\)/g, "")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/’/g, "'")
    .replace(/\b([Tt]here)'s\b/g, "$1 is")
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, "$1")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/\s*\[\d+(?:,\s*\d+)*\]/g, "");
  text = dropAsides(preferShortNames(text, names), names)
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/^(?:\d+[.)]|\(\d+\))\s+/, "")
    .replace(/\s+\d+\.$/, "")
    .replace(/[\s.,;:!]+$/, "")
    .trim();
  // A sentence wholly in brackets is an aside of the summary's, but still a sentence.
  if (/^\([^()]*\)$/.test(text)) text = text.slice(1, -1);
  if (text.length === 0 || looksLikeMath(text)) return undefined;
  return text;
}

/** The clauses of a plain sentence: its parts between semicolons, colons and dashes. */
export function clausesOf(text: string): string[] {
  return text
    .split(/;\s+|:\s+|\s+[-–—]+\s+/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.split(" ").length >= 3);
}

/** Words that open a sentence's lead-in ("However, ...", "In experiments, ..."). */
const LEAD_START =
  /^(?:however|hence|thus|therefore|so|but|and|also|then|again|finally|first|second|moreover|furthermore|additionally|overall|instead|here|now|in|on|at|for|with|after|before|based|as|to|by|from|under|unlike|like|despite|given|using|even|similar|turning|taking|coming|\p{L}+ly)\b/iu;
/** Hedges in front of a claim ("It does look like ..."): the claim is what a question asks about. */
const HEDGE =
  /^(?:it (?:does )?(?:seems?|looks?|appears?) (?:like|that|as if)|it(?: is|'s) (?:clear|true|likely) that|note that)\s+/i;
/** Connectives that make sense only after the sentence before ("will therefore be"). */
const CONNECTIVES = /,?\s+(?:therefore|thus|hence)\b,?/gi;

/**
 * A clause without its lead-in ("However, ", "In this paper, "), hedge ("It seems that ") or
 * connectives. A lead-in that states a condition ("If ...,") is kept: it changes the claim.
 */
export function coreClause(clause: string): string {
  let text = clause;
  for (let i = 0; i < 3; i++) {
    const lead = /^([^,]{1,70}),\s+/.exec(text);
    const before = text;
    if (lead?.[1] && LEAD_START.test(lead[1]) && lead[1].split(" ").length <= 10) {
      text = text.slice(lead[0].length);
    }
    text = text.replace(HEDGE, "");
    if (text === before) break;
  }
  // "seems to be" hedges a claim the question then asks about anyway.
  return text
    .replace(CONNECTIVES, "")
    .replace(/\b(?:seems|appears) to be\b/g, "is")
    .replace(/\b(?:seem|appear) to be\b/g, "are")
    .trim();
}

/** Where a clause turns into an aside or a reason, which a question leaves out. */
const ASIDE_START =
  /,?\s+(?:which|whereas|since|because|as (?:it|they)|while|although|so that)\s|,\s+(?:where|making|both|so|especially|compared|assuming|otherwise|regardless|even|i\.e|e\.g|though|such as)\b/i;

/**
 * A clause cut where an aside begins, so a question keeps to one claim. A clause is also cut at
 * ", and" or ", but" when it has no earlier comma (which would make that comma end a list), nor
 * a "not" that the "but" answers ("not X, but Y").
 */
export function mainClause(clause: string): string {
  let text = clause;
  const aside = ASIDE_START.exec(text);
  if (aside) text = text.slice(0, aside.index);
  const joint = /,\s+(?:and|but)\s/.exec(text);
  if (joint) {
    const head = text.slice(0, joint.index);
    if (!head.includes(",") && !/\bnot\b|n't\b/i.test(head)) text = head;
  }
  // "X is sampled and the classifier takes ...": a second clause, not a second noun.
  const second =
    /,? and (?:(?:in|on|at|for) \p{Ll}+ |then |also |so )?(?:the|a|an|its|their) [\p{L}-]+ (?:\p{Ll}+[^s\s]s|is|are|can|will) (?!of\b)/u.exec(
      text,
    );
  if (second) text = text.slice(0, second.index);
  return text.replace(/[\s,]+$/, "");
}
