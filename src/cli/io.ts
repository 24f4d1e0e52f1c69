import type { Readable, Writable } from "node:stream";

/** What a CLI command may touch: passed in, so tests run commands in-process. */
export interface CliIO {
  /** Where queries come from when none is given as an argument. */
  stdin: Readable;
  /** Answers. */
  stdout: Writable & { isTTY?: boolean };
  /** Problems and usage errors. */
  stderr: Writable;
  /** Environment (CORPUS_DIR, NO_COLOR). */
  env: Record<string, string | undefined>;
}

/** Writes one line. */
export function writeLine(stream: Writable, text = ""): void {
  stream.write(`${text}\n`);
}

/** A usage mistake: the command line itself is wrong (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}
