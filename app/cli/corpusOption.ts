import { statSync } from "node:fs";
import { dirname } from "node:path";
import { formatProblem } from "../../src/corpus/loadCorpus.ts";
import type { CoreLogger } from "../../src/logger.ts";
import type { PaperIndex } from "../../src/retrieval/buildIndex.ts";
import { loadCorpusIndex } from "../../src/retrieval/loadCorpusIndex.ts";
import { readPaths } from "../storagePaths.ts";
import { type CliIO, writeLine } from "./io.ts";

/** The corpus directory: `--corpus DIR` wins over `CORPUS_DIR`, which wins over `./corpus`. */
export function corpusDir(option: string | undefined, io: CliIO): string {
  return readPaths(io.env, option ? { corpusDir: option } : {}).corpusDir;
}

/**
 * Where the index snapshot is kept: `INDEX_SNAPSHOT_DIR`, else beside the database
 * (`DATABASE_PATH`'s directory, `./data` by default, made when missing); `off` for no snapshot
 * at all. A directory named in `INDEX_SNAPSHOT_DIR` must exist: it is never made, since a typo
 * would leave a stray directory; `warn` says so, and the index is kept in memory only.
 */
export function snapshotDir(env: CliIO["env"], warn: (message: string) => void): string | null {
  const { snapshotDir: dir, databasePath } = readPaths(env);
  if (!dir) return dirname(databasePath);
  if (dir === "off") return null;
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    warn(
      `INDEX_SNAPSHOT_DIR "${dir}" is not an existing directory, so no index snapshot is kept (every start indexes the corpus again): create it, or set INDEX_SNAPSHOT_DIR=off`,
    );
    return null;
  }
  return dir;
}

/** A logger for commands: warnings and errors on stderr as `paperbot: ...`, the rest dropped. */
export function stderrLogger(io: CliIO): CoreLogger {
  const print = (obj: object, msg?: string): void => {
    const reason = "reason" in obj ? ` (${String(obj.reason)})` : "";
    writeLine(io.stderr, `paperbot: ${msg ?? ""}${reason}`);
  };
  return { info() {}, warn: print, error: print };
}

/**
 * Loads and indexes a corpus for a command, from the saved snapshot when the corpus is unchanged
 * (see `loadCorpusIndex`). Broken files are reported on stderr and skipped: the rest of the corpus
 * still answers.
 */
export function loadIndex(dir: string, io: CliIO): PaperIndex {
  const loaded = loadCorpusIndex({
    corpusDir: dir,
    snapshotDir: snapshotDir(io.env, (message) => writeLine(io.stderr, `paperbot: ${message}`)),
    logger: stderrLogger(io),
  });
  for (const problem of loaded.problems)
    writeLine(io.stderr, `paperbot: skipped ${formatProblem(problem)}`);
  return loaded.index;
}
