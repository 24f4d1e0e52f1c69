/**
 * Builds the index of a corpus. The index's shape and helpers live in `paperIndex.ts` and are
 * re-exported here, where most callers look for them.
 */
import type { Paper } from "../types.ts";
import { emptyIndex, type PaperIndex } from "./paperIndex.ts";
import { updateIndex } from "./updateIndex.ts";

export {
  emptyIndex,
  PAPER_FIELDS,
  type PaperIndex,
  paperFields,
  paperHasTerm,
  paperNameTerms,
  SUMMARY_FIELD,
  spellerTexts,
} from "./paperIndex.ts";

/** Builds the passage and paper indexes of a corpus. */
export function buildIndex(papers: readonly Paper[]): PaperIndex {
  return updateIndex(emptyIndex(), papers);
}
