/**
 * paperbot's core: corpus loading, passage retrieval, paper lookup. Pure TypeScript; it never
 * imports a chat platform's library.
 */
export { formatProblem, loadCorpus } from "./corpus/loadCorpus.ts";
export { createError, PaperbotError } from "./errors.ts";
export { type LookupResult, lookupPaper } from "./lookup/lookupPaper.ts";
export { NameTable } from "./lookup/nameTable.ts";
export { buildIndex, type PaperIndex } from "./retrieval/buildIndex.ts";
export { plainText } from "./retrieval/highlight.ts";
export { type IndexSource, staticIndexSource } from "./retrieval/indexSource.ts";
export { defaultSearchOptions, type SearchOptions, search } from "./retrieval/search.ts";
export type * from "./types.ts";
