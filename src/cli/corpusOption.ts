import { formatProblem, loadCorpus } from "../corpus/loadCorpus.ts";
import { buildIndex, type PaperIndex } from "../retrieval/buildIndex.ts";
import { type CliIO, writeLine } from "./io.ts";

/** Default corpus directory, relative to where the command runs. */
export const DEFAULT_CORPUS_DIR = "./corpus";

/** The corpus directory: `--corpus DIR` wins over `CORPUS_DIR`, which wins over `./corpus`. */
export function corpusDir(option: string | undefined, io: CliIO): string {
  // An empty CORPUS_DIR (a blank line in .env) means unset, not "the current directory".
  return option || io.env.CORPUS_DIR || DEFAULT_CORPUS_DIR;
}

/**
 * Loads and indexes a corpus for a command. Broken files are reported on stderr and skipped: the
 * rest of the corpus still answers.
 */
export function loadIndex(dir: string, io: CliIO): PaperIndex {
  const corpus = loadCorpus(dir);
  for (const problem of corpus.problems)
    writeLine(io.stderr, `paperbot: skipped ${formatProblem(problem)}`);
  return buildIndex(corpus.papers);
}
