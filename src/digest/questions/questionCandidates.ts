/**
 * Questions that one summary sentence can be turned into, by template: a question the summary
 * already asks, "Why does BEAR constrain ...?" from a claim about the method, "How convincing is
 * the evidence that ...?" from a reported result. Every template only moves and re-inflects the
 * sentence's own words, so each question is drawn from the summary.
 */
import { askedQuestion, asQuestion } from "./askedQuestions.ts";
import {
  CRITIQUE,
  FIGURE_REFERENCE,
  KEY,
  LIMITATION,
  NAMING,
  PRONOUN_START,
  RESULT,
  SURPRISE,
} from "./cues.ts";
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
  /** Whether a premise holds up ("the hope is that ..."): often background, not the paper's. */
  | "premise"
  /** What explains a surprising finding. */
  | "surprise"
  /** How much a limitation the summary names matters. */
  | "limitation"
  /** Whether a judgement of the summary's ("a bit disconnected") is fair. */
  | "critique"
  /** Why some other claim of the summary holds. */
  | "why"
  /** How to explain one of the paper's key terms. */
  | "term";

/** A question a template made, and the summary's words it quotes. */
export interface Draft {
  /** The question, capitalized and ending in "?". */
  text: string;
  /** The template that made it. */
  kind: QuestionKind;
  /** The summary's words in the question (the template's left out), to weigh and to judge. */
  quote: string;
}

/** A question made from a summary sentence. */
export interface Candidate extends Draft {
  /** Position of the summary sentence it came from; -1 when it came from the whole summary. */
  sentence: number;
}

/** Verbs and nouns that introduce a finding reported in a that-clause. */
const EVIDENCE_WORDS =
  "shows?|showed|shown|finds?|found|confirms?|confirmed|demonstrates?|demonstrated|observes?|observed|reports?|reported|proves?|proved|concludes?|concluded|realizes?|realized|realization|finding|evidence|surprising|interesting|remarkable|striking|unexpected|notable";
/** Verbs and nouns that introduce an argument or hypothesis in a that-clause. */
const ARGUMENT_WORDS =
  "argues?|argued|claims?|claimed|suggests?|suggested|hypothesis|hypothesizes?|idea|premise|intuition|argument|notion|belief|assumption|means|points out|notes?|noted|hope|is|was";
/** "X shows that Y", "the idea that Y", "the hope is that Y": group 1 or 2 is the cue, 3 is Y. */
const THAT_CLAUSE = new RegExp(
  `\\b(?:(${EVIDENCE_WORDS})|(${ARGUMENT_WORDS}))(?:\\s+(?:further|also|\\w+ly))?\\s+that,?\\s+(.+)$`,
  "i",
);
/** Nouns that make "X is that ..." an argument ("the hope ... is that"), not "there is that much". */
const ARGUMENT_NOUN =
  /\b(?:premise|idea|hope|intuition|argument|claim|justification|point|hypothesis|assumption|insight|observation)\b/i;
/** The summary's author speaking ("I'm always a bit cautious of ..."). */
const FIRST_PERSON = /^I(?:'m| am) (.+)$/;
/** Adverbs that may stand between "is" and its adjective ("is sometimes on par"). */
const DEGREE =
  /^(?:so|very|much|quite|relatively|rather|fairly|also|still|not|only|even|less|more|far|particularly|especially|often|always|sometimes|usually|generally|really|truly|actually)$/i;
/** Adjectives and participles a "Why is X ...?" question can ask about. */
const ADJECTIVE =
  /^(?:crucial|essential|important|key|critical|necessary|vital|helpful|better|worse|possible|impossible|hard|easy|able|unable|high|low|small|large|general|similar|different|tight|loose|smooth|good|bad|\p{L}+(?:al|ive|ous|ble|ful|ic|ent|ant|ary|less)|\p{L}+ed|known|shown|given|taken|chosen|drawn|seen|done|built|made|used|bounded)$/iu;
/** A predicate that is itself a clause ("is to remember", "is how well ..."): no "really" fits. */
const CLAUSE_PREDICATE = /^(?:to|that|how|what|why|where|when|whether)\b/i;

/** "Why does X ...?" for a clause in question order. */
function why(parts: Inverted): string {
  return asQuestion(`Why ${parts.aux} ${parts.subject} ${parts.rest}`);
}

/** True when "is" is followed by an adjective or participle, past any adverbs. */
function hasAdjective(parts: Inverted): boolean {
  const word = parts.rest.split(" ").find((w) => !DEGREE.test(w));
  return word !== undefined && ADJECTIVE.test(word) && !NAMING.test(word);
}

/**
 * Questions about a claim reported in a that-clause: "Why is X crucial?" when it says so, and
 * whether the evidence or argument convinces (what explains it, when it surprised), or how much
 * it matters when it is a limitation ("a limitation is that X").
 */
function reportedQuestions(clause: string, sentence: string, context: ClauseContext): Draft[] {
  const found = THAT_CLAUSE.exec(clause);
  const claim = mainClause(coreClause((found?.[3] ?? "").replace(/^,\s*/, "")));
  if (!found || PRONOUN_START.test(claim) || claim.split(" ").length < 4) return [];
  const cue = found[1] ?? found[2] ?? "";
  const head = clause.slice(0, found.index);
  const copula = /^(?:is|was)$/i.test(cue);
  if (copula && LIMITATION.test(head)) {
    return [
      {
        text: asQuestion(`How much does it matter that ${claim}`),
        kind: "limitation",
        quote: claim,
      },
    ];
  }
  if (copula && !ARGUMENT_NOUN.test(head)) return [];
  const drafts: Draft[] = [];
  const parts = invert(claim, context);
  if (parts?.verb === "be" && KEY.test(parts.rest) && hasAdjective(parts)) {
    drafts.push({ text: why(parts), kind: "key", quote: claim });
  }
  if (found[1] && SURPRISE.test(sentence)) {
    const text = asQuestion(`What could explain the finding that ${claim}`);
    drafts.push({ text, kind: "surprise", quote: claim });
  } else {
    const what = found[1] ? "evidence" : "argument";
    const text = asQuestion(`How convincing is the ${what} that ${claim}`);
    drafts.push({ text, kind: copula ? "premise" : what, quote: claim });
  }
  return drafts;
}

/** "Why does BEAR constrain ...?" from a clause where one of the paper's names acts. */
function nameQuestions(clause: string, context: ClauseContext): Draft[] {
  const drafts: Draft[] = [];
  for (const name of context.names) {
    const at = clause.toLowerCase().indexOf(name.toLowerCase());
    if (at < 0 || /[\p{L}\p{N}]/u.test(clause[at - 1] ?? "")) continue;
    const after = clause.slice(at + name.length).replace(/^\)?,?\s+(?:which|that|who)\b/, "");
    const parts = invert(mainClause(`${clause.slice(at, at + name.length)}${after}`), context);
    if (parts?.verb === "other") {
      drafts.push({ text: why(parts), kind: "name", quote: `${parts.subject} ${parts.rest}` });
    }
  }
  return drafts;
}

