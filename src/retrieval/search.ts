import type { SearchResult as MiniSearchHit } from "minisearch";
import type { Paper, Passage, SearchResponse, SearchResult } from "../types.ts";
import type { PaperIndex } from "./buildIndex.ts";
import { measureCoverage } from "./confidence.ts";
import { highlightTerms } from "./highlight.ts";
import { overviewPassage } from "./overview.ts";
import { type PreparedQuery, prepareQuery } from "./prepareQuery.ts";

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
export const CONFIDENCE_THRESHOLD = 0.35;

/** What a paper's own title and alias words weigh when choosing among its passages. */
const OWN_WORD_WEIGHT = 0.1;
/** Weight of BM25 when passages tie on matched weight. */
const TIE_BREAK = 0.01;
/** Field weights of the paper-level match, which adds to a paper's best passage score. */
const PAPER_FIELD_BOOST = { aliases: 3, title: 2, id: 2, arxiv: 3, authors: 2, summary: 0.5 };

interface Candidate {
  paper: Paper;
  score: number;
  named: boolean;
  /** This paper's passage hits, best BM25 first. */
  passageHits: MiniSearchHit[];
  paperHit?: MiniSearchHit;
}

/** Scores every paper that matches the question: best passage plus paper-level match. */
function collectCandidates(index: PaperIndex, prepared: PreparedQuery): Candidate[] {
  const candidates = new Map<string, Candidate>();
  const candidate = (paperId: string): Candidate | undefined => {
    const paper = index.papers.get(paperId);
    if (!paper) return undefined;
    let entry = candidates.get(paperId);
    if (!entry) {
      entry = { paper, score: 0, named: false, passageHits: [] };
      candidates.set(paperId, entry);
    }
    return entry;
  };
  for (const mention of prepared.mentions) {
    const entry = candidate(mention.paper.id);
    if (entry) entry.named = true;
  }
  if (prepared.terms.length > 0) {
    for (const hit of index.passageSearch.search(prepared.text)) {
      const entry = candidate(hit.paperId as string);
      // Hits come best first: a paper ranks by its best passage.
      if (entry?.passageHits.push(hit) === 1) entry.score += hit.score;
    }
    for (const hit of index.paperSearch.search(prepared.text, { boost: PAPER_FIELD_BOOST })) {
      const entry = candidate(hit.id as string);
      if (entry) {
        entry.paperHit = hit;
        entry.score += hit.score;
      }
    }
  }
  // A question that names a paper is about that paper, whatever its other words match elsewhere.
  return [...candidates.values()].sort(
    (a, b) => Number(b.named) - Number(a.named) || b.score - a.score,
  );
}

/**
 * The passage hit of a paper that answers the question: the one whose matched terms carry the most
 * weight (so the one passage saying "Uber" beats several saying "lottery ticket"), BM25 breaking
 * ties. The paper's own title and alias words count little here: every passage of the paper is
 * about them ("how does MixMatch sharpen labels?" is answered by the passage on sharpening, not the
 * one that says MixMatch most). None when the question only names the paper: its overview answers.
 */
function answeringHit(
  index: PaperIndex,
  c: Candidate,
  prepared: PreparedQuery,
): MiniSearchHit | undefined {
  if (c.named && !prepared.asksMore) return undefined;
  const ownWords = index.nameTerms.get(c.paper.id) ?? new Set();
  const weights = new Map(
    [...prepared.weights].map(([term, w]) => [term, ownWords.has(term) ? OWN_WORD_WEIGHT * w : w]),
  );
  let best: { hit: MiniSearchHit; value: number } | undefined;
  for (const hit of c.passageHits) {
    const { matchedWeight } = measureCoverage(weights, [hit]);
    const value = matchedWeight + TIE_BREAK * hit.score;
    if (!best || value > best.value) best = { hit, value };
  }
  return best?.hit;
}

/** Stands in for the passage of a paper whose summary has no sentence (only figure links). */
function emptyPassage(paperId: string): Passage {
  return { id: -1, paperId, ordinal: 0, text: "", figures: [] };
}

function toResult(index: PaperIndex, c: Candidate, prepared: PreparedQuery): SearchResult {
  const hit = answeringHit(index, c, prepared);
  const passage =
    (hit && index.passages[hit.id as number]) ??
    overviewPassage(index, c.paper.id) ??
    emptyPassage(c.paper.id);
  const coverage =
    c.named && !prepared.asksMore ? 1 : measureCoverage(prepared.weights, [hit, c.paperHit]).share;
  return {
    paper: c.paper,
    score: round(c.score),
    coverage: round(coverage),
    passage,
    highlighted: highlightTerms(passage.text, new Set(prepared.terms)),
  };
}

/** Puts the conversation's paper first, even when none of its passages matched (it then covers 0). */
function focusFirst(index: PaperIndex, ranked: Candidate[], focus: string): Candidate[] {
  const paper = index.papers.get(focus);
  if (!paper) return ranked;
  const focused = ranked.find((c) => c.paper === paper) ?? {
    paper,
    score: 0,
    named: false,
    passageHits: [],
  };
  return [focused, ...ranked.filter((c) => c !== focused)];
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
  let ranked = collectCandidates(index, prepared);
  if (focus && prepared.mentions.length === 0) ranked = focusFirst(index, ranked, focus);
  const candidates = ranked.slice(0, limit);
  const results = candidates.map((c) => toResult(index, c, prepared));
  const named = candidates[0]?.named ?? false;
  const coverage = named ? 1 : (results[0]?.coverage ?? 0);
  return { query, confident: coverage >= CONFIDENCE_THRESHOLD, coverage, results };
}
