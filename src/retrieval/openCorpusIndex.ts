import { formatProblem } from "../corpus/loadCorpus.ts";
import { silentLogger } from "../logger.ts";
import type { CorpusProblem } from "../types.ts";
import type { IndexState } from "./indexSnapshot.ts";
import type { IndexSource } from "./indexSource.ts";
import {
  type CorpusIndexOptions,
  filesChanged,
  loadCorpusIndex,
  refreshIndex,
  saveSnapshot,
} from "./loadCorpusIndex.ts";
import { type CorpusDirWatch, watchCorpusDir } from "./watchCorpusDir.ts";

/** Options of {@link openCorpusIndex}. */
export interface OpenCorpusIndexOptions extends CorpusIndexOptions {
  /** Whether to follow changes to the corpus directory while running. */
  watch?: boolean;
  /** Quiet time after the last change before re-indexing, so an editor's burst of writes is one update. */
  debounceMs?: number;
  /** Quiet time after the last update before the snapshot is saved again. */
  snapshotDelayMs?: number;
  /** How often to check that the corpus directory is still there (see `watchCorpusDir`). */
  pollMs?: number;
}

/** A live index over a corpus directory: answers from `current()` and follows the directory's changes. */
export interface CorpusIndex extends IndexSource {
  /** Reads the directory now and swaps in the updated index; what the watcher calls. */
  refresh(): void;
  /** Problems of the files currently left out. */
  problems(): readonly CorpusProblem[];
  /** Stops watching and saves a pending snapshot. */
  close(): Promise<void>;
}

/** Default quiet time before re-indexing. */
export const DEFAULT_DEBOUNCE_MS = 300;
/** Default quiet time before saving the snapshot after an update. */
export const DEFAULT_SNAPSHOT_DELAY_MS = 5000;

/**
 * Opens a corpus's index (from its snapshot when it is up to date, see `loadCorpusIndex`) and,
 * with `watch`, keeps it up to date: an added, changed or removed file is re-indexed within a
 * second of the last write, and the new index replaces the old in one step, so a request never sees
 * one half built. A file that fails validation is logged and left out; the rest keep serving.
 */
export function openCorpusIndex(options: OpenCorpusIndexOptions): CorpusIndex {
  const logger = options.logger ?? silentLogger;
  const loaded = loadCorpusIndex(options);
  let state: IndexState = loaded;
  let problems = loaded.problems;
  const reported = new Set<string>();
  const report = (found: readonly CorpusProblem[]): void => {
    for (const problem of found) {
      const line = formatProblem(problem);
      if (!reported.has(line))
        logger.warn({ file: problem.file, line: problem.line }, `skipped ${line}`);
    }
    reported.clear();
    for (const problem of found) reported.add(formatProblem(problem));
  };
  report(problems);
  logger.info(
    {
      corpusDir: options.corpusDir,
      papers: state.index.papers.size,
      reindexed: loaded.reindexed,
      fromSnapshot: loaded.fromSnapshot,
    },
    "corpus index ready",
  );

  let snapshotTimer: NodeJS.Timeout | undefined;
  const saveNow = (): void => {
    clearTimeout(snapshotTimer);
    snapshotTimer = undefined;
    saveSnapshot(options, state, logger);
  };

  const refresh = (): void => {
    try {
      const started = performance.now();
      const next = refreshIndex(options.corpusDir, state);
      if (!filesChanged(state.files, next.files)) return;
      // The swap: one assignment, after the new index is complete.
      state = next;
      problems = next.problems;
      report(problems);
      logger.info(
        {
          papers: next.index.papers.size,
          reindexed: next.reindexed,
          ms: Math.round(performance.now() - started),
        },
        "corpus changed; index updated",
      );
      clearTimeout(snapshotTimer);
      snapshotTimer = setTimeout(saveNow, options.snapshotDelayMs ?? DEFAULT_SNAPSHOT_DELAY_MS);
      snapshotTimer.unref();
    } catch (error) {
      // The directory went away or cannot be read: keep answering from the index we have.
      logger.error(
        { err: error, corpusDir: options.corpusDir },
        "corpus not re-read; index unchanged",
      );
    }
  };

  let watcher: CorpusDirWatch | undefined;
  let debounce: NodeJS.Timeout | undefined;
  if (options.watch) {
    // Survives the directory being deleted or moved and made again (#14).
    watcher = watchCorpusDir({
      dir: options.corpusDir,
      pollMs: options.pollMs,
      logger,
      onChange: () => {
        clearTimeout(debounce);
        debounce = setTimeout(refresh, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
      },
    });
  }

  return {
    current: () => state.index,
    refresh,
    problems: () => problems,
    async close() {
      watcher?.close();
      clearTimeout(debounce);
      if (snapshotTimer) saveNow();
    },
  };
}
