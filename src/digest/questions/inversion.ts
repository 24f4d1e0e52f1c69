/**
 * Turning a plain declarative clause into a question's word order ("the value can shoot up" →
 * "can the value shoot up"), for the clauses where that is safe without a parser: the verb is an
 * auxiliary ("is", "can", "has to"), or the subject is a name, the authors or a short noun phrase
 * followed by a present-tense verb.
 */
import { isEnglishWord } from "../../text/wordRarity.ts";

/** A clause in question order: `${aux} ${subject} ${rest}` asks what the clause states. */
export interface Inverted {
  /** The auxiliary that moves in front: "is", "can", "does", "can't", ... */
  aux: string;
  /** The subject, as it reads after the auxiliary ("the value of a KL divergence"). */
  subject: string;
  /** The rest of the clause, its verb in the base form where "does" took its tense. */
  rest: string;
  /** What kind of verb the clause had: `be` (is, are), `there` (there is), or any other. */
  verb: "be" | "there" | "other";
  /** The clause as it was, its subject as in `subject` ("the performance remains high"). */
  said: string;
}

/** What {@link invert} knows of the paper the clause is from. */
export interface ClauseContext {
  /** The paper's names: one may be the subject of any present-tense verb. */
  names: readonly string[];
  /** The paper's authors' surnames: "Kumar et al." is "the authors", "Cohen et al." is not. */
  surnames: readonly string[];
  /** True for a word the summary also writes in lower case: a capital only starts a sentence. */
  common: (word: string) => boolean;
}

/** Forms of "be" that move in front as they are ("is X crucial"). */
const BE = new Set(["is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't"]);
/** Modals and forms of "do": they move in front, and the verb after them stays as it is. */
const AUXILIARIES = new Set(
  "can could will would should must may might can't couldn't won't wouldn't shouldn't cannot does do doesn't don't".split(
    " ",
  ),
);
/** Words that start a noun phrase. */
const DETERMINERS = new Set(
  "the a an this that these those its their our each every some many most such both any all no".split(
    " ",
  ),
);
/** Words that stand for something said before: a question out of context cannot use them. */
const PRONOUNS = new Set(
  "it this that these those they them he she we you i which what who whom whose how why when where whether one here there".split(
    " ",
  ),
);
/** Heads of noun phrases that point back at what was said before ("the first", "the answer"). */
const VAGUE_HEADS = new Set(
  "first second last former latter rest others other one ones answer thing things same result results difference effect case fact way".split(
    " ",
  ),
);
/** Words that cannot end a subject, nor stand inside a short one ("the distribution of"). */
const FUNCTION_WORDS = new Set(
  "of in on at for to with by from into over about than as and or but not like".split(" "),
);
/** Words ending in "s" that are never a verb. */
const NOT_VERBS = new Set(
  "always sometimes perhaps towards afterwards besides nevertheless various previous".split(" "),
);
/** Words after an "-s" word that show it is a plural noun, not a verb ("the areas of ..."). */
const AFTER_NOUN = new Set(["of", "is", "are", "was", "were", "and", "or", "can", "will"]);
/** What summaries say authors do, in the base form: "Salman et al. propose ..." */
const RESEARCH_VERBS = new Set(
  "propose introduce present add use suggest argue show find identify combine replace train test apply design develop extend build study investigate evaluate compare consider define derive prove claim observe measure explore analyze adopt employ modify restrict constrain choose swap".split(
    " ",
  ),
);
/** Authors as summaries name them: "Kumar et al.", "the authors". */
const AUTHORS = /^(?:(\p{Lu}[\p{L}-]+) et al\.?|[Tt]he authors?)$/u;

/** True when the words name the paper's own authors ("the authors", "Kumar et al."). */
function isAuthors(words: readonly string[], context: ClauseContext): boolean {
  const found = AUTHORS.exec(words.join(" "));
  return found !== null && (found[1] === undefined || context.surnames.includes(found[1]));
}

/** Irregular present-tense verbs and their base forms. */
const IRREGULAR: Record<string, string> = { has: "have", does: "do", goes: "go", is: "be" };
/** Most words a subject may have before its verb. */
const MAX_SUBJECT_WORDS = 7;

/** The base form of a third-person present verb: "constrains" → "constrain", "applies" → "apply". */
export function baseForm(verb: string): string {
  const irregular = IRREGULAR[verb];
  if (irregular) return irregular;
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  // "uses" is "use" but "focuses" is "focus": keep whichever is an English word.
  const shorter = verb.slice(0, -2);
  if (verb.endsWith("es") && !isEnglishWord(verb.slice(0, -1)) && isEnglishWord(shorter)) {
    return shorter;
  }
  return verb.slice(0, -1);
}

/**
 * Words after a verb that "does" took over, up to a second verb of the same subject ("works well
 * and compares favorably" → "work well"): that one would keep its "-s". Cutting there is safe
 * even when the word is a plural noun after all ("uses images and labels from ...").
 */
function upToSecondVerb(words: readonly string[]): string[] {
  const second = words.findIndex(
    (word, i) => /^(?:and|or)$/.test(words[i - 1] ?? "") && looksLikeVerb(word, words.slice(i + 1)),
  );
  return second < 0 ? [...words] : words.slice(0, second - 1);
}

/** True for a lower-case word that reads as a third-person present verb ("outperforms"). */
function looksLikeVerb(word: string, following: readonly string[]): boolean {
  if (!/^[a-z][a-z-]{2,}s$/.test(word) || /(?:ss|us|is)$/.test(word) || NOT_VERBS.has(word)) {
    return false;
  }
  const [next] = following;
  if (next === undefined || /ed$/.test(next)) return false;
  // "the techniques discussed here are ...": a verb further on makes this word a noun.
  return !AFTER_NOUN.has(next.toLowerCase()) && !following.slice(0, 3).some((w) => BE.has(w));
}

