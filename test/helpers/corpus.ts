import { fileURLToPath } from "node:url";
import { loadCorpus } from "../../src/corpus/loadCorpus.ts";
import { buildIndex, type PaperIndex } from "../../src/retrieval/buildIndex.ts";

/** The project's real corpus directory. */
export const CORPUS_DIR = fileURLToPath(new URL("../../corpus", import.meta.url));
/** Test fixtures directory. */
export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures", import.meta.url));

let shared: PaperIndex | undefined;

/** The index of the real nine-paper corpus, built once per test file. */
export function corpusIndex(): PaperIndex {
  shared ??= buildIndex(loadCorpus(CORPUS_DIR).papers);
  return shared;
}
