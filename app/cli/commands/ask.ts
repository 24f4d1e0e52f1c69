import { respond } from "../../../src/answer/respond.ts";
import { terminalSafe } from "../../../src/display/terminalSafe.ts";
import { toPlainText } from "../../../src/outline/plainText.ts";
import { parseCommandArgs } from "../args.ts";
import { corpusDir, loadIndex } from "../corpusOption.ts";
import { type CliIO, isClosed, UsageError, writeLine } from "../io.ts";
import { readLines } from "../readLines.ts";
import { terminalMark } from "../terminalMark.ts";

const USAGE = "paperbot ask [--corpus DIR] QUESTION";

/** `ask`'s exit code when a question got no answer: not in the summaries, or turned down. */
export const EXIT_NOT_ANSWERED = 1;

/**
 * `paperbot ask`: the reply as the bot would give it, in plain text (the `/paper` grammar works).
 * Exits 0 when every question was answered, {@link EXIT_NOT_ANSWERED} when one was not (the
 * summaries do not cover it, or it was turned down: too long, a chat-only command), 2 on a usage
 * error.
 */
export async function askCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { corpus: { type: "string" } }, USAGE);
  const index = loadIndex(corpusDir(values.corpus, io), io);
  const mark = terminalMark(io);
  let unanswered = 0;
  const answer = (question: string): void => {
    // Control characters mean nothing in a question; echoed, they would reach the terminal.
    const reply = respond(index, { text: terminalSafe(question) });
    if (reply.kind === "notFound" || reply.kind === "error") unanswered += 1;
    writeLine(io.stdout, toPlainText(reply, { mark }));
  };
  if (positionals.length > 0) {
    const question = positionals.join(" ").trim();
    if (!question) throw new UsageError(`ask needs a question\nusage: ${USAGE}`);
    answer(question);
    return unanswered > 0 ? EXIT_NOT_ANSWERED : 0;
  }
  let first = true;
  for await (const line of readLines(io.stdin)) {
    if (isClosed(io.stdout)) break;
    if (!line.trim()) continue;
    if (!first) writeLine(io.stdout);
    first = false;
    answer(line.trim());
  }
  return unanswered > 0 ? EXIT_NOT_ANSWERED : 0;
}
