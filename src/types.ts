/**
 * Plain data types shared by the corpus loader, the retrieval core and every adapter.
 * Nothing here depends on a platform library.
 */

/** A paper's metadata, as written in the YAML front matter of its corpus file. */
export interface PaperMeta {
  /** Stable slug used in links and commands, e.g. `vq-vae-2`. */
  id: string;
  /** Full title as published. */
  title: string;
  /** Author names in publication order. */
  authors: string[];
  /** Publication year. */
  year: number;
  /** Venue, e.g. `NeurIPS`. */
  venue: string;
  /** arXiv identifier without version, e.g. `1905.02249`; absent for a paper not on arXiv. */
  arxiv?: string;
  /** DOI without prefix or URL, e.g. `10.1016/j.neunet.2014.09.003`, when the paper has one. */
  doi?: string;
  /** Canonical link: the arXiv abstract page, the DOI's page or the publisher's. */
  url: string;
  /**
   * Where the summary comes from: `abstract` when it is the paper's own abstract (imported, no
   * group summary written yet; front matter `summary: abstract`); absent for a group summary.
   */
  summarySource?: "abstract";
  /** Other names people use for the paper (acronyms, method names). */
  aliases: string[];
  /** Date the summary joined the corpus, `YYYY-MM-DD`. */
  added: string;
}

/** A paper with its summary, as loaded from one corpus file. */
export interface Paper extends PaperMeta {
  /** The summary text (Markdown body of the file), figure links where they stand. */
  summary: string;
  /** Path of the corpus file it came from. */
  file: string;
  /** Figure image links in the order they appear in the summary. */
  figures: string[];
}

/** One problem found in a corpus file, reported as `file:line: message`. */
export interface CorpusProblem {
  /** Path of the file with the problem. */
  file: string;
  /** 1-based line the problem is on (1 when it concerns the whole file). */
  line: number;
  /** What is wrong, in one sentence. */
  message: string;
}

/** The result of loading a corpus directory: the good papers and the problems of the rest. */
export interface Corpus {
  /** Papers that passed validation, sorted by id. */
  papers: Paper[];
  /** Problems found; a file with any problem is left out of `papers`. */
  problems: CorpusProblem[];
}

/** A few overlapping sentences of one summary: the unit the retriever ranks. */
export interface Passage {
  /** Index of the passage in the whole index (unique). */
  id: number;
  /** Id of the paper it belongs to. */
  paperId: string;
  /** Position of the passage within its paper's passages, from 0. */
  ordinal: number;
  /** Plain text of the passage (figure links removed, LaTeX as written). */
  text: string;
  /** Figure links that belong to the passage: those inside it, else the nearest one after it. */
  figures: string[];
  /**
   * The headings the passage stands under, outermost first ("How", "Bias correction"); absent
   * when the summary has none above it.
   */
  headings?: readonly string[];
}

/** A run of passage text, marked when it matched the query. Adapters render the marks. */
export interface TextSegment {
  /** The text of this run. */
  text: string;
  /** True when the run is a query term match. */
  highlight: boolean;
}

/** One ranked paper for a query, with the passage that best answers it. */
export interface SearchResult {
  /** The paper. */
  paper: Paper;
  /** Ranking score; only comparable within one response. */
  score: number;
  /** Weighted share of the query this result's passage and names cover, from 0 to 1. */
  coverage: number;
  /** The passage of this paper that best matches the query. */
  passage: Passage;
  /** The passage split into highlighted and plain runs. */
  highlighted: TextSegment[];
  /**
   * Another passage of the same paper, apart from the first, that answers nearly as well: an
   * answer that the summary spreads over two places. Absent when no passage comes close.
   */
  more?: { passage: Passage; highlighted: TextSegment[] };
}

/** The answer of the retriever to one query. */
export interface SearchResponse {
  /** The query as asked. */
  query: string;
  /** Whether the corpus covers the query well enough to answer it. */
  confident: boolean;
  /** How much of the query the best result covers, from 0 to 1 (weighted); 1 when the query names it. */
  coverage: number;
  /** Ranked results, best first (may be non-empty even when not confident). */
  results: SearchResult[];
  /**
   * The arXiv id or DOI the question gives that no summary is of, when that is what it asks
   * about: why it is not answered.
   */
  unknownId?: string;
  /**
   * The author the question names a paper by ("Cohen et al.") that no summary is by or writes,
   * when that is what it asks about: why it is not answered.
   */
  unknownAuthor?: string;
}
