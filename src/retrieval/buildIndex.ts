import MiniSearch from "minisearch";
import { NameTable } from "../lookup/nameTable.ts";
import { Speller } from "../text/spelling.ts";
import { processTerm, termsOf, tokenize } from "../text/terms.ts";
import type { Paper, Passage } from "../types.ts";
import { splitPassages } from "./passages.ts";

/** What the passage index stores for each passage. */
interface PassageDocument {
  id: number;
  paperId: string;
  text: string;
}

/** What the paper index stores for each paper: what identifies it, and its whole summary. */
interface PaperDocument {
  id: string;
  title: string;
  aliases: string;
  authors: string;
  arxiv: string;
  summary: string;
}

/** Everything the retriever needs, built once from a corpus and then only read. */
export interface PaperIndex {
  /** Papers by id, in corpus order. */
  papers: Map<string, Paper>;
  /** All passages; a passage's `id` is its position here. */
  passages: Passage[];
  /** Each paper's passages in summary order. */
  passagesByPaper: Map<string, Passage[]>;
  /** Full-text index of passages. */
  passageSearch: MiniSearch<PassageDocument>;
  /** Index of papers: title, aliases, authors, arXiv id and the whole summary. */
  paperSearch: MiniSearch<PaperDocument>;
  /** For each index term, how many passages contain it (for IDF weights). */
  passageFrequency: Map<string, number>;
  /** Every name of every paper, for lookup by name. */
  names: NameTable;
  /** Corrects typos in questions against the corpus vocabulary. */
  speller: Speller;
  /** Each paper's title and alias terms: the words that name or describe it. */
  nameTerms: Map<string, ReadonlySet<string>>;
  /** Each paper's overview passage, filled on first use (see `overviewPassage`). */
  overviews: Map<string, Passage>;
  /** Each paper's summary split into sentences, filled on first use. */
  sentences: Map<string, string[]>;
}

/** Tokenizer and term processing shared by both indexes and their queries. */
export const termOptions = {
  tokenize,
  processTerm: (piece: string): string[] | false => {
    const terms = processTerm(piece);
    return terms.length > 0 ? [...terms] : false;
  },
};

/** Builds the passage and paper indexes of a corpus. */
export function buildIndex(papers: readonly Paper[]): PaperIndex {
  const passages: Passage[] = [];
  const passagesByPaper = new Map<string, Passage[]>();
  for (const paper of papers) {
    const own = splitPassages(paper.id, paper.summary, passages.length);
    passages.push(...own);
    passagesByPaper.set(paper.id, own);
  }

  const passageSearch = new MiniSearch<PassageDocument>({
    fields: ["text"],
    storeFields: ["paperId"],
    ...termOptions,
  });
  passageSearch.addAll(passages.map((p) => ({ id: p.id, paperId: p.paperId, text: p.text })));

  const paperSearch = new MiniSearch<PaperDocument>({
    fields: ["title", "aliases", "authors", "arxiv", "id", "summary"],
    ...termOptions,
  });
  paperSearch.addAll(
    papers.map((paper) => ({
      id: paper.id,
      title: paper.title,
      aliases: paper.aliases.join(" ; "),
      authors: paper.authors.join(" ; "),
      arxiv: paper.arxiv,
      summary: paper.summary,
    })),
  );

  const passageFrequency = new Map<string, number>();
  for (const passage of passages) {
    for (const term of termsOf(passage.text)) {
      passageFrequency.set(term, (passageFrequency.get(term) ?? 0) + 1);
    }
  }

  return {
    papers: new Map(papers.map((paper) => [paper.id, paper])),
    passages,
    passagesByPaper,
    passageSearch,
    paperSearch,
    passageFrequency,
    names: new NameTable(papers),
    nameTerms: new Map(
      papers.map((p) => [p.id, new Set(termsOf([p.title, ...p.aliases].join(" ")))]),
    ),
    speller: new Speller(papers.flatMap((p) => [p.summary, p.title, ...p.aliases, ...p.authors])),
    overviews: new Map(),
    sentences: new Map(),
  };
}
