import { findWords, processTerm, termsOf, tokenize, wordPieces } from "../text/terms.ts";
import type { Paper, Passage, SearchResponse, SearchResult } from "../types.ts";
import { type PaperIndex, paperHasTerm, paperNameTerms, SUMMARY_FIELD } from "./buildIndex.ts";
import {
  asksAboutCitedWork,
  asksAboutNameItLacks,
  asksAboutWorkNoneCovers,
  asksToCompare,
  MAX_CITATIONS,
  setsOthersBeside,
} from "./citedOnly.ts";
import { asksAboutCitedPhrase } from "./citedPhrase.ts";
import {
  asksAboutUnknownName,
  asksAboutUnknownWord,
  evidenceTerms,
  idf,
  measureCoverage,
  totalWeight,
  weightiest,
} from "./confidence.ts";
import { countedTerms, countsIn } from "./countAsked.ts";
import { highlightTerms } from "./highlight.ts";
import { givesOtherYear } from "./otherYear.ts";
import { overviewPassage } from "./overview.ts";
import { PAPER_FIELD_BOOST } from "./paperIndex.ts";
import {
  givesAsked,
  givesReflection,
  inOverviewSection,
  limitsWords,
  passageKinds,
  questionKinds,
} from "./passageKind.ts";
import { aliasPartPassage, topicTerms } from "./passageTopics.ts";
import { type PreparedQuery, prepareQuery, prepareTopic } from "./prepareQuery.ts";
import { proximityWeight, type TermPositions, termPositions, wordTerms } from "./proximity.ts";
import { STAND_OUT_RANKS, standsOut } from "./standsOut.ts";
import { behindReferred, orderBySubject, preferCovering, type Ranked } from "./subject.ts";
import type { QueryScores, TermHit } from "./termIndex.ts";
import { comparesOtherWorks, opensWithOtherWork, opensWithUnknownLabel } from "./topicLabel.ts";

export { MAX_QUERY_CHARS } from "./prepareQuery.ts";

/** Options of {@link search}. */
export interface SearchOptions {
  /** How many papers to return at most. */
  limit: number;
  /**
   * Id of the paper a conversation is about. A question that names no paper is answered from
   * this one ("what datasets did they use?" in a thread about BEAR); others may follow it.
   */
  focus?: string;
}

/** Defaults of {@link search}. */
export const defaultSearchOptions: SearchOptions = { limit: 3 };

/**
 * Share of a question's weighted terms that the best result must cover to be answered.
 * Calibrated on labelled questions (`npm run eval` prints the table): covered questions sit above
 * it, questions from outside the corpus below.
 */
export const CONFIDENCE_THRESHOLD = 0.37;

/**
 * Share of a question the best result must cover when the question's weightiest word is a name no
 * summary has ("how does YOLO detect objects without region proposals?"): the question is about
 * that name, and a paper that matches the rest of it ("region proposals") answers something else.
 * Chosen on the dev and hold-out sets: at 0.5 one more outside question was declined on each of
 * the second notes dev and the styles hold-out sets, and no covered question there was lost; at
 * 0.6, or declining such questions outright, a seed dev question was lost ("lottery tix").
 */
export const UNKNOWN_NAME_COVERAGE = 0.5;

/**
 * Least summed weight (see `weighQuery`) a question must have to be answered from the whole
 * corpus, as a share of what one word no summary has weighs (so it means the same in a corpus of
 * ten papers or ten thousand): "dark knowledge" weighs 0.42 of it, "what datasets did they use?"
 * 0.37, "what are the results?" 0.15. Below it, only a thread's paper or a paper the question
 * names answers.
 */
export const MIN_QUESTION_WEIGHT = 0.4;

/**
 * What the words that identify a paper (see `identifyingTerms`) weigh when choosing its passage:
 * every passage is about the paper, so its name says nothing of which one answers ("pointrend
 * point head architecture?" showed "vs Mask R-CNN's mask head", which also says "PointRend").
 * At 0.05 instead of 0.1, together: notes2 dev, together: notes3 dev and together: styles
 * hold-out gained an answering passage each and no dev or hold-out set lost one; at 0 and 0.02
 * notes7 dev lost one, and at 0 notes3 dev two.
 */
const OWN_WORD_WEIGHT = 0.05;
/**
 * What the words of a paper's introduction (its summary's opening passage) weigh when choosing
 * among its passages. A question often describes the paper before asking ("is the weighted least
 * squares on log counts actually better than word2vec once tuned fairly?"): the description picks
 * the paper, and says little about which passage answers. Chosen over the dev and hold-out sets:
 * at 0.7 four first passages became right and none wrong; at 0.5 and 0.3 some became wrong.
 * Swept again with four more notes corpora: at 0.6 together: notes3 dev gained two answering
 * passages, notes6 dev and notes8 dev one each, and together: notes2 dev lost one, whose new
 * passage is the results table that answers it ("how much smaller than alexnet does squeezenet
 * get once deep compression is applied?": 240MB against 0.47MB) in other words than its label.
 */
const INTRO_WORD_WEIGHT = 0.6;
/**
 * What the words that only describe a paper weigh when choosing among its passages, in a question
 * that describes before it asks (see `askedTerms`). Chosen on the dev sets: the second notes dev
 * set's answering passage went 63% -> 66% at 0.5, 69% at 0.3 and 0.2, 72% at 0, where a styles
 * hold-out question was lost; no other set moved.
 */
const DESCRIBING_WORD_WEIGHT = 0.2;
/**
 * A second passage is shown beside the first when its matched weight is at least this share of
 * the first's: close enough that the summary answers in two places, not a weaker echo.
 */
