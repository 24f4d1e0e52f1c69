import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import type { Corpus, CorpusProblem, Paper } from "../types.ts";
import { listCorpusFiles, readCorpusFile, readPaperFile, rejectClashes } from "./loadCorpus.ts";

/** What is known of one corpus file: its fingerprint, and what it gives when read on its own. */
export interface CorpusFileEntry {
  /** Size in bytes when last read. */
  size: number;
  /** Modification time when last read. */
  mtimeMs: number;
  /** SHA-256 of its text: what decides whether it changed. */
  hash: string;
  /** The paper it describes, if it is valid on its own. */
  paper?: Paper;
  /** Line of each front-matter key, to report clashes with other files. */
  keyLines: Record<string, number>;
  /** Its own problems (clashes with other files are found later, over the whole corpus). */
  problems: CorpusProblem[];
}

/** The corpus as files: each path with its entry, in the order of {@link listCorpusFiles}. */
export type CorpusFiles = Map<string, CorpusFileEntry>;

/** Hashes a corpus file's text. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function readEntry(file: string, size: number, mtimeMs: number): CorpusFileEntry {
  const read = readCorpusFile(file);
  if ("problem" in read) {
    // A file read but not UTF-8 keeps a hash of its bytes, so it is not parsed again until it changes.
    const hash = read.bytes ? createHash("sha256").update(read.bytes).digest("hex") : "";
    return { size, mtimeMs, hash, keyLines: {}, problems: [read.problem] };
  }
  const { paper, keyLines, problems } = readPaperFile(file, read.text);
  return { size, mtimeMs, hash: hashText(read.text), paper, keyLines, problems };
}

/**
 * Reads a corpus directory, reusing what is known of files that did not change. A file whose
 * size and modification time are as before is not read again (as git does); one that was touched
 * is read, and parsed again only if its text differs. Returns the entries and how many files were
 * parsed.
 */
export function scanCorpusFiles(
  dir: string,
  known: CorpusFiles = new Map(),
): { files: CorpusFiles; parsed: number } {
  const files: CorpusFiles = new Map();
  let parsed = 0;
  for (const file of listCorpusFiles(dir)) {
    let size = -1;
    let mtimeMs = -1;
    try {
      ({ size, mtimeMs } = statSync(file));
    } catch {
      // Gone or unreadable between listing and stat: readEntry reports it.
    }
    const before = known.get(file);
    if (before && before.size === size && before.mtimeMs === mtimeMs && before.hash) {
      files.set(file, before);
      continue;
    }
    const entry = readEntry(file, size, mtimeMs);
    if (before && entry.hash && before.hash === entry.hash) {
      files.set(file, { ...before, size, mtimeMs });
    } else {
      files.set(file, entry);
      parsed++;
    }
  }
  return { files, parsed };
}

/** The corpus the files make together: each file's paper, less those that clash with an earlier file. */
export function resolveCorpus(files: CorpusFiles): Corpus {
  const problems = [...files.values()].flatMap((entry) => entry.problems);
  const loaded = [...files.values()].flatMap(({ paper, keyLines }) =>
    paper ? [{ paper, keyLines }] : [],
  );
  return { papers: rejectClashes(loaded, problems), problems };
}
