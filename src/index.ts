/**
 * paperbot's core: corpus loading, passage retrieval, paper lookup. Pure TypeScript; it never
 * imports a chat platform's library.
 */
export { formatProblem, loadCorpus } from "./corpus/loadCorpus.ts";
export { createError, PaperbotError } from "./errors.ts";
export type { CoreLogger } from "./logger.ts";
export { type LookupResult, lookupPaper } from "./lookup/lookupPaper.ts";
export { NameTable } from "./lookup/nameTable.ts";
export {
  MAX_AUTOCOMPLETE_CHOICES,
  type PaperSuggestion,
  suggestPapers,
} from "./lookup/suggestPapers.ts";
export { buildIndex, type PaperIndex } from "./retrieval/buildIndex.ts";
export { plainText } from "./retrieval/highlight.ts";
export { type IndexSource, staticIndexSource } from "./retrieval/indexSource.ts";
export {
  type CorpusIndexOptions,
  type LoadedCorpusIndex,
  loadCorpusIndex,
} from "./retrieval/loadCorpusIndex.ts";
export {
  type CorpusIndex,
  type OpenCorpusIndexOptions,
  openCorpusIndex,
} from "./retrieval/openCorpusIndex.ts";
export { defaultSearchOptions, type SearchOptions, search } from "./retrieval/search.ts";
export type * from "./types.ts";
