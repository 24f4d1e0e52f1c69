import type { Readable, Writable } from "node:stream";
import { terminalSafeOutput } from "../../src/display/terminalSafe.ts";

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

/**
 * Writes one line, without control or bidirectional formatting characters (see
 * `terminalSafe`): what a command prints may echo what someone typed, and reach a terminal.
 * Nothing is written once the reader has gone (`| head -1`).
 */
export function writeLine(stream: Writable, text = ""): void {
  if (isClosed(stream)) return;
  stream.write(`${terminalSafeOutput(text)}\n`);
}

/** Whether a stream can take no more output: its reader closed the pipe, or it was ended. */
export function isClosed(stream: Writable): boolean {
  return stream.destroyed || stream.writableEnded || Boolean(stream.errored);
}

/**
 * Lets a command end quietly when its reader goes away (`paperbot search --json | head -1`): a
 * write to the closed pipe fails with EPIPE, which, unhandled, would crash the process with a
 * stack trace, leaving the database open. Afterwards {@link isClosed} is true, the loops over
 * standard input stop, and the command returns through its `finally` blocks.
 */
export function endQuietlyOnClosedOutput(io: CliIO): void {
  // The listener stays: errors of writes already under way arrive later.
  io.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    writeLine(io.stderr, `paperbot: cannot write the output (${error.code ?? error.message})`);
  });
}

/** A usage mistake: the command line itself is wrong (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}
