import type { MessagePort } from "node:worker_threads";
import { type CorpusFiles, resolveCorpus, scanCorpusFiles } from "../corpus/corpusFiles.ts";
import type { CorpusProblem, Paper } from "../types.ts";
import { emptyIndex, type PaperIndex } from "./buildIndex.ts";
import { readSnapshot, writeSnapshot } from "./indexSnapshot.ts";
import { filesChanged } from "./loadCorpusIndex.ts";
import { updateIndex } from "./updateIndex.ts";

/** What the index worker starts from (its `workerData`). */
export interface IndexWorkerData {
  /** The corpus directory. */
  corpusDir: string;
  /** Directory of the index snapshot; `null` to never write one. */
  snapshotDir: string | null;
  /** The version of each paper the main thread's index holds (see {@link paperVersions}). */
  versions: Array<[paperId: string, version: string]>;
}

/** What the main thread asks of the worker. */
export type IndexWorkerRequest = { type: "refresh"; id: number } | { type: "save"; id: number };

/** What the worker answers, by request id. */
export type IndexWorkerReply =
  | {
      type: "refreshed";
      id: number;
      /** Whether any file was added, removed or touched, or any paper differs from the main thread's. */
      changed: boolean;
      /** Ids of the corpus's papers, in corpus order. */
      order: string[];
      /** The papers the main thread does not have in this version. */
      added: Paper[];
      /** Problems of the files left out. */
      problems: CorpusProblem[];
      /** How many files were parsed anew. */
      reindexed: number;
    }
  | { type: "failed"; id: number; message: string; code?: string }
  | { type: "saved"; id: number; error?: string };

/**
 * A version of each paper of a corpus: its file and that file's hash. Two papers with the same
 * version were read from the same text of the same file, so they are the same paper.
 */
export function paperVersions(files: CorpusFiles, papers: readonly Paper[]): Map<string, string> {
  const included = new Set(papers);
  const versions = new Map<string, string>();
  for (const [file, entry] of files) {
    if (entry.paper && included.has(entry.paper)) {
      versions.set(entry.paper.id, `${file}\0${entry.hash}`);
    }
  }
  return versions;
}

function sameVersions(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, version] of a) if (b.get(id) !== version) return false;
  return true;
}

/**
 * The index worker: reads, validates and resolves the corpus off the main thread and answers each
 * refresh with only what the main thread needs to update its index (the corpus order and the
 * papers it does not have yet). It keeps its own copy of the index only to write snapshots.
 */
export function serveIndexWorker(port: MessagePort, data: IndexWorkerData): void {
  const { corpusDir, snapshotDir } = data;
  const read = snapshotDir === null ? undefined : readSnapshot(snapshotDir, corpusDir);
  const saved = read && "state" in read ? read.state : undefined;
  let files: CorpusFiles = saved?.files ?? new Map();
  // The snapshot's index, brought up to date when a snapshot is asked for.
  let index: PaperIndex | undefined =
    snapshotDir === null ? undefined : (saved?.index ?? emptyIndex());
  let papers: readonly Paper[] = [];
  let problems: CorpusProblem[] = [];
  let sent = new Map(data.versions);
  // Files parsed, and whether any file changed, since the last reply: news to the main thread.
  let unreported = 0;
  let changedUnreported = false;

  const scan = (): { changed: boolean; parsed: number } => {
    const next = scanCorpusFiles(corpusDir, files);
    const corpus = resolveCorpus(next.files);
    changedUnreported ||= filesChanged(files, next.files);
    files = next.files;
    papers = corpus.papers;
    problems = corpus.problems;
    unreported += next.parsed;
    return { changed: changedUnreported, parsed: unreported };
  };
  // Read the corpus once now, so the first change costs only what changed.
  try {
    scan();
  } catch {
    // The directory cannot be read now: the first refresh reports it.
  }
  // Without the snapshot that read was of every file, which the main thread had already read, and
  // what changed since is unknown: the first refresh says "changed" to be sure.
  if (!saved) {
    unreported = 0;
    changedUnreported = true;
  }

  port.on("message", (request: IndexWorkerRequest) => {
    if (request.type === "refresh") {
      let reply: IndexWorkerReply;
      try {
        const { changed, parsed } = scan();
        const versions = paperVersions(files, papers);
        const added = papers.filter((paper) => sent.get(paper.id) !== versions.get(paper.id));
        reply = {
          type: "refreshed",
          id: request.id,
          changed: changed || !sameVersions(sent, versions),
          order: papers.map((paper) => paper.id),
          added,
          problems,
          reindexed: parsed,
        };
        sent = versions;
        unreported = 0;
        changedUnreported = false;
      } catch (error) {
        const code = error instanceof Error && "code" in error ? String(error.code) : undefined;
        const message = error instanceof Error ? error.message : String(error);
        reply = { type: "failed", id: request.id, message, ...(code ? { code } : {}) };
      }
      port.postMessage(reply);
    } else if (request.type === "save") {
      let error: string | undefined;
      try {
        if (snapshotDir !== null && index) {
          index = updateIndex(index, papers);
          writeSnapshot(snapshotDir, corpusDir, { index, files });
        }
      } catch (failure) {
        error = failure instanceof Error ? failure.message : String(failure);
      }
      port.postMessage({ type: "saved", id: request.id, ...(error ? { error } : {}) });
    }
  });
}
