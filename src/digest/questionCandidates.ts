/**
 * Questions that one summary sentence can be turned into, by template: a question the summary
 * already asks, "Why does BEAR constrain ...?" from a claim about the method, "How convincing is
 * the evidence that ...?" from a reported result. Every template only moves and re-inflects the
 * sentence's own words, so each question is drawn from the summary.
 */
import { type ClauseContext, type Inverted, invert } from "./inversion.ts";
import { clausesOf, coreClause, mainClause } from "./plainText.ts";

/** What a question was made from, which also says how good a prompt it tends to be. */
export type QuestionKind =
  /** A question the summary asks itself. */
  | "asked"
  /** Why the paper's method does what the summary says it does. */
  | "name"
  /** Why something the summary calls crucial or important is so. */
  | "key"
  /** Whether a reported finding holds up. */
  | "evidence"
  /** Whether an argument or hypothesis holds up. */
  | "argument"
  /** What explains a surprising finding. */
  | "surprise"
  /** Whether a judgement of the summary's ("a bit disconnected") is fair. */
  | "critique"
  /** Why some other claim of the summary holds. */
  | "why"
  /** How to explain one of the paper's key terms. */
  | "term";

/** A question made from a summary sentence. */
export interface Candidate {
  /** The question, before its final tidying. */
  text: string;
  /** Position of the summary sentence it came from; -1 when it came from the whole summary. */
  sentence: number;
  kind: QuestionKind;
  /** The summary's words the question rests on, to weigh how specific to the paper it is. */
  source: string;
}

/** Words that flag a surprising finding: a question about what explains it. */
const SURPRISE =
  /\b(?:surpris\w*|unexpected\w*|interesting\w*|strange\w*|weird\w*|counterintuitive|mysterious\w*|remarkabl\w*|astonishing\w*|puzzling|fascinating|incredibl\w*)\b/i;
/** Words of a judgement a reader may not share. */
const CRITIQUE =
  /\b(?:disconnected|unclear|weak\w*|cautious|skeptic\w*|limited|limitations?|arbitrary|odd|questionable|unconvincing|mysterious|weird\w*|strange\w*|overstated|fails?|failure|drawbacks?)\b/i;
/** Words saying that something matters most. */
const KEY =
  /\b(?:crucial\w*|essential\w*|important\w*|key|critical\w*|central|necessary|vital|indispensable)\b/i;
/** Words that say a sentence reports a result. */
export const RESULT =
  /\b(?:outperform\w*|better|worse|improv\w*|ablations?|beats?|accuracy|benchmarks?|experiments?|empirical\w*|results?|performance|robust\w*|generaliz\w*)\b/i;

/** Verbs and nouns that introduce a finding reported in a that-clause. */
const EVIDENCE_WORDS =
  "shows?|showed|shown|finds?|found|confirms?|confirmed|demonstrates?|demonstrated|observes?|observed|reports?|reported|proves?|proved|concludes?|concluded|realizes?|realized|realization|finding|evidence";
/** Verbs and nouns that introduce an argument or hypothesis in a that-clause. */
const ARGUMENT_WORDS =
  "argues?|argued|claims?|claimed|suggests?|suggested|hypothesis|hypothesizes?|idea|premise|intuition|argument|notion|belief|assumption|means|points out|notes?|noted|hope|is|was";
/** Nouns that make "X is that ..." an argument ("the hope ... is that"), not "there is that much". */
const ARGUMENT_NOUN =
  /\b(?:premise|idea|hope|intuition|argument|claim|justification|point|hypothesis|assumption|insight|observation)\b/i;
/** A clause that points at a figure ("illustrated in the picture"): a question cannot show it. */
const FIGURE_REFERENCE =
  /\b(?:the|this|that) (?:picture|figure|diagram|plot|table)s?\b|\b(?:above|below)\b|\billustrated\b/i;
