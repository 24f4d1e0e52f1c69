import { isShouted, writtenAsName } from "../text/casing.ts";
import { findTermWords, foldText, processTerm, wordPieces } from "../text/terms.ts";
import { isVenueCode } from "../text/venues.ts";
import {
  isEnglishForm,
  isLabName,
  isProperName,
  misspeltEnglish,
  specificity,
} from "../text/wordRarity.ts";
import { PAPER_FIELDS, type PaperIndex } from "./buildIndex.ts";
import type { TermHit } from "./termIndex.ts";

/** Credit for a query term matched only with a typo, relative to an exact match. */
const FUZZY_CREDIT = 0.8;

/** Inverse document frequency of a term over passages; a term no passage has weighs the most. */
export function idf(index: PaperIndex, term: string): number {
  // The passage list has holes after an update; the full-text index counts what is there.
  const n = index.passageSearch.documentCount;
  const df = index.passageSearch.documentFrequency(term);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** How much of a query a result accounts for. */
export interface QueryCoverage {
  /** IDF-weighted share of the query's terms that the result matched, from 0 to 1. */
  share: number;
  /** Summed IDF of the matched terms: how much specific evidence there is. */
  matchedWeight: number;
}

/**
 * Fields whose matches are evidence of coverage; a word anywhere in a long summary is not. The
 * paper's year is: "that 2022 all-conv net" says the paper is from 2022, as a title word would.
 * Not its venue, which ranks ("that emnlp demo-track paper") but is shared by too many papers to
 * say a question is covered: "when is the neurips deadline?" matched every seed paper by it.
 */
const EVIDENCE_FIELDS = new Set(["text", "title", "aliases", "authors", "arxiv", "id", "year"]);

/**
 * Weighs each term of a query by how much it says about the topic: its IDF over passages (rare in
 * the corpus, or absent, weighs more) times its specificity in everyday English (so "punish" in a
 * paraphrase, or "tomorrow", weighs less than "quantization"; a word written as a name is
 * specific). A word corrected from a typo earns a little less.
 */
export function weighQuery(
  index: PaperIndex,
  text: string,
  corrected: ReadonlySet<string>,
): Map<string, number> {
  const weights = new Map<string, number>();
  const shouted = isShouted(text);
  // The words the index makes terms of: "\\frac" is no word of the question (found by fast-check).
  const spans = findTermWords(text);
  for (const [wordAt, { word }] of spans.entries()) {
    const pieces = wordPieces(word);
    const beforeHead = pieces.length === 1 && NAMED_HEADS.test(spans[wordAt + 1]?.word ?? "");
    for (const [at, piece] of pieces.entries()) {
      const folded = foldText(piece);
      // "lion optimizer": a word no summary has, before a word that things are named with, is
      // a name, however English ("Lion"), and however it is cased. A lab is no name of a work
      // however cased: "that NVIDIA paper" says where the paper is from, as "that nvidia paper".
      const name =
        (writtenAsName(piece, shouted) && !isLabName(folded)) ||
        (beforeHead && unknownNameFactor(index, folded, false) > 1);
      // Read once: mending a typed word tries hundreds of spellings.
      const misspelt = name ? undefined : misspeltEnglish(folded);
      // A person's or a place's name in English ("Lora", "Gail") is no English word to a question
      // of ML papers: "how does lora work for fine-tuning?" asks of a work the corpus may lack.
      // Not a lab's or a university's: "the stanford ranker" says where a paper is from.
      const personOrPlace = isProperName(folded) && !isLabName(folded);
      const english =
        !name && (misspelt !== undefined || (isEnglishForm(folded) && !personOrPlace));
      const factor =
        (name ? 1 : specificity(misspelt ?? folded)) *
        (corrected.has(folded) ? FUZZY_CREDIT : 1) *
        unknownNameFactor(index, folded, english);
      // A compound's joined spelling ("testset" from "test-set") is only another way to find its
      // parts; when no passage writes it so, it is no unseen topic, and its parts carry the weight.
      // Not a model's name and number ("phi-1", "gpt-4"; see NUMBERED_NAME).
      const joined =
        pieces.length > 2 &&
        at === pieces.length - 1 &&
        !/['’]/.test(word) &&
        !NUMBERED_NAME.test(word);
      for (const term of processTerm(piece)) {
        if (joined && index.passageSearch.documentFrequency(term) === 0) continue;
        const weight = idf(index, term) * factor;
        if (weight > (weights.get(term) ?? 0)) weights.set(term, weight);
      }
    }
  }
  return weights;
}

/**
 * A name and its number joined by a hyphen ("phi-1", "gpt-4", "llama-2"): its joined spelling
 * ("phi1") is the name, and no summary writing "phi" (the φ of a formula) or "1" covers it. Not a
 * year ("early-2020"). Measured on every set: notes15 dev outside declined 82% -> 86% ("phi-1
 * 'textbooks are all you need' - how did they filter the code data?" against the Decision Diffuser
 * notes' `f_φ`), no right answer lost; 63 more cross-corpus dev and hold-out questions declined
 * of 33,193, 22 more blind of 27,557.
 */
const NUMBERED_NAME = /^\p{L}+-\d{1,2}$/u;

/**
 * Extra weight of a word that is no English word (or is written as a name: "ALBERT") and that no
 * summary, title or author list has: a name the corpus has never heard of ("Chinchilla"-style model
 * names, "DropConnect", "t-SNE").
 * Such a word is what the question is about, so a passage that matches the rest around it ("graph
 * embedding margin loss" beside "TransE") does not answer it.
 */
const UNKNOWN_NAME_FACTOR = 2;

/**
 * True for a word of letters then figures that names a work ("PRM800K", "GPT4", "word2vec"), not
 * a figure ("32x32", "3b", "1e-4") or a venue with its year ("iccv17", "cvpr19").
 */
function namedWithNumber(folded: string): boolean {
  return /^\p{L}{2,}\d/u.test(folded) && !isVenueCode(folded);
}

/** {@link UNKNOWN_NAME_FACTOR} for a word, or 1; `english` when it reads as an English word or a typo of one. */
function unknownNameFactor(index: PaperIndex, folded: string, english: boolean): number {
  if (english || (/\d/.test(folded) && !namedWithNumber(folded))) return 1;
  return corpusLacks(index, folded) ? UNKNOWN_NAME_FACTOR : 1;
}

/** The weightiest term of a weighed query, with its weight; undefined when none weighs anything. */
export function weightiest(
  weights: ReadonlyMap<string, number>,
): { term: string; weight: number } | undefined {
  let top: { term: string; weight: number } | undefined;
  for (const [term, weight] of weights) if (weight > (top?.weight ?? 0)) top = { term, weight };
  return top;
}

/**
 * True when a weighed query's weightiest term is a name no summary has: it weighs more than any
 * word can without {@link UNKNOWN_NAME_FACTOR} ("YOLO" in "how does YOLO detect objects?").
 */
export function asksAboutUnknownName(
  index: PaperIndex,
  weights: ReadonlyMap<string, number>,
): boolean {
  return (weightiest(weights)?.weight ?? 0) > idf(index, "");
}

/**
 * True when a weighed query's weightiest term is one no summary has, name or English word ("how
 * did Chinchilla fit its scaling law?"): the question is about something the corpus lacks.
 */
export function asksAboutUnknownWord(
  index: PaperIndex,
  weights: ReadonlyMap<string, number>,
): boolean {
  const top = weightiest(weights);
  return top !== undefined && corpusLacks(index, top.term);
}

/** True when no passage, title, alias, author list or other paper field has any term of `word`. */
export function corpusLacks(index: PaperIndex, word: string): boolean {
  return (
    passagesLack(index, word) &&
    processTerm(word).every((term) =>
      PAPER_FIELDS.every((_, field) => index.paperSearch.documentFrequency(term, field) === 0),
    )
  );
}

/** True when no passage of any summary has any term of `word` (a front matter's fields may). */
function passagesLack(index: PaperIndex, word: string): boolean {
  return processTerm(word).every((term) => index.passageSearch.documentFrequency(term) === 0);
}

/**
 * Words that follow a name in ML writing: "the Lion optimizer", "Switch Transformer". Not "model"
 * or "method": "the gated model" describes as often as it names; nor "paper": "that ray marching
 * paper" describes NeRF (as a name, "marching" weighed twice what any summary word can).
 */
const NAMED_HEADS = /^(?:optimi[sz]ers?|transformers?|algorithms?|architectures?)$/i;

/** The summed weight of a weighed query (see {@link weighQuery}). */
export function totalWeight(weights: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  return total;
}

/**
 * The terms the given hits matched in fields that are evidence of coverage. A paper's venue is
 * evidence only beside its year: "icml 2018 optimizer with one preconditioner per tensor
 * dimension" places its paper as surely as its title words would, where "when is the neurips
 * deadline?" places none. Measured on every set: notes10 dev answering passage +1, notes4 blind
 * right answers declined 11% -> 9%, and 4 more of the 41,628 cross-corpus questions answered.
 */
export function evidenceTerms(hits: ReadonlyArray<TermHit | undefined>): Set<string> {
  const matched = new Set<string>();
  for (const hit of hits) {
    if (!hit) continue;
    const dated = hit.terms.some((term) => hit.match[term]?.includes("year"));
    for (const term of hit.terms) {
      const fields = hit.match[term] ?? [];
      if (fields.some((field) => EVIDENCE_FIELDS.has(field) || (dated && field === "venue")))
        matched.add(term);
    }
  }
  return matched;
}

/** Measures how much of the weighed query the given hits (a passage, a paper's names) matched. */
export function measureCoverage(
  weights: ReadonlyMap<string, number>,
  hits: ReadonlyArray<TermHit | undefined>,
): QueryCoverage {
  const matched = evidenceTerms(hits);
  let total = 0;
  let matchedWeight = 0;
  for (const [term, weight] of weights) {
    total += weight;
    if (matched.has(term)) matchedWeight += weight;
  }
  return { share: total === 0 ? 0 : matchedWeight / total, matchedWeight };
}
