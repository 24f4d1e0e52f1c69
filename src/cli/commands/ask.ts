import { formatAnswerText } from "../../answer/formatText.ts";
import { search } from "../../retrieval/search.ts";
import { parseCommandArgs } from "../args.ts";
import { corpusDir, loadIndex } from "../corpusOption.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";
import { readLines } from "../readLines.ts";
import { terminalMark } from "../terminalMark.ts";

const USAGE = "paperbot ask [--corpus DIR] QUESTION";

/** `paperbot ask`: the answer as the bot would say it, in plain text. */
export async function askCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { corpus: { type: "string" } }, USAGE);
  const index = loadIndex(corpusDir(values.corpus, io), io);
  const mark = terminalMark(io);
  const answer = (question: string): void => {
    writeLine(io.stdout, formatAnswerText(search(index, question), { mark }));
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