const lowerWords = (words: readonly string[]) => words.map((w) => w.toLowerCase());

function isName(words: readonly string[], names: readonly string[]): boolean {
  const text = words.join(" ").toLowerCase();
  return names.some((name) => name.toLowerCase() === text);
}

/** True for words that can be a noun phrase on their own: no pronoun, function word or clause. */
function isPlainPhrase(words: readonly string[]): boolean {
  return lowerWords(words).every(
    (w) => !PRONOUNS.has(w) && !FUNCTION_WORDS.has(w) && !/['’]/.test(w) && !DETERMINERS.has(w),
  );
}

/** True for a determiner and at most two more plain words ("the encoder", "the proposed method"). */
function isShortNounPhrase(words: readonly string[]): boolean {
  const [first, ...more] = lowerWords(words);
  return (
    first !== undefined &&
    DETERMINERS.has(first) &&
    more.length >= 1 &&
    more.length <= 2 &&
    isPlainPhrase(words.slice(1))
  );
}

/**
 * The subject as it reads after an auxiliary ("The feature extractor" → "the feature extractor",
 * "this function" → "the function", "Kumar et al." → "the authors"), or undefined when it is no
 * subject a question can stand on: a pronoun, a vague head ("the answer"), or words that do not
 * make a noun phrase.
 */
function subjectOf(words: readonly string[], context: ClauseContext): string | undefined {
  const [first, ...more] = words;
  const lower = lowerWords(words);
  const last = lower.at(-1) ?? "";
  if (!first || words.length > MAX_SUBJECT_WORDS || words.some((w) => /[,;:]$/.test(w))) {
    return undefined;
  }
  if (isName(words, context.names)) return words.join(" ");
  if (isAuthors(words, context)) return "the authors";
  if (FUNCTION_WORDS.has(last) || VAGUE_HEADS.has(last)) return undefined;
  if (lower.slice(1).some((w) => PRONOUNS.has(w) && !DETERMINERS.has(w))) return undefined;
  const firstWord = context.common(first) ? (lower[0] ?? first) : first;
  if (DETERMINERS.has(lower[0] ?? "") && words.length >= 2) {
    const article = ["this", "that", "these", "those"].includes(lower[0] ?? "") ? "the" : firstWord;
    return [article, ...more].join(" ");
  }
  // A bare noun phrase ("Self-attention", "Monte Carlo samples", "entropy minimization").
  if (words.length <= 3 && isPlainPhrase(words)) return [firstWord, ...more].join(" ");
  return undefined;
}

/**
 * A clause in question order, or undefined when its verb cannot be found safely. A subject other
 * than a name or the authors takes a present-tense verb only as a determiner and at most two words
 * ("the encoder creates"). With `plural`, a plural subject may take a base verb ("lottery tickets
 * transfer"), which is safe only where a clause must have a verb there (after "whether").
 */
export function invert(
  clause: string,
  context: ClauseContext,
  plural = false,
): Inverted | undefined {
  const words = clause.split(" ");
  const limit = Math.min(words.length - 1, MAX_SUBJECT_WORDS + 1);
  for (let i = 1; i < limit; i++) {
    const raw = words[i] ?? "";
    const word = raw.toLowerCase();
    const next = words[i + 1];
    const following = words.slice(i + 1);
    const subjectWords = words.slice(0, i);
    if (/[,;:]$/.test(words[i - 1] ?? "")) return undefined;
    if (i === 1 && /^there$/i.test(words[0] ?? "") && (word === "is" || word === "are")) {
      const rest = following.join(" ");
      return { aux: word, subject: "there", rest, verb: "there", said: `there ${word} ${rest}` };
    }
    let aux: string | undefined;
    let rest = following;
    let verb: Inverted["verb"] = "other";
    if (BE.has(word) || AUXILIARIES.has(word)) {
      verb = BE.has(word) ? "be" : "other";
      aux = word === "cannot" ? "can't" : word;
      if (next === "not" && (BE.has(word) || word === "can")) {
        aux = word === "can" ? "can't" : `${word}n't`;
        rest = following.slice(1);
      }
    } else if ((word === "has" || word === "have") && next !== undefined) {
      // "has been shown", "has learned": "has" moves in front as it is.
      if (next === "been" || /^[a-z]+(?:ed|en)$/.test(next)) aux = word;
      else if (next !== "to" && !DETERMINERS.has(next.toLowerCase())) return undefined;
      else {
        aux = word === "has" ? "does" : "do";
        rest = ["have", ...following];
      }
    } else if (/[,;:]$/.test(raw)) {
      return undefined;
    } else if (looksLikeVerb(word, following)) {
      if (!isName(subjectWords, context.names) && !isShortNounPhrase(subjectWords)) continue;
      aux = "does";
      rest = [baseForm(word), ...upToSecondVerb(following)];
    } else if (isAuthors(subjectWords, context) && RESEARCH_VERBS.has(word)) {
      aux = "do";
      rest = [word, ...following];
    } else if (plural && /s$/.test(words[i - 1] ?? "") && /^[a-z]{3,}$/.test(word)) {
      if (/(?:s|ed|ing|ly)$/.test(word) || !isEnglishWord(word)) continue;
      aux = "do";
      rest = [word, ...following];
    }
    if (aux === undefined) continue;
    const subject = subjectOf(subjectWords, context);
    if (!subject || rest.length === 0) return undefined;
    const said = [subject, ...words.slice(i)].join(" ");
    return { aux, subject, rest: rest.join(" "), verb, said };
  }
  return undefined;
}
