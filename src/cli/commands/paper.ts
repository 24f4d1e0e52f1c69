import { formatCardText } from "../../answer/formatText.ts";
import { paperCard } from "../../answer/paperCard.ts";
import { lookupPaper } from "../../lookup/lookupPaper.ts";
import { search } from "../../retrieval/search.ts";
import type { Paper } from "../../types.ts";
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
  const found = lookupPaper(index.names, name);
  if (found.paper) {
    writeLine(io.stdout, formatCardText(paperCard(index, found.paper)));
    return 0;
  }
  // Names that look alike first, then papers whose summaries match the words.
  const nearest = new Set<Paper>(found.suggestions);
  for (const result of search(index, name).results) nearest.add(result.paper);
  writeLine(io.stderr, `paperbot: no paper matches '${name}'.`);
  const suggestions = [...nearest].slice(0, 3);
  if (suggestions.length > 0) {
    writeLine(io.stderr, "Did you mean:");
    for (const paper of suggestions) writeLine(io.stderr, `  ${paper.id}  ${paper.title}`);
  }
  return 1;
}
