import { toPlainText } from "../../answer/renderText.ts";
import { respond } from "../../answer/respond.ts";
import { parseCommandArgs } from "../args.ts";
import { corpusDir, loadIndex } from "../corpusOption.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";
import { readLines } from "../readLines.ts";
import { terminalMark } from "../terminalMark.ts";

const USAGE = "paperbot ask [--corpus DIR] QUESTION";

/** `paperbot ask`: the reply as the bot would give it, in plain text (the `/paper` grammar works). */
export async function askCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { corpus: { type: "string" } }, USAGE);
  const index = loadIndex(corpusDir(values.corpus, io), io);
  const mark = terminalMark(io);
  const answer = (question: string): void => {
    writeLine(io.stdout, toPlainText(respond(index, { text: question }), { mark }));
  };
  if (positionals.length > 0) {
    const question = positionals.join(" ").trim();
    if (!question) throw new UsageError(`ask needs a question\nusage: ${USAGE}`);
    answer(question);
    return 0;
  }
  let first = true;
  for await (const line of readLines(io.stdin)) {
    if (!line.trim()) continue;
    if (!first) writeLine(io.stdout);
    first = false;
    answer(line.trim());
  }
  return 0;
}
