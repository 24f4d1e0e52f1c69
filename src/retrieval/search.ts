import type { SearchResult as MiniSearchHit } from "minisearch";
import { ARXIV_ID_IN_TEXT, findMentions } from "../lookup/findMentions.ts";
import { termsOf } from "../text/terms.ts";
import type { Paper, SearchResponse, SearchResult } from "../types.ts";
import { overviewPassage, type PaperIndex } from "./buildIndex.ts";
import { measureCoverage } from "./confidence.ts";
import { highlightTerms } from "./highlight.ts";

/** Options of {@link search}. */
export interface SearchOptions {
  /** How many papers to return at most. */
  limit: number;
}

/** Defaults of {@link search}. */
export const defaultSearchOptions: SearchOptions = { limit: 3 };

/**
 * Share of a query's content (IDF-weighted) that the best result must cover to be answered.
 * Calibrated on the labelled questions in `test/fixtures` (`npm run eval` prints the table):
 * covered questions sit above it, questions from outside the corpus below.
 */
export const CONFIDENCE_THRESHOLD = 0.4;

/** Longest query read; the rest is ignored, since nobody asks a question that long. */
export const MAX_QUERY_CHARS = 1000;

/** Weight of BM25 when passages tie on matched IDF. */
const TIE_BREAK = 0.01;
/** How much the paper-level match (names, authors, whole summary) counts beside the best passage. */
const PAPER_WEIGHT = 1;
const PAPER_FIELD_BOOST = { aliases: 3, title: 2, id: 2, arxiv: 3, authors: 2, summary: 0.5 };

/** Links and arXiv ids identify a paper (handled as mentions); their words match nothing useful. */
function withoutIdentifiers(query: string): string {
  return query
    .replace(/\b(?:https?:\/\/)?(?:www\.)?arxiv\.org\/\S*/gi, " ")
    .replace(ARXIV_ID_IN_TEXT, " ");
}

interface Candidate {
  paper: Paper;
  score: number;
  named: boolean;
  /** This paper's passage hits, best BM25 first. */
  passageHits: MiniSearchHit[];
  paperHit?: MiniSearchHit;
}

/** Context of one query that every result is built from. */
interface QueryContext {
  terms: string[];
  typoTerms: Set<string>;
  asksMore: boolean;
}

/**
 * Ranks papers for a query by their best passage and their paper-level match, puts papers the
 * query names first, and returns for each the passage that answers it, highlighted. `confident` is
 * false when the corpus does not cover the query; the results are then only the nearest papers.
 */
export function search(
  index: PaperIndex,
  rawQuery: string,
  options: Partial<SearchOptions> = {},
): SearchResponse {
  const { limit } = { ...defaultSearchOptions, ...options };
  const query = rawQuery.slice(0, MAX_QUERY_CHARS);
  const mentions = findMentions(index.names, query);
  const { text: textQuery, corrections } = index.speller.correct(withoutIdentifiers(query));
  const queryTerms = termsOf(textQuery);
  const typoTerms = new Set([...corrections.values()].flatMap((word) => termsOf(word)));
  // What the question asks beyond naming a paper ("what is BEAR?" asks nothing more).
  let residual = query;
  for (const m of [...mentions].reverse())
    residual = residual.slice(0, m.start) + residual.slice(m.end);
  const asksMore = termsOf(withoutIdentifiers(residual)).length > 0;

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
  for (const m of mentions) {
    const entry = candidate(m.paper.id);
    if (entry) entry.named = true;
  }
  if (queryTerms.length > 0) {
    for (const hit of index.passageSearch.search(textQuery)) {
      const entry = candidate(hit.paperId as string);
      // Hits come best first: a paper ranks by its best passage.
      if (entry?.passageHits.push(hit) === 1) entry.score += hit.score;
    }
    for (const hit of index.paperSearch.search(textQuery, { boost: PAPER_FIELD_BOOST })) {
      const entry = candidate(hit.id as string);
      if (entry) {
        entry.paperHit = hit;
        entry.score += PAPER_WEIGHT * hit.score;
      }
    }
  }

  // A question that names a paper is about that paper, whatever its other words match elsewhere.
  const ranked = [...candidates.values()].sort(
    (a, b) => Number(b.named) - Number(a.named) || b.score - a.score,
  );
  const top = ranked[0];
  const context: QueryContext = { terms: queryTerms, typoTerms, asksMore };
  const answers = ranked.slice(0, limit).map((c) => ({ c, hit: answeringHit(index, c, context) }));
  const best = answers[0];
  const coverage = best
    ? measureCoverage(index, queryTerms, [best.hit, best.c.paperHit], typoTerms).share
    : 0;
  const confident = top !== undefined && (top.named || coverage >= CONFIDENCE_THRESHOLD);
  return {
    query: rawQuery,
    confident,
    coverage: top?.named ? 1 : Math.round(coverage * 1000) / 1000,
    results: answers.map(({ c, hit }) => toResult(index, c, hit, context)),
  };
}

/**
 * The passage hit of a paper that answers the question: the one whose matched terms carry the most
 * IDF weight (so the one passage saying "Uber" beats several saying "lottery ticket"), BM25 breaking
 * ties. None when the question only names the paper.
 */
function answeringHit(
  index: PaperIndex,
  c: Candidate,
  context: QueryContext,
): MiniSearchHit | undefined {
  if (c.named && !context.asksMore) return undefined;
  let best: { hit: MiniSearchHit; value: number } | undefined;
  for (const hit of c.passageHits) {
    const { matchedWeight } = measureCoverage(index, context.terms, [hit], context.typoTerms);
    const value = matchedWeight + TIE_BREAK * hit.score;
    if (!best || value > best.value) best = { hit, value };
  }
  return best?.hit;
}

function toResult(
  index: PaperIndex,
  c: Candidate,
  hit: MiniSearchHit | undefined,
  context: QueryContext,
): SearchResult {
  // A question that only names a paper (or its authors) gets the passage that introduces it.
  const passage = (hit && index.passages[hit.id as number]) ??
    overviewPassage(index, c.paper.id) ?? {
      id: -1,
      paperId: c.paper.id,
      ordinal: 0,
      text: "",
      figures: [],
    };
  const terms = new Set(context.terms);
  return {
    paper: c.paper,
    score: Math.round(c.score * 1000) / 1000,
    passage,
    highlighted: highlightTerms(passage.text, terms),
  };
}
