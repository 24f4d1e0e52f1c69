import { paperCardReply } from "../../../src/answer/respond.ts";
import { terminalSafe } from "../../../src/display/terminalSafe.ts";
import { findPaper } from "../../../src/lookup/findPaper.ts";
import { toPlainText } from "../../../src/outline/plainText.ts";
import { parseCommandArgs } from "../args.ts";
import { corpusDir, loadIndex } from "../corpusOption.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";

const USAGE = "paperbot paper [--corpus DIR] NAME";

/** `paperbot paper NAME`: the paper's card, or the nearest names and exit 1 when none matches. */
export async function paperCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { corpus: { type: "string" } }, USAGE);
  const name = positionals.join(" ").trim();
  if (!name) throw new UsageError(`paper needs a name, alias or arXiv id\nusage: ${USAGE}`);
  const index = loadIndex(corpusDir(values.corpus, io), io);
  const found = findPaper(index, name);
  if (found.paper) {
    writeLine(io.stdout, toPlainText(paperCardReply(index, found.paper)));
    return 0;
  }
  writeLine(io.stderr, `paperbot: no paper matches '${terminalSafe(name)}'.`);
  if (found.suggestions.length > 0) {
    writeLine(io.stderr, "Did you mean:");
    for (const paper of found.suggestions) writeLine(io.stderr, `  ${paper.id}  ${paper.title}`);
  }
  return 1;
}
