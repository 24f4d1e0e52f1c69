/**
 * The shape of the index every search reads, and the texts it holds for a paper: apart from
 * building it (`buildIndex`), so that updating it (`updateIndex`) needs no import back.
 */
import { NameTable } from "../lookup/nameTable.ts";
import { Speller } from "../text/spelling.ts";
import { termsOf } from "../text/terms.ts";
import type { Paper, Passage } from "../types.ts";
import { TermIndex } from "./termIndex.ts";

/** Fields of the paper index, in the order {@link paperFields} gives their texts. */
export const PAPER_FIELDS = [
  "title",
  "aliases",
  "authors",
  "arxiv",
  "id",
  "summary",
  "year",
  "venue",
] as const;

/** The summary field of the paper index: its counts say how often a summary writes a term. */
export const SUMMARY_FIELD = PAPER_FIELDS.indexOf("summary");

/** True when any field of paper `number` (title, names, authors, summary, year...) has `term`. */
export function paperHasTerm(index: PaperIndex, number: number, term: string): boolean {
  return PAPER_FIELDS.some((_, field) => index.paperSearch.termCount(term, number, field) > 0);
}

/**
 * Field weights of the paper-level match, which adds to a paper's best passage score. A title or
 * alias word counts as any other word: a question that names a paper is found by its name (see
 * `findMentions`), and boosting the same words again as plain words put a title's neighbours
 * first in a corpus of related papers ("no position embeddings at all" went to RoFormer, "Rotary
 * Position Embedding"; "FAIR image transformer" to Sparse Transformer). At aliases 3 and title 2,
 * as before: together: notes3 dev 75% first, notes3 dev 80%, together: styles dev 90%; at 1 and
 * 1: 80%, 83%, 92%, and one outside question more declined on each of the styles and notes dev
 * sets, one fewer on notes2 dev.
 */
export const PAPER_FIELD_BOOST = {
  id: 2,
  arxiv: 3,
  authors: 2,
  summary: 0.5,
  // "the 2012 ImageNet winner" is AlexNet (2012), not the 2015 paper whose notes cite ILSVRC 2012.
  year: 2,
  venue: 2,
};

/** Everything the retriever needs, built from a corpus and then only read (or updated as a whole). */
export interface PaperIndex {
  /** Papers by id, in corpus order. */
  papers: Map<string, Paper>;
  /**
   * All passages; a passage's `id` is its position here. After an update the array has holes
   * where removed papers' passages were (ids are never reused while the index lives).
   */
  passages: Passage[];
  /** The paper number (in `paperSearch`) of each passage id; -1 for a removed passage. */
  passagePapers: number[];
  /** Each paper's passages in summary order. */
  passagesByPaper: Map<string, Passage[]>;
  /** Full-text index of passages, by passage id (its document frequencies give IDF weights). */
  passageSearch: TermIndex;
  /** Index of papers: title, aliases, authors, arXiv id, id and the whole summary. */
  paperSearch: TermIndex;
  /** Each paper's document number in `paperSearch`. */
  paperNumbers: Map<string, number>;
  /** The paper id of each document number of `paperSearch` (numbers are never reused). */
  paperIds: Array<string | undefined>;
  /** Every name of every paper, for lookup by name. */
  names: NameTable;
  /** Corrects typos in questions against the corpus vocabulary. */
  speller: Speller;
  /** Each paper's title, alias and id terms, filled on first use (see {@link paperNameTerms}). */
  nameTerms: Map<string, ReadonlySet<string>>;
  /** Each paper's overview passage, filled on first use (see `overviewPassage`). */
  overviews: Map<string, Passage>;
  /** Each paper's summary split into sentences, filled on first use. */
  sentences: Map<string, string[]>;
}

/** The texts the paper index holds for a paper, in the order of {@link PAPER_FIELDS}. */
export function paperFields(paper: Paper): string[] {
  return [
    paper.title,
    paper.aliases.join(" ; "),
    paper.authors.join(" ; "),
    paper.arxiv ?? "",
    paper.id,
    paper.summary,
    String(paper.year),
    venueWords(paper.venue),
  ];
}

/**
 * The words of a paper's venue that place it ("EMNLP 2018 (System Demonstrations)"): "that emnlp
 * 2018 demo-track paper" says where it appeared. Not "arXiv preprint", which every preprint
 * shares and questions write for other reasons ("arXiv 1906.00949").
 */
function venueWords(venue: string | undefined): string {
  return (venue ?? "").replace(/\barxiv\b|\bpreprints?\b/gi, " ");
}

/** The texts whose words the speller learns from a paper. */
export function spellerTexts(paper: Paper): string[] {
  return [paper.summary, paper.title, ...paper.aliases, ...paper.authors];
}

/**
 * The terms of a paper's title, aliases and id: the words that name or describe it. The id too,
 * as a question that names the paper is rewritten with it ("world models" reads "world-models",
 * whose joined "worldmodel" is no word of the title). Worked out on first use and kept, so a
 * large index starts without stemming every title.
 */
export function paperNameTerms(index: PaperIndex, paper: Paper): ReadonlySet<string> {
  let terms = index.nameTerms.get(paper.id);
  if (!terms) {
    terms = new Set(termsOf([paper.title, ...paper.aliases, paper.id].join(" ")));
    index.nameTerms.set(paper.id, terms);
  }
  return terms;
}

/** An index of no papers, to add a corpus to. */
export function emptyIndex(): PaperIndex {
  return {
    papers: new Map(),
    passages: [],
    passagePapers: [],
    passagesByPaper: new Map(),
    passageSearch: new TermIndex(["text"]),
    paperSearch: new TermIndex(PAPER_FIELDS),
    paperNumbers: new Map(),
    paperIds: [],
    names: new NameTable([]),
    speller: new Speller([]),
    nameTerms: new Map(),
    overviews: new Map(),
    sentences: new Map(),
  };
}