export const SECOND_PASSAGE_SHARE = 0.7;
/**
 * Share of what it matches that a passage of the summarizer's reflections (see `givesReflection`)
 * counts for when choosing the passage shown: "in the NGU follow-up with the bandit
 * meta-controller, how does it decide which setting to run?" showed "Takeaways: meta-controller
 * idea (bandit over exploration/discount settings) is the reusable bit", not the passage on the
 * sliding-window UCB bandit. At 0.8, notes3 dev and notes5 dev gained 2 answering passages each
 * and no set lost one; 0.5, 0.7 and 0.9 gained less. A "Notes" section counts so too, for a
 * question that compares nothing: notes4 dev gained two more ("colbert index size" showed a
 * Notes line on lineage, not the results); counted so for comparing questions too, notes dev
 * lost "longfromer vs bigbird difference".
 */
const REFLECTION_SHARE = 0.8;
/**
 * Share of what it matches that a passage setting other works beside the paper counts for when
 * choosing the passage shown, for a question that compares nothing (see `setsOthersBeside`):
 * "fantastically ordered prompts picks orders by entropy probing, but for contextual calibration
 * where were the biggest gains?" showed the "Concurrent/follow-up" line naming Fantastically
 * Ordered Prompts, not the results on model size and shots. At 0.6
 * notes6 dev and notes8 dev gained an answering passage each and no set lost one; at 0.8 only
 * notes8 dev gained; at 0.4 notes7 dev lost one; without the exception for comparing questions,
 * notes5 dev lost two.
 */
const CITING_SECTION_SHARE = 0.6;
/**
 * Share of what it matches that a passage of a section saying what the paper is (see
 * `inOverviewSection`) counts for when choosing the passage shown, for a question that does not
 * ask what the paper is: "the dota 2 bot paper - when the game patched mid-run, how did they
 * avoid restarting training from zero?" showed the "What" line naming "surgery", not the passage
 * on how it is done. At 0.95 notes5 dev and notes8 dev gained two answering passages each and no
 * set lost one; at 0.9 notes6 dev lost one, at 0.8 notes4 dev two.
 */
const OVERVIEW_SECTION_SHARE = 0.95;
/** Passages overlap their neighbours by a sentence; a second passage starts two or more away. */
const SECOND_PASSAGE_DISTANCE = 2;

/**
 * Share (a bonus) of a passage's matched weight, when choosing the shown passage, for one that
 * writes a figure just before what a "how many" question counts (see `countsIn`): the count is
 * the answer, though another passage may match the question's other words a little more. At 1.25
 * notes2, notes9 and notes11 dev each gained an answering passage and no set lost one; at 2,
 * notes4 dev lost two, and notes3 and notes8 blind one each. A tie-break among near ties alone
 * moved no set.
 */
const COUNTING_SHARE = 1.25;
/**
 * Passages whose matched weight is within this share of the best one's match about as well; among
 * them the one that writes the question's phrases (see {@link PHRASE_WINDOW}) answers. Tighter
 * than {@link SECOND_PASSAGE_SHARE}: a passage matching clearly more weight still wins outright.
 */
const NEAR_TIE = 0.2;
/**
 * Share of its topic weight (see `topicTerms`) the summary's opening passage keeps when passages
 * tie. Notes open with what the paper is ("- What / - Reparameterization trick for categorical
 * latents"): its bullet heads name the paper's subject, which every question about the paper
 * shares, so they say less than a later section's heads about where the asked detail is filed.
 * notes3 dev answering passage 63% -> 66%, together: notes3 dev 53% -> 56%, no set lost one; at
 * 0.3 and 0.7 the same but for together: notes3 dev 58% at 0.3; at 0, four dev sets gained and
 * one lost.
 */
const OPENING_TOPIC_SHARE = 0.5;
/**
 * Two neighbouring question words count as written together when they stand at most this many
 * words apart: adjacent, or with up to two small words between ("heuristics for initializing",
 * "sign of the weights").
 */
const PHRASE_WINDOW = 3;
/** Weight of BM25 when passages tie on matched weight. */
const TIE_BREAK = 0.01;

interface Candidate {
  paper: Paper;
  score: number;
  named: boolean;
  /** How many places in the question name it ("Ioffe and Szegedy" names batch norm twice). */
  mentions: number;
  /** Score of its best passage, to order equal totals as the passage ranking would. */
  best: number;
  /** This paper's passage hits, best first (filled only for the papers returned). */
  passageHits: TermHit[];
  paperHit?: TermHit;
}

/** Candidates ranked: papers the question names first, then by score. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return Number(b.named) - Number(a.named) || b.score - a.score || b.best - a.best;
}

/**
 * Scores every paper that matches the question (best passage plus paper-level match) and returns
 * the best `limit`, with the passage hits that choosing their answer needs. A question that names a
 * paper is about that paper, whatever its other words match elsewhere, so named papers come first.
 * Papers are tallied by number in flat arrays: a common word matches tens of thousands of
 * passages in a large corpus, and only the few papers returned become objects.
 */
