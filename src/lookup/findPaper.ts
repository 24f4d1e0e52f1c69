import type { PaperIndex } from "../retrieval/buildIndex.ts";
import { search } from "../retrieval/search.ts";
import type { Paper } from "../types.ts";
import { type LookupResult, lookupPaper } from "./lookupPaper.ts";

/** How many "did you mean" papers to offer. */
const MAX_SUGGESTIONS = 3;

/**
 * Looks a paper up by name for `/paper NAME`. When no name matches, suggests the papers whose
 * names look alike, then those whose summaries match the words ("lottery" suggests both lottery
 * ticket papers).
 */
export function findPaper(index: PaperIndex, name: string): LookupResult {
  const found = lookupPaper(index.names, name);
  if (found.paper) return found;
  const nearest = new Set<Paper>(found.suggestions);
  for (const result of search(index, name).results) nearest.add(result.paper);
  return { ...found, suggestions: [...nearest].slice(0, MAX_SUGGESTIONS) };
}
