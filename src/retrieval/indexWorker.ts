import type { MessagePort } from "node:worker_threads";
import {
  type CorpusFileEntry,
  type CorpusFiles,
  resolveCorpus,
  scanCorpusFiles,
} from "../corpus/corpusFiles.ts";
import type { CorpusProblem, Paper } from "../types.ts";

/** What the index worker starts from (its `workerData`). */
export interface IndexWorkerData {
  /** The corpus directory. */
  corpusDir: string;
  /** The files the main thread's index was made from, their papers outlined (see {@link outlineFiles}). */
  files: Array<[file: string, entry: CorpusFileEntry]>;
}

/** What the main thread asks of the worker. */
export type IndexWorkerRequest = { type: "refresh"; id: number };

/**
 * A corpus file's entry as the worker sends it: in full when the file was read anew, or only its
 * new size and time when it was touched but its text is the same (the main thread keeps the rest).
 */
export type FileUpdate = CorpusFileEntry | { touched: Pick<CorpusFileEntry, "size" | "mtimeMs"> };

/** What the worker answers, by request id. */
export type IndexWorkerReply =
  | {
      type: "refreshed";
      id: number;
      /** Whether any file was added, removed or touched since the last reply. */
      changed: boolean;
      /** Every file of the corpus in order, when files were added or removed (else as before). */
      files?: string[];
      /** The entries of files added or touched since the last reply. */
      updated: Array<[file: string, entry: FileUpdate]>;
      /** The files whose papers make the corpus, in corpus order (the others clash). */
      included: string[];
      /** Problems of the files left out. */
      problems: CorpusProblem[];
      /** How many files were parsed anew. */
      reindexed: number;
    }
  | { type: "failed"; id: number; message: string; code?: string };

/**
 * What the worker keeps of a paper: the names that `rejectClashes` compares and its file, enough
 * to tell which papers clash. Made field by field, so a summary read lazily from a snapshot is not
 * decoded; the main thread has the whole paper.
 */
function outlinePaper(paper: Paper, file: string): Paper {
  const { id, title, aliases, arxiv } = paper;
  return { id, title, aliases, arxiv, file } as Paper;
}

/** Corpus files with their papers outlined (see {@link outlinePaper}): the worker's starting point. */
export function outlineFiles(files: CorpusFiles): Array<[string, CorpusFileEntry]> {
  return [...files].map(([file, entry]) => [
    file,
    entry.paper ? { ...entry, paper: outlinePaper(entry.paper, entry.paper.file) } : entry,
  ]);
}

function sameFileList(a: CorpusFiles, b: CorpusFiles): boolean {
  if (a.size !== b.size) return false;
  const names = b.keys();
  for (const file of a.keys()) if (names.next().value !== file) return false;
  return true;
}

/**
 * The index worker: reads, validates and resolves the corpus off the main thread and answers each
 * refresh with what changed, file by file, and the papers of files parsed anew. It keeps only
 * what telling changes apart takes: each file's size, time, hash and paper without its summary;
 * the main thread, which has the papers, brings its index up to date and saves the snapshot.
 */
export function serveIndexWorker(port: MessagePort, data: IndexWorkerData): void {
  const { corpusDir } = data;
  let files: CorpusFiles = new Map(data.files);

  port.on("message", (request: IndexWorkerRequest) => {
    if (request.type !== "refresh") return;
    let reply: IndexWorkerReply;
    try {
      const next = scanCorpusFiles(corpusDir, files);
      const corpus = resolveCorpus(next.files);
      const fileOf = new Map<Paper, string>();
      const updated: Array<[string, FileUpdate]> = [];
      // What the worker keeps: the papers parsed anew are the main thread's once sent.
      const kept: CorpusFiles = new Map();
      for (const [file, entry] of next.files) {
        if (entry.paper) fileOf.set(entry.paper, file);
        const before = files.get(file);
        if (entry === before) {
          kept.set(file, entry);
          continue;
        }
        const touched =
          before &&
          entry.hash === before.hash &&
          entry.paper === before.paper &&
          entry.keyLines === before.keyLines &&
          entry.problems === before.problems;
        if (touched) {
          // Touched, same text: the scan kept the rest of the entry as it was.
          updated.push([file, { touched: { size: entry.size, mtimeMs: entry.mtimeMs } }]);
          kept.set(file, entry);
        } else {
          updated.push([file, entry]);
          const { paper } = entry;
          kept.set(file, paper ? { ...entry, paper: outlinePaper(paper, paper.file) } : entry);
        }
      }
      const listChanged = !sameFileList(files, next.files);
      reply = {
        type: "refreshed",
        id: request.id,
        changed: listChanged || updated.length > 0,
        ...(listChanged ? { files: [...next.files.keys()] } : {}),
        updated,
        included: corpus.papers.map((paper) => {
          const file = fileOf.get(paper);
          if (file === undefined) throw new Error(`no file has paper '${paper.id}'`);
          return file;
        }),
        problems: corpus.problems,
        reindexed: next.parsed,
      };
      files = kept;
    } catch (error) {
      const code = error instanceof Error && "code" in error ? String(error.code) : undefined;
      const message = error instanceof Error ? error.message : String(error);
      reply = { type: "failed", id: request.id, message, ...(code ? { code } : {}) };
    }
    port.postMessage(reply);
  });
}
