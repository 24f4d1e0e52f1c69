/**
 * Questions to start a reading group's discussion of a paper, drawn from its summary: the
 * summary's own questions, and its claims about the method, results and shortcomings rephrased
 * by templates. The weekly digest shows them under the featured paper.
 */
import type { PaperIndex } from "../../retrieval/buildIndex.ts";
import { summarySentences } from "../../retrieval/overview.ts";
import { splitSentences } from "../../text/sentences.ts";
import { findWords, termsOf } from "../../text/terms.ts";
import type { Paper } from "../../types.ts";
import { MAX_QUESTION_CHARS } from "./askedQuestions.ts";
import type { ClauseContext } from "./inversion.ts";
import { keyPhrase } from "./keyTerm.ts";
import { looksLikeMath, plainSentence } from "./plainText.ts";
import { type Candidate, type QuestionKind, sentenceCandidates } from "./questionCandidates.ts";
import { termSalience } from "./salience.ts";

export { MAX_QUESTION_CHARS } from "./askedQuestions.ts";

/** Shortest question worth asking. */
const MIN_QUESTION_CHARS = 20;
/** Length beyond which a question starts to lose to shorter ones. */
const COMFORTABLE_CHARS = 150;
/** A question must rest on at least one word this salient to its paper (see `termSalience`). */
const MIN_TOP_SALIENCE = 0.25;
/** Two questions sharing this share of their content terms ask the same thing. */
const MAX_OVERLAP = 0.5;
/** A question with this share of its terms in another one asks nothing new. */
const CONTAINED = 0.8;
/** What each repeat of a template costs a question, so the questions are not all alike. */
const REPEAT_PENALTY = 1;
/** Kinds whose questions open alike ("Why ...", "How convincing ..."), for the repeat penalty. */
const FAMILY: Record<QuestionKind, string> = {
  asked: "asked",
  name: "why",
  key: "key",
  why: "why",
  evidence: "convincing",
  argument: "convincing",
  premise: "convincing",
  surprise: "explain",
  critique: "critique",
  limitation: "matter",
  term: "term",
};

/** How good a prompt each kind of question tends to be, before its words are weighed. */
const KIND_SCORE: Record<QuestionKind, number> = {
  asked: 3,
  name: 2.2,
  key: 2.2,
  surprise: 2,
  evidence: 1.8,
  critique: 1.7,
  limitation: 2,
  argument: 1.6,
  premise: 1,
  why: 1,
  term: 0.3,
};

/** Words that lean on context the question does not give ("this", "they"). */
const VAGUE = /\b(?:this|these|those|it|its|they|their|them)\b/gi;
/** "this", "it" standing for a thing the question does not name ("addresses this by ..."). */
const VAGUE_PRONOUN =
  /\b(?:it|they|them|this(?= (?:by|is|was|to|and|in|with|as|means|because)\b|[,.?]))\b/gi;
/** Words addressing a reader, which read oddly in a question to a group. */
const PERSONAL = /\b(?:you|your|we|our|us)\b/gi;

/** A candidate question, weighed. */
export interface ScoredCandidate extends Candidate {
  /** Its content terms (the template's own words left out). */
  terms: string[];
  /** How good a discussion prompt it looks: higher is better. */
  score: number;
}

/**
 * What the templates need to know of a paper: its names, its authors' surnames ("Kumar et al."
 * are its authors), and which words its summary also writes in lower case (so "Scene bias" at
 * the start of a sentence reads "scene bias" inside a question, but "Gaussian" keeps its capital).
 */
function clauseContext(paper: Paper): ClauseContext {
  const lower = new Set<string>();
  for (const { word } of findWords(paper.summary)) {
    if (word === word.toLowerCase()) lower.add(word);
  }
  const surnames = paper.authors.map((author) => author.split(" ").at(-1) ?? author);
  return { names: paper.aliases, surnames, common: (word) => lower.has(word.toLowerCase()) };
}

