import type { PaperIndex } from "./buildIndex.ts";

/**
 * Where adapters get the index that answers now. A live source swaps in a new index when the
 * corpus changes, so callers ask for `current()` on every request and never keep the result.
 */
export interface IndexSource {
  /** The index to answer this request from; never a half-built one. */
  current(): PaperIndex;
}

/** An index source that never changes: for tests, the CLI, and a corpus that is not watched. */
export function staticIndexSource(index: PaperIndex): IndexSource {
  return { current: () => index };
}
