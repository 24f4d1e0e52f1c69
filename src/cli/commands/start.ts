import { createInterface } from "node:readline";
import { formatAnswerText, formatCardText } from "../../answer/formatText.ts";
import { paperCard } from "../../answer/paperCard.ts";
import { lookupPaper } from "../../lookup/lookupPaper.ts";
import type { PaperIndex } from "../../retrieval/buildIndex.ts";
import { search } from "../../retrieval/search.ts";
import { parseCommandArgs } from "../args.ts";
import { corpusDir, loadIndex } from "../corpusOption.ts";
import { type CliIO, writeLine } from "../io.ts";
import { terminalMark } from "../terminalMark.ts";

const USAGE = "paperbot start [--corpus DIR]";

const HELP = [
  "Ask a question about the papers, e.g.  how does BEAR avoid out-of-distribution actions?",
  "Look a paper up by name:              /paper mixmatch",
  "Leave with Ctrl-D.",
].join("\n");

/** Answers one console line: `/paper NAME` gives a card, anything else is a question. */
export function answerConsoleLine(
  index: PaperIndex,
  line: string,
  mark?: (t: string) => string,
): string {
  const text = line.replace(/^@paperbot\b[:,]?\s*/i, "").trim();
  const command = /^\/paper\b\s*(.*)$/i.exec(text);
  if (!command) return formatAnswerText(search(index, text), { mark });
  const name = command[1]?.trim() ?? "";
  if (!name || name === "help") return HELP;
  // lookupPaper, not findPaper: a miss is answered as a question below, so its
  // suggestions (a search of their own) would be thrown away.
  const found = lookupPaper(index.names, name);
  if (found.paper) return formatCardText(paperCard(index, found.paper));
  // Not a name: answer it as a question, as the chat bots do.
  return formatAnswerText(search(index, name), { mark });
}

/**
 * `paperbot start` (what `npm start` runs): with no chat platform configured, a console session
 * that answers questions and `/paper` look-ups typed at the prompt or piped in.
 */
export async function startCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { corpus: { type: "string" } }, USAGE);
  const index = loadIndex(corpusDir(values.corpus, io), io);
  const interactive = Boolean(io.stdout.isTTY);
  writeLine(
    io.stdout,
    `paperbot: ${index.papers.size} paper(s) loaded. No Slack or Discord tokens set, so this is the console.`,
  );
  writeLine(io.stdout, HELP);
  const lines = createInterface({
    input: io.stdin,
    output: interactive ? io.stdout : undefined,
    terminal: interactive,
  });
  const mark = terminalMark(io);
  lines.setPrompt("\n> ");
  if (interactive) lines.prompt();
  for await (const line of lines) {
    if (line.trim()) writeLine(io.stdout, `\n${answerConsoleLine(index, line, mark)}`);
    if (interactive) lines.prompt();
  }
  return 0;
}