/**
 * Questions about a clause as it stands: how much it matters when the sentence names a
 * limitation, whether the evidence convinces when it reports a result, and why it holds ("Why
 * can the value of a KL divergence shoot up ...?"), or for a judgement, whether it is fair ("Is
 * the paper really a bit disconnected ...?"). `raw` is the clause before its lead-in was dropped,
 * whose "Crucially," still says the clause is key.
 */
function clauseQuestions(clause: string, raw: string, sentence: string, context: ClauseContext) {
  const parts = invert(clause, context);
  if (!parts) return [];
  const drafts: Draft[] = [];
  const quote = parts.said;
  if (LIMITATION.test(sentence)) {
    const text = asQuestion(`How much does it matter that ${parts.said}`);
    drafts.push({ text, kind: "limitation", quote });
  } else if (RESULT.test(clause) && parts.verb !== "there") {
    const text = asQuestion(`How convincing is the evidence that ${parts.said}`);
    drafts.push({ text, kind: "evidence", quote });
  }
  const kind: QuestionKind = KEY.test(raw) ? "key" : "why";
  if (parts.verb === "there") {
    drafts.push({ text: asQuestion(`Why ${parts.aux} there ${parts.rest}`), kind, quote });
  } else if (parts.verb === "other") {
    drafts.push({ text: why(parts), kind, quote });
  } else if (CRITIQUE.test(sentence) && !parts.aux.endsWith("n't")) {
    if (!CLAUSE_PREDICATE.test(parts.rest)) {
      const aux = `${parts.aux.charAt(0).toUpperCase()}${parts.aux.slice(1)}`;
      const text = `${aux} ${parts.subject} really ${parts.rest}?`;
      drafts.push({ text, kind: "critique", quote });
    }
  } else if (hasAdjective(parts)) {
    drafts.push({ text: why(parts), kind, quote });
  }
  return drafts;
}

/**
 * The main clause of a clause, and where its subject is followed by an aside between commas
 * ("an alternate criteria, where you keep ..., works just as well"), without the aside, so the
 * subject meets its verb. The aside goes only when the clause cannot be inverted with it.
 */
function withoutAside(clause: string, context: ClauseContext): string {
  const main = mainClause(clause);
  if (invert(main, context)) return main;
  const spliced = clause.replace(/^([^,]+), (?:where|which|who|whose) [^,]+, /, "$1 ");
  return spliced === clause ? main : mainClause(spliced);
}

/** "The summary's author is always a bit cautious of X. Do you share that view?" */
function firstPersonQuestion(clause: string, sentence: string): Draft | undefined {
  const view = FIRST_PERSON.exec(clause)?.[1];
  if (!view || !(CRITIQUE.test(sentence) || SURPRISE.test(sentence))) return undefined;
  const text = `The summary's author is ${view}. Do you share that view?`;
  return { text, kind: "critique", quote: view };
}

/** Every question the templates make of one clause of a sentence. */
function clauseDrafts(raw: string, sentence: string, context: ClauseContext): Draft[] {
  const clause = coreClause(raw);
  if (FIGURE_REFERENCE.test(clause)) return [];
  const drafts: Draft[] = [];
  const mine = firstPersonQuestion(mainClause(clause), sentence);
  if (mine) drafts.push(mine);
  drafts.push(...reportedQuestions(clause, sentence, context));
  drafts.push(...nameQuestions(clause, context));
  // "Why does the paper argue that X?" asks less than the that-clause's own question.
  if (!THAT_CLAUSE.test(clause)) {
    drafts.push(...clauseQuestions(withoutAside(clause, context), raw, sentence, context));
  }
  return drafts;
}

/**
 * Every question a template makes of one summary sentence, already plain prose (see
 * `plainSentence`); `at` is the sentence's position in the summary.
 */
export function sentenceCandidates(plain: string, at: number, context: ClauseContext) {
  const asked = askedQuestion(plain, context);
  const drafts: Draft[] = asked ? [{ text: asked, kind: "asked", quote: asked }] : [];
  if (!plain.endsWith("?")) {
    for (const raw of clausesOf(plain)) drafts.push(...clauseDrafts(raw, plain, context));
  }
  return drafts.map((draft): Candidate => ({ ...draft, sentence: at }));
}