function collectCandidates(
  index: PaperIndex,
  prepared: PreparedQuery,
  limit: number,
  pinned?: string,
): Candidate[] {
  const paperCount = index.paperIds.length;
  const best = new Float64Array(paperCount);
  const total = new Float64Array(paperCount);
  const paperHitAt = new Int32Array(paperCount).fill(-1);
  const matched: number[] = [];
  const named = new Map<number, number>();
  for (const mention of prepared.mentions) {
    const number = index.paperNumbers.get(mention.paper.id);
    if (number !== undefined) named.set(number, (named.get(number) ?? 0) + 1);
  }
  let passageScores: QueryScores | undefined;
  let paperScores: QueryScores | undefined;
  if (prepared.terms.length > 0) {
    // Every query word counts, repeats too, as MiniSearch counted them when paperbot was tuned.
    const queryTerms = tokenize(prepared.text).flatMap((piece) => processTerm(piece));
    // A paper ranks by its best passage, which scoring notes as it goes.
    passageScores = index.passageSearch.score(queryTerms, undefined, {
      of: index.passagePapers,
      best,
      matched,
    });
    for (const number of matched) total[number] = best[number] as number;
    paperScores = index.paperSearch.score(queryTerms, PAPER_FIELD_BOOST);
    for (let i = 0; i < paperScores.docs.length; i++) {
      const number = paperScores.docs[i] as number;
      if (best[number] === 0 && total[number] === 0) matched.push(number);
      total[number] = (total[number] as number) + (paperScores.scores[i] as number);
      paperHitAt[number] = i;
    }
  }
  const candidateOf = (number: number): Candidate | undefined => {
    const paper = index.papers.get(index.paperIds[number] ?? "");
    if (!paper) return undefined;
    const score = total[number] as number;
    return {
      paper,
      score,
      best: best[number] as number,
      named: named.has(number),
      mentions: named.get(number) ?? 0,
      passageHits: [],
    };
  };
  // The best `limit` without sorting every matching paper: a small sorted list of the leaders.
  const top: Candidate[] = [];
  const consider = (c: Candidate | undefined): void => {
    if (!c) return;
    const last = top[top.length - 1];
    if (top.length >= limit && last && compareCandidates(c, last) >= 0) return;
    let at = top.length;
    while (at > 0 && compareCandidates(c, top[at - 1] as Candidate) < 0) at--;
    top.splice(at, 0, c);
    if (top.length > limit) top.pop();
  };
  for (const number of named.keys()) consider(candidateOf(number));
  for (const number of matched) {
    if (named.has(number)) continue;
    const last = top[top.length - 1];
    // Most matching papers score below the leaders: skip them before making an object.
    if (top.length >= limit && last && (last.named || (total[number] as number) < last.score))
      continue;
    consider(candidateOf(number));
  }
  if (pinned !== undefined) pinFirst(top, pinned, limit, index, candidateOf);
  const chosen = new Map<number, Candidate>();
  for (const c of top) chosen.set(index.paperNumbers.get(c.paper.id) ?? -1, c);
  if (passageScores) {
    // Only the returned papers' passages need hits: their scores are still at hand.
    for (const entry of chosen.values()) {
      for (const passage of index.passagesByPaper.get(entry.paper.id) ?? []) {
        const score = index.passageSearch.lastScore(passage.id);
        if (score > 0) {
          entry.passageHits.push(index.passageSearch.hit(passageScores, passage.id, score));
        }
      }
    }
  }
  for (const [number, entry] of chosen) {
    entry.passageHits.sort((a, b) => b.score - a.score);
    const at = paperHitAt[number] ?? -1;
    if (paperScores && at >= 0) {
      entry.paperHit = index.paperSearch.hit(paperScores, number, paperScores.scores[at] as number);
    }
  }
  return top;
}

/**
 * Puts the pinned paper (a thread's) first among the leaders, even when none of its passages
 * matched: it then covers nothing, and the reply says its summary does not cover the question.
 */
function pinFirst(
  top: Candidate[],
  pinned: string,
  limit: number,
  index: PaperIndex,
  candidateOf: (number: number) => Candidate | undefined,
): void {
  const number = index.paperNumbers.get(pinned);
  const first =
    top.find((c) => c.paper.id === pinned) ??
    (number === undefined ? undefined : candidateOf(number));
  if (!first) return;
  const rest = top.filter((c) => c !== first);
  top.splice(0, top.length, first, ...rest.slice(0, limit - 1));
}

/** A passage hit with how much of the (weighed) question it matches. */
interface Valued {
  hit: TermHit;
  /** Summed weight of the question terms it matches. */
  matched: number;
  /** `matched`, with BM25 to break exact ties. */
  value: number;
}

/**
 * Each hit valued by the given weights (or each hit's own: `weightsFor`), times its `share`; the
 * best one, and those matching nearly as much.
 */
function valueHits(
  hits: readonly TermHit[],
  weightsFor: ReadonlyMap<string, number> | ((hit: TermHit) => ReadonlyMap<string, number>),
  share: (hit: TermHit) => number = () => 1,
): { valued: Valued[]; top?: Valued; nearTies: Valued[] } {
  const valued = hits.map((hit) => {
    const weights = typeof weightsFor === "function" ? weightsFor(hit) : weightsFor;
    const matched = share(hit) * measureCoverage(weights, [hit]).matchedWeight;
    return { hit, matched, value: matched + TIE_BREAK * hit.score };
  });
  let top: Valued | undefined;
  for (const entry of valued) if (!top || entry.value > top.value) top = entry;
  const least = (1 - NEAR_TIE) * (top?.matched ?? 0);
  return { valued, top, nearTies: valued.filter((entry) => entry.matched >= least) };
}

/**
 * The passage hits of a paper that answer the question: first the one whose matched terms carry
 * the most weight (so the one passage saying "Uber" beats several saying "lottery ticket"), or
 * among those matching nearly as much (see {@link NEAR_TIE}) the one in a section of the kind the
 * question asks for (see {@link questionKinds}: "how does..." is answered under "Method", "how
 * many..." where figures are), then the one that files what it matched under that name (see
 * {@link topicTerms}), then the one that writes the question's phrases, BM25 breaking ties; then,
 * if one comes close (see {@link SECOND_PASSAGE_SHARE}), the best passage that does not overlap
 * it. The words that identify the paper (its names, authors and year) count little here: every
 * passage of the paper is about them ("how does MixMatch sharpen labels?" is answered by the
 * passage on sharpening, not the one that says MixMatch most); the words of its introduction count
 * a little less (see {@link INTRO_WORD_WEIGHT}). None when the question only names the paper: its
 * overview answers.
 *
 * `judged` is the passage how much the paper covers is measured on: the best match on the
 * question's own weights, without the section's kind, so that which passage is shown never
 * changes whether the question is answered.
 */
