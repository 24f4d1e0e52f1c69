import type { CorpusFiles } from "../corpus/corpusFiles.ts";
import { formatProblem } from "../corpus/loadCorpus.ts";
import { silentLogger } from "../logger.ts";
import type { CorpusProblem, Paper } from "../types.ts";
import { type IndexState, writeSnapshotInSlices } from "./indexSnapshot.ts";
import type { IndexSource } from "./indexSource.ts";
import { outlineFiles } from "./indexWorker.ts";
import { type IndexWorkerClient, startIndexWorker } from "./indexWorkerClient.ts";
import {
  type CorpusIndexOptions,
  filesChanged,
  loadCorpusIndex,
  refreshIndex,
} from "./loadCorpusIndex.ts";
import { runInSlices } from "./runInSlices.ts";
import { applyUpdate, prepareUpdate } from "./updateIndex.ts";
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
  /**
   * Where changes are re-indexed: in a worker thread (the default when watching), so answers keep
   * flowing while a large corpus changes, or in the main thread (what the worker falls back to).
   */
  indexIn?: "worker" | "thread";
  /** The worker's entry module, for tests (default: `indexWorker.mjs`). */
  workerScript?: URL;
}

/** A live index over a corpus directory: answers from `current()` and follows the directory's changes. */
export interface CorpusIndex extends IndexSource {
  /**
   * Reads the directory and swaps in the updated index; what the watcher calls. Resolves once the
   * index reflects the directory as read after the call (refreshes run one at a time).
   */
  refresh(): Promise<void>;
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

  let closed = false;
  let worker: IndexWorkerClient | undefined;
  const workerStopped = (client: IndexWorkerClient, error: unknown, catchUp = true): void => {
    if (worker !== client) return;
    worker = undefined;
    void client.close();
    const reason = error instanceof Error ? error.message : String(error);
    logger.error(
      { err: error, reason, corpusDir: options.corpusDir },
      "index worker stopped; re-indexing in the main thread from now on",
    );
    // Catch up now, in this thread, with the change the worker may have left unanswered.
    if (catchUp) void refresh();
  };
  if ((options.indexIn ?? (options.watch ? "worker" : "thread")) === "worker") {
    const client = startIndexWorker(
      { corpusDir: options.corpusDir, files: outlineFiles(loaded.files) },
      (error) => workerStopped(client, error),
      options.workerScript,
    );
    worker = client;
  }

  // Refreshes and saves run one at a time: an update changes the index a save is reading.
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>): Promise<void> => {
    const run = chain.then(job);
    chain = run.catch(() => {});
    return run;
  };

  let snapshotTimer: NodeJS.Timeout | undefined;
  // Saved from this thread, in slices and written asynchronously, so answers keep flowing; the
  // worker holds no index to save from, which keeps a watching bot's memory to one index.
  const saveNow = (): Promise<void> => {
    clearTimeout(snapshotTimer);
    snapshotTimer = undefined;
    const { snapshotDir, corpusDir } = options;
    if (snapshotDir === null) return Promise.resolve();
    return enqueue(async () => {
      try {
        await writeSnapshotInSlices(snapshotDir, corpusDir, state);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ snapshotDir, reason }, "index snapshot not saved");
      }
    });
  };

  // Swaps in an updated index: one assignment, after the new index is complete.
  const swap = (next: IndexState, found: CorpusProblem[], reindexed: number, started: number) => {
    state = next;
    problems = found;
    report(problems);
    logger.info(
      {
        papers: next.index.papers.size,
        reindexed,
        ms: Math.round(performance.now() - started),
      },
      "corpus changed; index updated",
    );
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(
      () => void saveNow(),
      options.snapshotDelayMs ?? DEFAULT_SNAPSHOT_DELAY_MS,
    );
    snapshotTimer.unref();
  };

  const notReread = (error: unknown): void => {
    // The directory went away or cannot be read: keep answering from the index we have.
    logger.error(
      { err: error, corpusDir: options.corpusDir },
      "corpus not re-read; index unchanged",
    );
  };

  // In the main thread: the whole update in one synchronous call.
  const refreshInThread = (): void => {
    try {
      const started = performance.now();
      const next = refreshIndex(options.corpusDir, state);
      if (!filesChanged(state.files, next.files)) return;
      swap(next, next.problems, next.reindexed, started);
    } catch (error) {
      notReread(error);
    }
  };

  // In the worker: it reads and resolves the corpus. Here the update is prepared in slices between
  // requests (the name table of 10,000 papers alone takes half a second), then made and swapped
  // in one short step that indexes only the changed papers.
  const refreshInWorker = async (client: IndexWorkerClient): Promise<void> => {
    const started = performance.now();
    const reply = await client.refresh();
    if (reply.type === "failed") {
      notReread(Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {}));
      return;
    }
    if (!reply.changed || closed) return;
    const disagree = () => new Error("the index worker and the main thread disagree on the corpus");
    const updated = new Map(reply.updated);
    const files: CorpusFiles = new Map();
    for (const file of reply.files ?? state.files.keys()) {
      const before = state.files.get(file);
      const update = updated.get(file);
      if (!update) {
        if (!before) throw disagree();
        files.set(file, before);
        continue;
      }
      if ("touched" in update) {
        // What the corpus scan does with a touched file whose text is the same.
        if (!before) throw disagree();
        files.set(file, { ...before, ...update.touched });
      } else files.set(file, update);
    }
    const papers = reply.included.map((file) => files.get(file)?.paper);
    if (papers.some((paper) => paper === undefined)) throw disagree();
    // Nothing else changes `state` meanwhile: refreshes run one at a time.
    const prepared = await runInSlices(prepareUpdate(state.index, papers as Paper[]));
    const index = prepared ? applyUpdate(state.index, prepared) : state.index;
    swap({ index, files }, reply.problems, reply.reindexed, started);
  };

  const refreshOnce = async (): Promise<void> => {
    if (closed) return;
    if (worker) {
      const client = worker;
      try {
        return await refreshInWorker(client);
      } catch (error) {
        if (closed) return;
        workerStopped(client, error, false);
      }
    }
    refreshInThread();
  };

  // Calls while a refresh waits to start share it.
  let waiting: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    waiting ??= enqueue(() => {
      waiting = undefined;
      return refreshOnce();
    });
    return waiting;
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
        debounce = setTimeout(() => void refresh(), options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
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
      closed = true;
      // The snapshot is saved after the refresh under way; then the worker stops.
      if (snapshotTimer) await saveNow();
      const client = worker;
      worker = undefined;
      await client?.close();
      await chain;
    },
  };
}
