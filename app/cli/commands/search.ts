import { terminalSafe } from "../../../src/display/terminalSafe.ts";
import type { PaperIndex } from "../../../src/retrieval/buildIndex.ts";
import { plainText } from "../../../src/retrieval/highlight.ts";
import { defaultSearchOptions, search } from "../../../src/retrieval/search.ts";
import type { SearchResponse } from "../../../src/types.ts";
import { parseCommandArgs, parseLimit } from "../args.ts";
import { corpusDir, loadIndex } from "../corpusOption.ts";
import { type CliIO, isClosed, writeLine } from "../io.ts";
import { jsonLine } from "../jsonLine.ts";
import { readLines } from "../readLines.ts";

const USAGE = "paperbot search [--json] [--limit N] [--corpus DIR] [QUERY]";

/**
 * The JSON line of one answer: the contract other tools rely on (see README). It is one line
 * whatever the query held (see {@link jsonLine}).
 */
export function toJsonAnswer(response: SearchResponse): string {
  return jsonLine({
    query: response.query,
    confident: response.confident,
    results: response.results.map((r) => ({
      paperId: r.paper.id,
      title: r.paper.title,
      url: r.paper.url,
      score: r.score,
      passage: plainText(r.highlighted),
      figures: r.passage.figures,
    })),
  });
}

function toTextAnswer(response: SearchResponse): string {
  const lines = [
    `${terminalSafe(response.query)}  (${response.confident ? "confident" : "not confident"})`,
  ];
  response.results.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.paper.title} [${r.paper.id}] score ${r.score}`);
    lines.push(`   ${r.passage.text}`);
    for (const figure of r.passage.figures) lines.push(`   figure: ${figure}`);
  });
  if (response.results.length === 0) lines.push("   no results");
  return lines.join("\n");
}

/** `paperbot search`: ranked passages for one query, or for each line of standard input. */
export async function searchCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: "boolean" }, limit: { type: "string" }, corpus: { type: "string" } },
    USAGE,
  );
  const limit = parseLimit(values.limit, defaultSearchOptions.limit);
  const index: PaperIndex = loadIndex(corpusDir(values.corpus, io), io);
  const answer = (query: string): void => {
    const response = search(index, query, { limit });
    writeLine(io.stdout, values.json ? toJsonAnswer(response) : toTextAnswer(response));
  };
  if (positionals.length > 0) {
    answer(positionals.join(" "));
    return 0;
  }
  for await (const line of readLines(io.stdin)) {
    // The reader went away (`| head -1`): stop, as there is no one to answer.
    if (isClosed(io.stdout)) break;
    // In JSON mode every input line gets its output line, so callers can zip them.
    if (values.json || line.trim()) answer(line.trim());
  }
  return 0;
}