function answeringHits(
  index: PaperIndex,
  c: Candidate,
  prepared: PreparedQuery,
  queryWords: readonly (readonly string[])[],
): { first?: TermHit; second?: TermHit; judged?: TermHit; matched: number } {
  if (c.named && !prepared.asksMore) return { matched: 0 };
  const ownWords = identifyingTerms(index, c.paper);
  const weights = new Map(
    [...prepared.weights].map(([term, w]) => [term, ownWords.has(term) ? OWN_WORD_WEIGHT * w : w]),
  );
  // Passages are chosen among these, judged (for coverage) among the question's own matches.
  const choosingHits = withLimitsCues(index, c, prepared.text);
  const judging = valueHits(c.passageHits, weights);
  if (!judging.top) {
    // No passage has the question's words; one may still be the section it asks for.
    const filed = valueHits(choosingHits, weights).top;
    return filed ? { first: filed.hit, matched: 0 } : { matched: 0 };
  }
  // Where the question's words stand in a passage, read once: both choices below weigh phrases.
  const positions = new Map<number, TermPositions>();
  const positionsIn = (hit: TermHit): TermPositions => {
    const id = hit.id as number;
    let found = positions.get(id);
    if (!found) {
      found = termPositions(index.passages[id]?.text ?? "", queryWords);
      positions.set(id, found);
    }
    return found;
  };
  // Among passages that match about as much weight, the one that writes the question's words
  // together is more likely about what was asked than one that scatters them. Reading passages
  // for phrases costs a tokenization each, so it is done only when there is a tie to break.
  let judged = judging.top;
  let judgedPhrases = -1;
  for (const entry of judging.nearTies.length > 1 ? judging.nearTies : []) {
    const phrases = proximityWeight(positionsIn(entry.hit), queryWords, weights, PHRASE_WINDOW);
    if (phrases > judgedPhrases || (phrases === judgedPhrases && entry.value > judged.value)) {
      judged = entry;
      judgedPhrases = phrases;
    }
  }
  const introWords = new Set(openingHit(index, c)?.terms);
  // A question that describes its paper before asking ("that net that eats raw point sets - how
  // does it handle any order?") is answered where the asking words are, not the describing ones.
  const asking = prepared.asked;
  const choosing = new Map(
    [...weights].map(([term, w]) => [
      term,
      w *
        (introWords.has(term) ? INTRO_WORD_WEIGHT : 1) *
        (asking && !asking.has(term) ? DESCRIBING_WORD_WEIGHT : 1),
    ]),
  );
  // The description says which paper, as the opening passage does: there only the asking words
  // count ("that single-author google note where all heads share one key - how much faster did
  // decoding get?" is answered by the results, not by the overview the description matches).
  const openingId = index.passagesByPaper.get(c.paper.id)?.[0]?.id;
  const openingChoosing = asking
    ? new Map([...choosing].map(([term, w]) => [term, asking.has(term) ? w : 0]))
    : choosing;
  const choosingFor = (hit: TermHit) => (hit.id === openingId ? openingChoosing : choosing);
  const asked = questionKinds(prepared.text);
  const comparing = asksToCompare(prepared.raw);
  const counted = countedTerms(prepared.raw);
  const { valued, top, nearTies } = valueHits(choosingHits, choosingFor, (hit) => {
    const passage = index.passages[hit.id as number];
    if (!passage) return 1;
    // A passage that gives the count asked for ("how many heroes...?": "pool of 17 heroes").
    if (counted && countsIn(passage.text, counted)) return COUNTING_SHARE;
    // A passage under several such sections counts the least share of them.
    return Math.min(
      !comparing && setsOthersBeside(passage) ? CITING_SECTION_SHARE : 1,
      givesReflection(passage, comparing) ? REFLECTION_SHARE : 1,
      inOverviewSection(passage) && !asked.has("overview") ? OVERVIEW_SECTION_SHARE : 1,
    );
  });
  let best = top ?? judged;
  let bestKind = false;
  let bestTopic = 0;
  let bestPhrases = -1;
  for (const entry of nearTies.length > 1 ? nearTies : []) {
    const passage = index.passages[entry.hit.id as number];
    const phrases = proximityWeight(positionsIn(entry.hit), queryWords, choosing, PHRASE_WINDOW);
    const kind = givesAsked(passage, asked);
    const topics = passage ? topicTerms(passage) : new Set<string>();
    let topic = 0;
    for (const term of entry.hit.terms) if (topics.has(term)) topic += choosing.get(term) ?? 0;
    if (passage?.ordinal === 0) topic *= OPENING_TOPIC_SHARE;
    const better =
      bestPhrases < 0 ||
      (kind && !bestKind) ||
      (kind === bestKind &&
        (topic > bestTopic ||
          (topic === bestTopic &&
            (phrases > bestPhrases || (phrases === bestPhrases && entry.value > best.value)))));
    if (better) {
      best = entry;
      bestKind = kind;
      bestTopic = topic;
      bestPhrases = phrases;
    }
  }
  const ordinalOf = (hit: TermHit) => index.passages[hit.id as number]?.ordinal ?? 0;
  const firstOrdinal = ordinalOf(best.hit);
  let second: Valued | undefined;
  for (const entry of valued) {
    if (Math.abs(ordinalOf(entry.hit) - firstOrdinal) < SECOND_PASSAGE_DISTANCE) continue;
    if (!second || entry.value > second.value) second = entry;
  }
  const close = second && second.matched >= SECOND_PASSAGE_SHARE * best.matched;
  return {
    first: best.hit,
    judged: judged.hit,
    matched: judged.matched,
    ...(close && second ? { second: second.hit } : {}),
  };
}

/**
 * The terms that say which paper a question is about, not what it asks of it: the paper's title,
 * aliases and id, its authors' family names and its year. "Karras et al. 2020 path length
 * regularizer, what's it supposed to do?" is answered by the passage on the regularizer, not by
 * the overview that also says "Karras et al." and "2020". Discounting the names alone moved no
 * set; with the family names and the year, four dev sets gained answering passages (notes4 dev
 * 66% -> 69%) and none lost any.
 */