/** True for a question fit to show: plain text of a readable length, without markup or links. */
function isShowable(text: string): boolean {
  if (text.length < MIN_QUESTION_CHARS || text.length > MAX_QUESTION_CHARS) return false;
  if (/[$\\]|\*\*|https?:|www\.|imgur/i.test(text) || looksLikeMath(text)) return false;
  // A quotation cut in two reads as broken.
  const curly = (text.match(/“/g)?.length ?? 0) === (text.match(/”/g)?.length ?? 0);
  return curly && (text.match(/"/g)?.length ?? 0) % 2 === 0;
}

/**
 * A candidate's score: its kind, plus how specific the summary's words in it are to this paper
 * (summed salience over the square root of their number, so a long question does not win by
 * length alone), less for length and for words that lean on context. Undefined when none of
 * those words is salient.
 */
function score(
  candidate: Candidate,
  salience: ReadonlyMap<string, number>,
): ScoredCandidate | undefined {
  const terms = termsOf(candidate.quote);
  const weights = terms.map((term) => salience.get(term) ?? 0);
  if (Math.max(0, ...weights) < MIN_TOP_SALIENCE) return undefined;
  const specific = weights.reduce((sum, w) => sum + w, 0) / Math.sqrt(Math.max(1, terms.length));
  const { quote } = candidate;
  const vague = (quote.match(VAGUE)?.length ?? 0) + (quote.match(VAGUE_PRONOUN)?.length ?? 0);
  const personal = quote.match(PERSONAL)?.length ?? 0;
  const long = Math.max(0, candidate.text.length - COMFORTABLE_CHARS) / 60;
  const value = KIND_SCORE[candidate.kind] + specific - 0.25 * vague - 0.15 * personal - long;
  return { ...candidate, terms, score: value };
}

/**
 * True when two questions ask about the same thing: they share half their content terms, or one
 * has hardly a term the other lacks ("action predictor" beside a question about it).
 */
function sameTopic(a: readonly string[], b: readonly string[]): boolean {
  const shared = a.filter((term) => b.includes(term)).length;
  const union = new Set([...a, ...b]).size;
  const smaller = Math.min(a.length, b.length);
  return shared >= MAX_OVERLAP * union || (smaller >= 2 && shared >= CONTAINED * smaller);
}

/**
 * Picks up to `max` questions, best first: one per summary sentence, none asking what a chosen
 * one asks, and each repeat of a template costing a little, so the picks vary.
 */
function pick(candidates: ScoredCandidate[], max: number): ScoredCandidate[] {
  const chosen: ScoredCandidate[] = [];
  let rest = candidates;
  while (chosen.length < max) {
    const repeats = (c: ScoredCandidate) =>
      chosen.filter((d) => FAMILY[d.kind] === FAMILY[c.kind]).length;
    rest = rest.filter(
      (c) =>
        !chosen.some(
          (d) => (d.sentence === c.sentence && c.sentence >= 0) || sameTopic(c.terms, d.terms),
        ),
    );
    let best: ScoredCandidate | undefined;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const candidate of rest) {
      const value = candidate.score - REPEAT_PENALTY * repeats(candidate);
      // A tie goes to the candidate earlier in the summary: the same summary, the same questions.
      if (value > bestValue) {
        best = candidate;
        bestValue = value;
      }
    }
    if (!best) break;
    chosen.push(best);
  }
  return chosen;
}

/**
 * Every question the summary of `paper` gives, scored (see {@link score}), in summary order. For
 * tuning and tests; {@link discussionQuestions} picks from these.
 */
export function scoredCandidates(index: PaperIndex, paper: Paper): ScoredCandidate[] {
  const salience = termSalience(index, paper);
  const context = clauseContext(paper);
  const plain: string[] = [];
  const candidates: Candidate[] = [];
  // The index keeps its papers' sentences; another version of a paper is split afresh.
  const indexed = index.papers.get(paper.id) === paper;
  const sentences = indexed ? summarySentences(index, paper) : splitSentences(paper.summary);
  sentences.forEach((sentence, at) => {
    const text = plainSentence(sentence, paper.aliases);
    if (!text) return;
    plain.push(text);
    candidates.push(...sentenceCandidates(text, at, context));
  });
  const phrase = keyPhrase(plain, salience, paper.aliases);
  if (phrase) {
    const text = `How would you explain “${phrase}” to someone who hasn't read the paper?`;
    candidates.push({ text, sentence: -1, kind: "term", quote: phrase });
  }
  const seen = new Set<string>();
  const scored: ScoredCandidate[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.text) || !isShowable(candidate.text)) continue;
    seen.add(candidate.text);
    const result = score(candidate, salience);
    if (result) scored.push(result);
  }
  return scored;
}

/**
 * Two or three questions to start a discussion of `paper`, drawn from its summary: plain text
 * (math as Unicode, no Markdown or links), each under {@link MAX_QUESTION_CHARS} characters, in
 * the order the summary raises them. The same summary always gives the same questions. A summary
 * too short to draw from gives fewer, possibly none.
 */
export function discussionQuestions(index: PaperIndex, paper: Paper, max = 3): string[] {
  // A key-term question draws on the whole summary: it comes last.
  const position = (c: ScoredCandidate) => (c.sentence < 0 ? Number.POSITIVE_INFINITY : c.sentence);
  return pick(scoredCandidates(index, paper), max)
    .sort((a, b) => position(a) - position(b))
    .map((candidate) => candidate.text);
}
