import { formatProblem, loadCorpus } from "../../../src/corpus/loadCorpus.ts";
import { parseCommandArgs } from "../args.ts";
import { corpusDir } from "../corpusOption.ts";
import { type CliIO, writeLine } from "../io.ts";

const USAGE = "paperbot check [--corpus DIR]";

/** `paperbot check`: validates every corpus file; each problem as `file:line: message`, exit 1. */
export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { corpus: { type: "string" } }, USAGE);
  const dir = corpusDir(values.corpus, io);
  const { papers, problems } = loadCorpus(dir);
  for (const problem of problems) writeLine(io.stdout, formatProblem(problem));
  if (problems.length > 0) {
    const files = new Set(problems.map((p) => p.file)).size;
    writeLine(
      io.stderr,
      `paperbot: ${problems.length} problem(s) in ${files} file(s); ${papers.length} paper(s) OK`,
    );
    return 1;
  }
  if (papers.length === 0) {
    writeLine(io.stderr, `paperbot: no papers in '${dir}': a corpus is one <id>.md file per paper`);
    return 1;
  }
  writeLine(io.stdout, `${dir}: ${papers.length} paper(s), no problems`);
  return 0;
}