function identifyingTerms(index: PaperIndex, paper: Paper): ReadonlySet<string> {
  const terms = new Set(paperNameTerms(index, paper));
  for (const author of paper.authors) {
    for (const term of termsOf(author.split(/\s+/).at(-1) ?? "")) terms.add(term);
  }
  terms.add(String(paper.year));
  return terms;
}

/**
 * A paper's passage hits, where the question asks for its weaknesses ("instant ngp downsides?"),
 * with the passages of its "Limitations" section (see `passageKinds`) matching the asking words:
 * the section is about them whether or not it writes them.
 */
function withLimitsCues(index: PaperIndex, c: Candidate, question: string): readonly TermHit[] {
  const cues = termsOf(limitsWords(question).join(" "));
  if (cues.length === 0) return c.passageHits;
  const hits = new Map(c.passageHits.map((hit) => [hit.id, hit]));
  for (const passage of index.passagesByPaper.get(c.paper.id) ?? []) {
    if (!passageKinds(passage).has("limits")) continue;
    const hit = hits.get(passage.id);
    const match = { ...hit?.match };
    for (const cue of cues) match[cue] = [...(match[cue] ?? []), "text"];
    hits.set(passage.id, {
      id: passage.id,
      score: hit?.score ?? 0,
      terms: [...new Set([...(hit?.terms ?? []), ...cues])],
      match,
    });
  }
  return [...hits.values()];
}

/**
 * The content words of a question about one phrase of two words, each as its terms: a question
 * that is the phrase and nothing else beside stop words ("what is flow matching?"), or one that
 * opens by asking what the phrase is ("what is label smoothing and why does it help?").
 * Undefined for any other question.
 */
function onePhrase(text: string): string[][] | undefined {
  const whole = wordRun(text, true);
  if (whole) return whole.length === 2 ? whole : undefined;
  const rest = WHAT_IS.exec(text)?.[1];
  const lead = rest === undefined ? undefined : wordRun(rest, false);
  return lead?.length === 2 ? lead : undefined;
}