/** Participles whose "why" is a matter of naming ("Why is X defined as ...?"). */
const NAMING = /^(?:defined|called|known|named|denoted|referred|termed)$/i;
/** The summary's author speaking ("I'm always a bit cautious of ..."). */
const FIRST_PERSON = /^I(?:'m| am) (.+)$/;
const THAT_CLAUSE = new RegExp(
  `\\b(?:(${EVIDENCE_WORDS})|(${ARGUMENT_WORDS}))(?:\\s+(?:further|also|\\w+ly))?\\s+that,?\\s+(.+)$`,
  "i",
);
/** A question inside a sentence: "the question of how ...", "wondering how ...", "test whether ...". */
const EMBEDDED_QUESTION =
  /\b(?:questions?|wonder(?:s|ed|ing)?|asks?|asked|asking|tests?|tested|testing|examines?|investigates?|studies|explores?)\b(?:\s+(?:is|was|remains|of))?:?\s+(how|why|whether|what|which|when|where)\s+(.+)$/i;
/** Words that start a question: a clause after one of them is asked, not stated. */
const QUESTION_START =
  /^(?:how|why|what|which|when|where|who|whether|is|are|do|does|did|can|could|should|would|will|other than)\b/i;
/** Auxiliaries that, right after a question word, show a question already in question order. */
const AUXILIARY =
  /^(?:is|are|was|were|do|does|did|can|could|should|would|will|must|might|may|has|have)$/i;
/** Subjects that stand for something said before, useless at the start of a quoted claim. */
const PRONOUN_START = /^(?:it|this|that|these|those|they|them|he|she|we|i|which|there is no)\b/i;
/** Adverbs that may stand between "is" and its adjective ("is sometimes on par"). */
const DEGREE =
  /^(?:so|very|much|quite|relatively|rather|fairly|also|still|not|only|even|less|more|far|particularly|especially|often|always|sometimes|usually|generally|really|truly|actually)$/i;
/** Adjectives and participles a "Why is X ...?" question can ask about. */
const ADJECTIVE =
  /^(?:crucial|essential|important|key|critical|necessary|vital|helpful|better|worse|possible|impossible|hard|easy|able|unable|high|low|small|large|general|similar|different|tight|loose|smooth|good|bad|\p{L}+(?:al|ive|ous|ble|ful|ic|ent|ant|ary|less)|\p{L}+ed|known|shown|given|taken|chosen|drawn|seen|done|built|made|used|bounded)$/iu;

/** Capitalizes a question and ends it with one question mark. */
function asked(text: string): string {
  const body = text.replace(/[\s?.,;:!]+$/, "");
  return `${body.charAt(0).toUpperCase()}${body.slice(1)}?`;
}

/** "Why is the choice of MMD crucial?", or undefined when "is" has no adjective after it. */
function whyIs(parts: Inverted): string | undefined {
  const words = parts.rest.split(" ");
  const adjective = words.find((word) => !DEGREE.test(word));
  if (!adjective || !ADJECTIVE.test(adjective)) return undefined;
  return asked(`Why ${parts.aux} ${parts.subject} ${parts.rest}`);
}

/** Questions from a question the sentence asks, whole or embedded ("the question of how ..."). */
function askedQuestions(plain: string, context: ClauseContext): string[] {
  if (plain.endsWith("?")) {
    const colon = plain.lastIndexOf(": ");
    const head = plain.slice(0, colon);
    const tail = plain.slice(colon + 2);
    const question = colon > 0 && /question|ask|wonder/i.test(head) ? tail : plain;
    return QUESTION_START.test(question) || question === plain ? [asked(question)] : [];
  }
  const embedded = EMBEDDED_QUESTION.exec(plain);
  const wh = embedded?.[1]?.toLowerCase();
  const tail = (embedded?.[2] ?? "").split(/[:;]\s/)[0] ?? "";
  if (!wh || !tail) return [];
  // "the question: how can we ...": already in question order, asked as the summary asks it.
  if (wh !== "whether" && AUXILIARY.test(tail.split(" ")[0] ?? "")) {
    return [asked(`${wh} ${mainClause(tail)}`)];
  }
  // "wondering how the gradient survives this, the answer is ...": the question ends at a comma.
  const parts = invert(tail.split(", ")[0] ?? "", context, true);
  if (!parts || parts.verb === "there") return [];
  const order = `${parts.aux} ${parts.subject} ${parts.rest}`;
  return [asked(wh === "whether" ? order : `${wh} ${order}`)];
}

/** Questions about a finding or argument stated in a that-clause ("show that X" → "... that X?"). */
function thatClauseQuestions(clause: string, sentence: string, context: ClauseContext) {
  const found = THAT_CLAUSE.exec(clause);
  const claim = mainClause(coreClause((found?.[3] ?? "").replace(/^,\s*/, "")));
  if (!found || PRONOUN_START.test(claim) || claim.split(" ").length < 4) return [];
  const said = found[1] ?? found[2] ?? "";
  if (/^(?:is|was)$/i.test(said) && !ARGUMENT_NOUN.test(clause.slice(0, found.index))) return [];
  const questions: Array<{ text: string; kind: QuestionKind }> = [];
  const parts = invert(claim, context);
  const key = parts?.verb === "be" && KEY.test(parts.rest) ? whyIs(parts) : undefined;
  if (key) questions.push({ text: key, kind: "key" });
  if (found[1] && SURPRISE.test(sentence)) {
    questions.push({
      text: asked(`What could explain the finding that ${claim}`),
      kind: "surprise",
    });
  } else {
    const what = found[1] ? "evidence" : "argument";
    questions.push({ text: asked(`How convincing is the ${what} that ${claim}`), kind: what });
  }
  return questions;
}

/** "Why does BEAR constrain ...?" from a clause where one of the paper's names acts. */
function nameQuestions(clause: string, context: ClauseContext): string[] {
  const questions: string[] = [];
  for (const name of context.names) {
    const at = clause.toLowerCase().indexOf(name.toLowerCase());
    if (at < 0 || /[\p{L}\p{N}]/u.test(clause[at - 1] ?? "")) continue;
    const after = clause.slice(at + name.length).replace(/^,?\s+(?:which|that|who)\b/, "");
    const parts = invert(mainClause(`${clause.slice(at, at + name.length)}${after}`), context);
    if (parts && parts.verb === "other") {
      questions.push(asked(`Why ${parts.aux} ${parts.subject} ${parts.rest}`));
    }
  }
  return questions;
}

/**
 * A "why" (or, for a judgement, "is it really") question from a clause in question order, and
 * for a reported result, whether the evidence convinces.
 */
function clauseQuestions(clause: string, raw: string, sentence: string, context: ClauseContext) {
  const questions: Array<{ text: string; kind: QuestionKind }> = [];
  const parts = invert(clause, context);
  if (!parts) return questions;
  if (RESULT.test(clause) && parts.verb !== "there") {
    questions.push({
      text: asked(`How convincing is the evidence that ${parts.said}`),
      kind: "evidence",
    });
  }
  const why = whyQuestion(parts, raw, sentence);
  if (why) questions.push(why);
  return questions;
}

/** "Why does X ...?", "Why is there ...?", or for a judgement "Is X really ...?". */
function whyQuestion(parts: Inverted, clause: string, sentence: string) {
  const kind: QuestionKind = KEY.test(clause) ? "key" : "why";
  if (parts.verb === "there") {
    return { text: asked(`Why ${parts.aux} there ${parts.rest}`), kind };
  }
  if (parts.verb !== "be") {
    return { text: asked(`Why ${parts.aux} ${parts.subject} ${parts.rest}`), kind };
  }
  const clauseLike = /^(?:to|that|how|what|why|where|when|whether)\b/i.test(parts.rest);
  if (CRITIQUE.test(sentence) && !parts.aux.endsWith("n't") && !clauseLike) {
    const aux = `${parts.aux.charAt(0).toUpperCase()}${parts.aux.slice(1)}`;
    return { text: `${aux} ${parts.subject} really ${parts.rest}?`, kind: "critique" as const };
  }
  const [participle = ""] = parts.rest.split(" ");
  const text = NAMING.test(participle) ? undefined : whyIs(parts);
  return text ? { text, kind } : undefined;
}

/** "The summary's author is always a bit cautious of X. Do you share that view?" */
function firstPersonQuestion(clause: string, sentence: string): string | undefined {
  const view = FIRST_PERSON.exec(clause)?.[1];
  if (!view || !(CRITIQUE.test(sentence) || SURPRISE.test(sentence))) return undefined;
  return `The summary's author is ${view}. Do you share that view?`;
}

/**
 * Every question a template makes of one summary sentence (already plain prose, see
 * `plainSentence`). `names` are the paper's names; `at` is the sentence's position.
 */
export function sentenceCandidates(plain: string, at: number, context: ClauseContext) {
  const candidates: Candidate[] = [];
  const add = (text: string, kind: QuestionKind, source: string) =>
    candidates.push({ text, kind, source, sentence: at });
  for (const text of askedQuestions(plain, context)) add(text, "asked", plain);
  if (plain.endsWith("?")) return candidates;
  for (const raw of clausesOf(plain)) {
    const clause = coreClause(raw);
    if (FIGURE_REFERENCE.test(clause)) continue;
    const mine = firstPersonQuestion(mainClause(clause), plain);
    if (mine) add(mine, "critique", clause);
    const reported = thatClauseQuestions(clause, plain, context);
    for (const { text, kind } of reported) add(text, kind, clause);
    for (const text of nameQuestions(clause, context)) add(text, "name", clause);
    // "Why does the paper argue that X?" asks less than the that-clause's own question.
    if (THAT_CLAUSE.test(clause)) continue;
    for (const { text, kind } of clauseQuestions(mainClause(clause), raw, plain, context)) {
      add(text, kind, clause);
    }
  }
  return candidates;
}
