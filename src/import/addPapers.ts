import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { formatProblem, readPaperFile } from "../corpus/loadCorpus.ts";
import { formatPaperFile } from "../corpus/paperFile.ts";
import { createError } from "../errors.ts";
import type { PaperMeta } from "../types.ts";
import { CorpusIdentities } from "./corpusIdentities.ts";
import { paperSlug } from "./paperSlug.ts";

/** A paper read from a source (the arXiv API, a BibTeX entry), not yet in the corpus. */
export interface PaperDraft {
  /** What was asked for, to name it in the report: `1905.02249`, `schmidhuber2015`. */
  source: string;
  /** Its metadata; the id and date are given when it is added. */
  meta: Omit<PaperMeta, "id" | "added">;
  /** Its summary (for an import, the abstract). */
  summary: string;
}

/** Why a paper was not added. Callers switch on it (the chat command words its own replies). */
export type RefusalReason =
  | "not-arxiv"
  | "unknown"
  | "withdrawn"
  | "duplicate"
  | "incomplete"
  | "invalid";

/** A paper written to the corpus. */
export interface AddedPaper {
  /** What was asked for. */
  source: string;
  /** The file written. */
  file: string;
  /** The paper's metadata as written. */
  meta: PaperMeta;
}

/** Something asked for that was not added, and why. */
export interface RefusedPaper {
  /** What was asked for. */
  source: string;
  /** Why, for programs. */
  reason: RefusalReason;
  /** Why, for people: one sentence. */
  message: string;
  /** For a duplicate: the corpus file that already has the paper. */
  file?: string;
}

/** What an import did: what it added, refused, and left out by design (no abstract). */
export interface ImportReport {
  /** Papers written, in the order asked. */
  added: AddedPaper[];
  /** Bad input: nothing was written for these. */
  refused: RefusedPaper[];
  /** Entries an import leaves out by design (a BibTeX entry without an abstract). */
  skipped: Array<{ source: string; message: string }>;
}

/** Options of {@link addPapers}. */
export interface AddPapersOptions {
  /** The corpus directory written to (made if missing). */
  corpusDir: string;
  /** The `added` date of every new paper, `YYYY-MM-DD`. */
  added: string;
  /** The corpus's identifiers, when the caller has read them already. */
  identities?: CorpusIdentities;
}

/**
 * Adds papers to the corpus, each as `<id>.md` with an id made from its short name or title and
 * free in the corpus. A paper the corpus already has (same arXiv id, DOI or title), or one the
 * batch has already added, is refused and its file named; so is one that would not pass
 * `paperbot check`. Each file is written whole or not at all (see {@link writeFileAtomically}).
 */
export function addPapers(
  drafts: readonly PaperDraft[],
  options: AddPapersOptions,
): Pick<ImportReport, "added" | "refused"> {
  const identities = options.identities ?? CorpusIdentities.ofDirectory(options.corpusDir);
  const report: Pick<ImportReport, "added" | "refused"> = { added: [], refused: [] };
  for (const { source, meta: draft, summary } of drafts) {
    const duplicate = identities.duplicateOf(draft);
    if (duplicate) {
      report.refused.push({
        source,
        reason: "duplicate",
        message: `already in the corpus as ${duplicate.file} (same ${duplicate.by})`,
        file: duplicate.file,
      });
      continue;
    }
    const meta: PaperMeta = {
      ...draft,
      id: identities.freeId(paperSlug(draft.title)),
      added: options.added,
    };
    const file = join(options.corpusDir, `${meta.id}.md`);
    const text = formatPaperFile(meta, summary);
    // What the corpus would make of the file: never write one `paperbot check` would refuse.
    const { problems } = readPaperFile(file, text);
    if (problems.length > 0) {
      report.refused.push({
        source,
        reason: "invalid",
        message: `would not be a valid corpus file: ${problems.map((p) => formatProblem(p).slice(file.length + 1)).join("; ")}`,
      });
      continue;
    }
    try {
      mkdirSync(options.corpusDir, { recursive: true });
      writeFileAtomically(file, text);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? "error";
      // Another import (the chat command, a second terminal) took the name a moment ago.
      if (code === "EEXIST") {
        report.refused.push({
          source,
          reason: "duplicate",
          message: `${file} appeared while importing (another import?): run the import again`,
          file,
        });
        continue;
      }
      throw createError("IMPORT_INVALID", `cannot write ${file} (${code})`, { cause });
    }
    identities.add(file, meta);
    report.added.push({ source, file, meta });
  }
  return report;
}

/**
 * Writes a new file so that no reader (the bot's watcher, `paperbot check`, a crash) ever sees it
 * half written: the text goes to a hidden temporary file in the same directory, is flushed to
 * disk, and then appears under its name in one step. The link fails rather than replace a file
 * that appeared meanwhile; where links are not supported, a rename does the same step.
 */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const fd = openSync(temporary, "wx");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    try {
      linkSync(temporary, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS")
        throw error;
      renameSync(temporary, file);
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}