/** "What is (the) ...", "what's a ...": the rest names what is asked about. */
const WHAT_IS = /^\s*(?:what\s+(?:is|are|was|were)|whats|what's)\s+(?:(?:the|a|an)\s+)?(.*)$/isu;

/**
 * The content words of a text from the first on, each as its terms, while they stand side by
 * side (nothing but spaces between them). With `whole`, undefined when another content word
 * follows the run.
 */
function wordRun(text: string, whole: boolean): string[][] | undefined {
  const words: string[][] = [];
  let last = -1;
  let ended = false;
  for (const { word, start, end } of findWords(text)) {
    const terms = [...new Set(wordPieces(word).flatMap((piece) => processTerm(piece)))];
    const apart = last >= 0 && /\S/.test(text.slice(last, start));
    if (terms.length > 0 && !apart && !ended) {
      words.push(terms);
      last = end;
    } else if (words.length > 0) {
      if (!whole || terms.length > 0) return whole ? undefined : words;
      ended = true;
    }
  }
  return words;
}

/** The passage on the part of a paper that the alias a question names it by names (see {@link aliasPartPassage}). */
function namedPart(index: PaperIndex, paper: Paper, prepared: PreparedQuery): Passage | undefined {
  const own = index.passagesByPaper.get(paper.id) ?? [];
  for (const mention of prepared.mentions) {
    if (mention.paper.id !== paper.id || mention.by !== "name") continue;
    const part = aliasPartPassage(paper, prepared.raw.slice(mention.start, mention.end), own);
    if (part) return part;
  }
  return undefined;
}

/**
 * The hit of a paper's opening passage, which introduces the paper, when it matched the question:
 * it lists which of the question's terms the introduction says (working out the overview passage
 * instead costs milliseconds a paper).
 */
function openingHit(index: PaperIndex, c: Candidate): TermHit | undefined {
  const opening = index.passagesByPaper.get(c.paper.id)?.[0];
  return opening && c.passageHits.find((hit) => hit.id === opening.id);
}

/** Stands in for the passage of a paper whose summary has no sentence (only figure links). */
function emptyPassage(paperId: string): Passage {
  return { id: -1, paperId, ordinal: 0, text: "", figures: [] };
}

function toResult(
  index: PaperIndex,
  c: Candidate,
  prepared: PreparedQuery,
  queryWords: readonly (readonly string[])[],
): Ranked {
  const { first, second, judged: hit, matched } = answeringHits(index, c, prepared, queryWords);
  const passage =
    (first && index.passages[first.id as number]) ??
    (c.named && !prepared.asksMore ? namedPart(index, c.paper, prepared) : undefined) ??
    overviewPassage(index, c.paper.id) ??
    emptyPassage(c.paper.id);
  // How much the paper covers is judged on the passage that matches the question best; the one
  // shown may be another that matches about as much (see answeringHits).
  const judgedText = (hit && index.passages[hit.id as number]?.text) ?? passage.text;
  const terms = new Set(prepared.terms);
  const more = second && index.passages[second.id as number];
  // A question that is one phrase ("what is flow matching") asks about what the phrase names: a
  // passage that has its words apart ("support matching") covers them, not it.
  const phrase = c.named ? undefined : onePhrase(prepared.text);
  const unwritten =
    phrase !== undefined &&
    ![judgedText, c.paper.title, ...c.paper.aliases].some((t) => writesTogether(t, phrase));
  const result: SearchResult = {
    paper: c.paper,
    score: round(c.score),
    coverage: round((unwritten ? PASSING_CREDIT : 1) * resultCoverage(index, c, prepared, hit)),
    passage,
    highlighted: highlightTerms(passage.text, terms),
    ...(more ? { more: { passage: more, highlighted: highlightTerms(more.text, terms) } } : {}),
  };
  const residual = measureCoverage(prepared.residualWeights, [hit]).matchedWeight;
  const said = new Set(hit?.terms);
  const names = prepared.nameWords.some((term) => said.has(term));
  const own = paperNameTerms(index, c.paper);
  let titled = 0;
  // Its year says which of an author's papers is meant too ("Peters et al. 2018").
  const year = String(c.paper.year);
  for (const [term, weight] of prepared.weights) {
    if (own.has(term) || term === year) titled += weight;
  }
  return {
    result,
    named: c.named,
    mentions: c.mentions,
    byAuthorOnly:
      c.named && prepared.mentions.every((m) => m.paper.id !== c.paper.id || m.by === "author"),
    titled,
    aboutness: matched,
    residual,
    saysNames: names,
    subject: c.named && prepared.subject.some((term) => own.has(term)),
  };
}

/**
 * How much of the question a result covers. A paper the question names covers its name; what it
 * must also cover is the rest of the question, weighed with the name counted as matched: "what
 * does dropconnect drop, vs dropout?" names Dropout but asks about something its summary lacks.
 */
function resultCoverage(
  index: PaperIndex,
  c: Candidate,
  prepared: PreparedQuery,
  hit: TermHit | undefined,
): number {
  if (prepared.withinCited.includes(c.paper.id)) return 0;
  if (!c.named) {
    const share = measureCoverage(prepared.weights, [hit, c.paperHit]).share;
    const opening = openingHit(index, c);
    const described =
      opening && opening !== hit && !asksAboutUnknownWord(index, prepared.weights)
        ? measureCoverage(prepared.weights, [hit, c.paperHit, opening]).share - share
        : 0;
    const covered = Math.max(
      share + OPENING_CREDIT * described,
      describedCoverage(index, c, prepared, hit),
    );
    // A summary that only cites what the question asks about ("how is FQF trained?" against the
    // IQN notes' "Successor: FQF") covers none of it.
    const number = index.paperNumbers.get(c.paper.id) ?? -1;
    const inSummary = (term: string) => index.paperSearch.termCount(term, number, SUMMARY_FIELD);
    const fewWrite = (term: string) => fewSummariesWrite(index, term, MAX_CITATIONS);
    if (asksAboutCitedWork(prepared.raw, prepared.workWeights, c.paper, inSummary, fewWrite))
      return 0;
    // Nor one that only cites a name of several words the question asks about ("what does hybrid
    // task cascade add...?" against the Cascade R-CNN notes' list of later works).
    if (asksAboutCitedPhrase(prepared.raw, c.paper, inSummary)) return 0;
    // Nor does any paper cover a question about a work every summary that names it only cites
    // ("deepnorm: how are its scaling constants picked?" beside "DeepNet / DeepNorm (Wang et al.
    // 2022)" in another paper's notes), whichever paper matches its other words.
    if (
      asksAboutWorkNoneCovers(prepared.raw, prepared.workWeights, (term, most) =>
        papersWriting(index, term, most),
      )
    )
      return 0;
    // Nor does a paper that never names the work the question asks about ("in dreamer how do
    // they backprop through imagined trajectories?" against notes that never write Dreamer).
    const inPaper = (term: string) => paperHasTerm(index, number, term);
    if (
      asksAboutNameItLacks(prepared.raw, prepared.workWeights, inPaper, (term, most) =>
        papersWriting(index, term, most),
      )
    )
      return 0;
    // Nor does a paper other than the work the question asks about by name ("how is COMA's
    // counterfactual baseline computed" against the MADDPG notes that set COMA beside it).
    if (asksAboutAnotherWork(index, c, prepared)) return 0;
    return onlyInPassing(index, c, hit) ? PASSING_CREDIT * covered : covered;
  }
  if (!prepared.asksMore) return 1;
  const residual = measureCoverage(prepared.residualWeights, [hit, c.paperHit]);
  // An arXiv id or DOI names one paper as surely as the rarest word could: it weighs as a term no
  // passage has (its digits are taken out of the text to match, so they weigh nothing there).
  const byId = prepared.mentions.some(
    (m) => m.paper.id === c.paper.id && (m.by === "arxiv" || m.by === "doi"),
  );
  // The rest of the question is a part of it: what is not the rest names the paper.
  const whole = totalWeight(prepared.weights) + (byId ? idf(index, "") : 0);
  const rest = totalWeight(prepared.residualWeights);
  return whole === 0 ? 1 : (whole - rest + residual.matchedWeight) / whole;
}

/**
 * Share of the weight of the question words that only a summary's opening passage says (beside
 * the answering passage) that counts toward how much the paper covers. A question often
 * describes its paper before asking ("does the decorrelation-based self-supervised loss still
 * work when the batch is small?"): the description matches the introduction, the ask another
 * passage, and both say the summary covers the question. Half: the introduction is not the
 * answer; and none when the question is about a word no summary has (see `asksAboutUnknownWord`):
 * a paper's introduction matching its other words ("tokens", "parameters") says nothing of that.
 * Chosen on the dev sets: at 0.5 it made two more covered questions confident and left every
 * outside question declined; counted in full with no exception it accepted one.
 */
const OPENING_CREDIT = 0.5;

/**
 * Fewest index terms the describing part of a question must have for it to be measured against
 * the whole summary (see {@link describedCoverage}): "that google paper where the few-shot examples
 * include worked-out intermediate steps before the answer - ..." describes; "adam bias
 * correction: why ...?" names a topic, which a passage must match. At 5 to 8 the dev and
 * hold-out sets came out the same.
 */
const DESCRIPTION_TERMS = 6;

/**
 * How much of a question that describes its paper and then asks (see `askedTerms`) the paper
 * covers, when the description is long enough to be one (see {@link DESCRIPTION_TERMS}): its
 * words count wherever the paper's summary, title or authors say them, as a reader checks a
 * description against the whole paper; the asking words count only where the answering passage
 * (or the paper's names) matches them. 0 for a question of any other shape. A description
 * gathers what a summary says in several places ("the flat-minima optimizer that nudges the
 * weights along the normalized gradient"), which no one passage, nor the opening at half credit,
 * matches; measured so, notes4 dev gained 3 right answers, notes3 dev 1, and no outside question
 * was accepted on any set.
 */
function describedCoverage(
  index: PaperIndex,
  c: Candidate,
  prepared: PreparedQuery,
  hit: TermHit | undefined,
): number {
  const asking = prepared.asked;
  if (!asking) return 0;
  // As for the opening's credit, a question whose weightiest word no summary has is about that
  // word, when it is in what is asked; in the description it says where the paper is from ("the
  // heidelberg/munich group").
  const top = weightiest(prepared.weights)?.term;
  if (top !== undefined && asking.has(top) && asksAboutUnknownWord(index, prepared.weights))
    return 0;
  let describingTerms = 0;
  for (const term of prepared.weights.keys()) if (!asking.has(term)) describingTerms++;
  if (describingTerms < DESCRIPTION_TERMS) return 0;
  const number = index.paperNumbers.get(c.paper.id) ?? -1;
  const inPaper = (term: string) => paperHasTerm(index, number, term);
  const matched = evidenceTerms([hit, c.paperHit]);
  let total = 0;
  let covered = 0;
  for (const [term, weight] of prepared.weights) {
    total += weight;
    if (matched.has(term) || (!asking.has(term) && inPaper(term))) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * True when the question asks about a named work (`work`, see `workAsked`: "how does IMPALA's v-trace
 * correction work", "how does RotatE model relations") that is not this paper. A summary may set
 * that work beside its own (the A3C notes name IMPALA as a successor) and match every other word
 * of the question; it still does not describe that work. This paper is the work when its title,
 * aliases or id say the name; or, for a part the work owns, when its opening passage does (it
 * introduces a paper by the name its notes use); or, for a work that is only the question's
 * subject, when its summary writes the name more than a citation's few times (see
 * `MAX_CITATIONS`): the PGD notes that write FGSM seven times answer "how does FGSM adversarial
 * training fit into the min-max view", while the NPID notes that say once in their opening that
 * MoCo took up their template do not answer "what queue size does MoCo use". Not for a work
 * asked about as a paper ("mT5 paper: how did they fix accidental translation?"): the ByT5 notes
 * write mT5 a dozen times, as the model they build on, and are still not the mT5 paper.
 */
function asksAboutAnotherWork(index: PaperIndex, c: Candidate, prepared: PreparedQuery): boolean {
  const work = prepared.work;
  if (!work) return false;
  const own = paperNameTerms(index, c.paper);
  const opening = new Set(openingHit(index, c)?.terms);
  const number = index.paperNumbers.get(c.paper.id) ?? -1;
  const discussed = (term: string) =>
    !work.owned &&
    !work.paper &&
    index.paperSearch.termCount(term, number, SUMMARY_FIELD) > MAX_CITATIONS;
  const introduced = (term: string) => work.owned && opening.has(term);
  return !work.terms.some((term) => own.has(term) || introduced(term) || discussed(term));
}

/** True when no more than `most` summaries of the corpus write `term`. */
function fewSummariesWrite(index: PaperIndex, term: string, most: number): boolean {
  return index.paperSearch.documentFrequency(term, SUMMARY_FIELD) <= most;
}

/**
 * The papers whose summaries write `term`; undefined when more than `most` do (a common word is
 * in thousands of summaries at 10,000 papers, and none of them needs reading).
 */
function papersWriting(index: PaperIndex, term: string, most: number): Paper[] | undefined {
  if (!fewSummariesWrite(index, term, most)) return undefined;
  return index.paperSearch
    .documentsWith(term, SUMMARY_FIELD)
    .flatMap((number) => index.papers.get(index.paperIds[number] ?? "") ?? []);
}

/**
 * Share of its coverage a paper keeps when its summary mentions what the question matched only in
 * passing (see {@link onlyInPassing}): such a paper answers only a question about just that
 * mention ("helvetica scenario"), not one that goes on about it ("neural tangent kernel intuition
 * for infinitely wide nets" against a summary that once links its subject to neural tangent
 * kernels).
 */
const PASSING_CREDIT = 0.5;

/**
 * True when the answering passage matches nothing the paper's summary is about, only words it
 * mentions in passing: none in the paper's title or aliases (nor a match on its authors or ids),
 * none in the passage's headings or in the summary's opening passage, none used twice in it. A
 * number ("32x32", "74.3") is no passing mention: a summary states each figure once, and a
 * question that quotes one asks about exactly that.
 */
function onlyInPassing(index: PaperIndex, c: Candidate, hit: TermHit | undefined): boolean {
  if (!hit || hit.terms.length === 0) return false;
  for (const term of c.paperHit?.terms ?? []) {
    if ((c.paperHit?.match[term] ?? []).some((field) => field !== "summary")) return false;
  }
  const names = paperNameTerms(index, c.paper);
  const openingTerms = new Set(openingHit(index, c)?.terms);
  const headings = new Set(termsOf((index.passages[hit.id]?.headings ?? []).join(" ")));
  const number = index.paperNumbers.get(c.paper.id) ?? -1;
  return hit.terms.every(
    (term) =>
      !/\d/.test(term) &&
      !names.has(term) &&
      !openingTerms.has(term) &&
      !headings.has(term) &&
      index.paperSearch.termCount(term, number, SUMMARY_FIELD) < 2,
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Ranks papers for a question by their best passage and their paper-level match, puts papers the
 * question names first, and returns for each the passage that answers it, highlighted. The answer
 * is `confident` when the question names the top paper or its passage covers enough of the
 * question; otherwise the results are only the nearest papers.
 */
export function search(
  index: PaperIndex,
  query: string,
  options: Partial<SearchOptions> = {},
): SearchResponse {
  const { limit, focus } = { ...defaultSearchOptions, ...options };
  const prepared = prepareQuery(index, query);
  // A thread's paper answers a question that names none ("what datasets did they use?").
  // Not one that gives the id of a paper the corpus lacks: it asks about that paper.
  const pinned =
    focus && prepared.mentions.length === 0 && !prepared.unknownId && !prepared.unknownAuthor
      ? focus
      : undefined;
  // Whether the best paper stands out is judged on as many papers whatever the caller shows.
  const candidates = collectCandidates(index, prepared, Math.max(limit, STAND_OUT_RANKS), pinned);
  // The question's words for phrase matching, read once for all the papers returned.
  const queryWords = wordTerms(prepared.text);
  const ranked = candidates.map((c) => toResult(index, c, prepared, queryWords));
  // A thread's pinned paper stays first; otherwise the paper the question is about leads.
  const ordered = pinned
    ? ranked
    : orderBySubject(ranked, {
        residual: totalWeight(prepared.residualWeights),
        total: totalWeight(prepared.weights),
      });
  if (!pinned) {
    preferCovering(ordered, CONFIDENCE_THRESHOLD);
    behindReferred(ordered, prepared.referred);
  }
  const results = ordered.map((r) => r.result);
  const coverage = results[0]?.coverage ?? 0;
  // A question of everyday words alone ("what datasets did they use?") is about some paper in
  // particular: a thread's, or one it names. Asked of the whole corpus, any paper would do.
  const enough =
    pinned ||
    ordered[0]?.named ||
    totalWeight(prepared.weights) >= MIN_QUESTION_WEIGHT * idf(index, "");
  // A question chiefly about a name no summary has must be covered more than others to be answered.
  const threshold =
    !pinned && !ordered[0]?.named && asksAboutUnknownName(index, prepared.weights)
      ? UNKNOWN_NAME_COVERAGE
      : CONFIDENCE_THRESHOLD;
  // A paper given by an id, or by authors, the corpus lacks is what is asked about, unless
  // another is named.
  const unknownAsked =
    (prepared.unknownId !== undefined || prepared.unknownAuthor !== undefined) &&
    !ordered[0]?.named;
  // A paper the question names, or a thread's, answers however close the others come.
  const distinct = pinned || ordered[0]?.named || standsOut(results);
  const answers = coverage >= threshold && Boolean(enough) && !unknownAsked && Boolean(distinct);
  // A best paper the question does not name is not the one it means when the question dates
  // its work to another year ("baidu's 2017 tts system"), or opens with a topic the corpus lacks
  // ("lora: which...?") or that the paper only cites ("cutmix paper: what alpha?" against the
  // AugMix notes), or compares two other works ("adam vs adamw, how is decay applied?"). Read only
  // for an answer that would otherwise be given.
  const best = answers && !pinned && !ordered[0]?.named ? results[0] : undefined;
  const meansOther =
    best !== undefined &&
    (givesOtherYear(index, query, best.paper) ||
      opensWithUnknownLabel(index, prepared.text) ||
      opensWithOtherWork(index, prepared.text, best.paper) ||
      comparesOtherWorks(index, prepared.text, best.paper));
  return {
    query,
    confident: answers && !meansOther,
    coverage,
    results: results.slice(0, limit),
    ...(unknownAsked && prepared.unknownId ? { unknownId: prepared.unknownId } : {}),
    ...(unknownAsked && prepared.unknownAuthor ? { unknownAuthor: prepared.unknownAuthor } : {}),
  };
}

/**
 * What one given paper's summary says to a question: its best passage and how much of the
 * question it covers, as {@link search} would give it were the paper first. For comparing papers
 * side by side ("BEAR vs BCQ: how do they constrain the policy?"), each answering for itself.
 */
export function searchPaper(
  index: PaperIndex,
  query: string,
  paperId: string,
): SearchResult | undefined {
  const prepared = prepareQuery(index, query);
  const [candidate] = collectCandidates(index, prepared, 1, paperId);
  if (candidate?.paper.id !== paperId) return undefined;
  return toResult(index, candidate, prepared, wordTerms(prepared.text)).result;
}

/** Most papers {@link coveringPapers} looks at. */
export const MAX_COVERING = 50;

/** True when `text` writes every neighbouring pair of the topic's words close together. */
function writesTogether(text: string, topic: readonly (readonly string[])[]): boolean {
  const weights = new Map(topic.flat().map((term) => [term, 1]));
  return proximityWeight(text, topic, weights, PHRASE_WINDOW) >= topic.length - 1;
}

/**
 * Every paper whose summary confidently covers a topic ("which papers use MMD?" asks of "MMD"),
 * best first, each with the passage that shows it: at most {@link MAX_COVERING}. A paper must
 * cover the topic as an answer would, and write a topic of several words as a phrase in its title, an alias or a passage ("normalizing flows",
 * not "normalizing" here and "flow" there).
 */
export function coveringPapers(index: PaperIndex, topic: string): SearchResult[] {
  const prepared = prepareTopic(index, topic);
  const words = wordTerms(prepared.text);
  const results = collectCandidates(index, prepared, MAX_COVERING).map(
    (c) => toResult(index, c, prepared, words).result,
  );
  return results.filter(
    (r) =>
      r.coverage >= CONFIDENCE_THRESHOLD &&
      (words.length < 2 ||
        [r.paper.title, ...r.paper.aliases].some((name) => writesTogether(name, words)) ||
        (index.passagesByPaper.get(r.paper.id) ?? []).some((p) => writesTogether(p.text, words))),
  );
}
