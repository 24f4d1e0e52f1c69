/**
 * `paperbot gaps --export FILE`: the gaps as an evaluation set for `npm run eval`, each line a
 * real question still to be labelled (see `src/feedback/evalDraft.ts`).
 */
import { closeSync, fsyncSync, linkSync, openSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { evalDraftOf } from "../../../src/feedback/evalDraft.ts";
import type { GapReport } from "../../../store/feedback.ts";
import { type CliIO, writeLine } from "../io.ts";
import { jsonLine } from "../jsonLine.ts";

/** Why a file could not be written, in words. */
function cannotWrite(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (code === "EEXIST") {
    return `${file} already exists. paperbot gaps --export never overwrites a file (it may hold questions someone has labelled): choose another name, or remove it first`;
  }
  if (code === "ENOENT" || code === "ENOTDIR")
    return `cannot write ${file}: its directory does not exist`;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return `cannot write ${file}: its directory is not writable by this user`;
  }
  return `cannot write ${file}: ${(error as Error).message}`;
}

/**
 * Writes `text` to `file` whole or not at all, never replacing a file that is there: a temporary
 * file beside it, flushed, then hard-linked to its name, which fails if the name is taken (even
 * when another process takes it at the same moment) instead of overwriting it.
 */
export function writeNewFile(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temporary, "wx", 0o644);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, file);
  } finally {
    unlinkSync(temporary);
  }
}

/** Writes the gaps whose words are kept as draft evaluation lines; returns the exit code. */
export function exportGaps(file: string, report: GapReport, io: CliIO): number {
  const target = resolve(file);
  if (report.gaps.length === 0) {
    writeLine(io.stdout, `No knowledge gaps to export: ${target} was not written.`);
    return 0;
  }
  const text = report.gaps.map((gap) => `${jsonLine(evalDraftOf(gap))}\n`).join("");
  try {
    writeNewFile(target, text);
  } catch (error) {
    writeLine(io.stderr, `paperbot gaps: ${cannotWrite(target, error)}`);
    return 1;
  }
  const count = report.gaps.length === 1 ? "1 question" : `${report.gaps.length} questions`;
  writeLine(
    io.stdout,
    `Wrote ${count} to ${target}, each still to be labelled: add "paper" and "passage_any" and delete "todo", then run npm run eval -- ${target}.`,
  );
  if (report.unrecorded > 0) {
    writeLine(
      io.stdout,
      `${report.unrecorded} more declined or voted-down ${report.unrecorded === 1 ? "question is" : "questions are"} counted without the words asked, and not in the file.`,
    );
  }
  return 0;
}
