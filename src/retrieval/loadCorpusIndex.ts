import { type CorpusFiles, resolveCorpus, scanCorpusFiles } from "../corpus/corpusFiles.ts";
import { type CoreLogger, silentLogger } from "../logger.ts";
import type { CorpusProblem } from "../types.ts";
import { emptyIndex } from "./buildIndex.ts";
import { type IndexState, readSnapshot, writeSnapshot } from "./indexSnapshot.ts";
import { updateIndex } from "./updateIndex.ts";

/** Where a corpus is and where its index snapshot is kept. */
export interface CorpusIndexOptions {
  /** The corpus directory. */
  corpusDir: string;
  /** Directory of the index snapshot; `null` to neither read nor write one. */
  snapshotDir: string | null;
  /** Where to report skipped files and snapshot trouble; silent by default. */
  logger?: CoreLogger;
}

/** An index loaded for a corpus, with what was found on the way. */
export interface LoadedCorpusIndex extends IndexState {
  /** Problems of the files left out. */
  problems: CorpusProblem[];
  /** How many files were parsed and indexed anew (0 when the snapshot was up to date). */
  reindexed: number;
  /** Whether a saved snapshot was used. */
  fromSnapshot: boolean;
}

/**
 * Brings an index up to date with the corpus on disk: files unchanged since `state` keep their
 * indexed papers, and only the others are read and indexed again.
 */
export function refreshIndex(
  corpusDir: string,
  state: IndexState,
): IndexState & { problems: CorpusProblem[]; reindexed: number } {
  const { files, parsed } = scanCorpusFiles(corpusDir, state.files);
  const corpus = resolveCorpus(files);
  const index = updateIndex(state.index, corpus.papers);
  return { index, files, problems: corpus.problems, reindexed: parsed };
}

/** True when any file was added, removed or touched: the snapshot should record it. */
export function filesChanged(before: CorpusFiles, after: CorpusFiles): boolean {
  if (before.size !== after.size) return true;
  for (const [file, entry] of after) if (before.get(file) !== entry) return true;
  return false;
}

/** The snapshot saved for a corpus if it can be used, else an empty index to build from. */
function startingState(options: CorpusIndexOptions, logger: CoreLogger): IndexState | undefined {
  const { corpusDir, snapshotDir } = options;
  if (snapshotDir === null) return undefined;
  const read = readSnapshot(snapshotDir, corpusDir);
  if ("rejected" in read) {
    // After an upgrade the old snapshot is simply out of date; anything else is damage to report.
    const log = read.outdated ? logger.info.bind(logger) : logger.warn.bind(logger);
    log({ corpusDir, snapshotDir, reason: read.rejected }, "index snapshot not used; rebuilding");
  }
  return "state" in read ? read.state : undefined;
}

/** Saves a snapshot, warning instead of failing: a read-only run must still answer. */
export function saveSnapshot(
  options: CorpusIndexOptions,
  state: IndexState,
  logger: CoreLogger = options.logger ?? silentLogger,
): void {
  if (options.snapshotDir === null) return;
  try {
    writeSnapshot(options.snapshotDir, options.corpusDir, state);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ snapshotDir: options.snapshotDir, reason }, "index snapshot not saved");
  }
}

/**
 * Loads a corpus's index: from its saved snapshot when there is one made by this code, re-indexing
 * only the files that changed since, else built from every file. A snapshot that cannot be read or
 * was made by other code is logged and rebuilt, never trusted. A new or refreshed index is saved
 * as the next snapshot.
 */
export function loadCorpusIndex(options: CorpusIndexOptions): LoadedCorpusIndex {
  const logger = options.logger ?? silentLogger;
  const saved = startingState(options, logger);
  const start: IndexState = saved ?? { index: emptyIndex(), files: new Map() as CorpusFiles };
  const refreshed = refreshIndex(options.corpusDir, start);
  if (!saved || filesChanged(start.files, refreshed.files))
    saveSnapshot(options, refreshed, logger);
  return { ...refreshed, fromSnapshot: saved !== undefined };
}
