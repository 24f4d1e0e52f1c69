import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createError } from "../errors.ts";
import { parseFrontMatter } from "./frontMatter.ts";
import type { ImportedPaper } from "./importShortscience.ts";
import {
  type CorpusSource,
  checkCorpusSources,
  formatProblem,
  listCorpusFiles,
  readCorpusFile,
} from "./loadCorpus.ts";
import { formatPaperFile } from "./paperFile.ts";
import { isIsoDate } from "./validatePaper.ts";

/** The `added` date of a corpus file already on disk, if it has a valid one. */
function previousAddedDate(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const read = readCorpusFile(file);
  if ("problem" in read) return undefined;
  const added = parseFrontMatter(read.text).fields.added;
  return isIsoDate(added) ? added : undefined;
}

/**
 * Writes imported papers as `<id>.md` files in `dir`. Every file is checked first, alone and
 * against the papers already in `dir`: if any would be invalid, nothing is written. A paper already
 * in the directory keeps its `added` date, so re-importing does not make old papers look new.
 */
export function writeCorpus(papers: readonly ImportedPaper[], dir: string): string[] {
  const planned = new Map<string, string>();
  for (const { meta, summary } of papers) {
    const file = join(dir, `${meta.id}.md`);
    if (planned.has(file)) {
      throw createError("IMPORT_INVALID", `the metadata table lists id '${meta.id}' twice`);
    }
    const added = previousAddedDate(file) ?? meta.added;
    planned.set(file, formatPaperFile({ ...meta, added }, summary));
  }
  const kept: CorpusSource[] = existsSync(dir)
    ? listCorpusFiles(dir)
        .filter((file) => !planned.has(file))
        // A file that cannot be read is not the import's to judge; `check` reports it.
        .flatMap((file) => {
          const read = readCorpusFile(file);
          return "problem" in read ? [] : [{ file, source: read.text }];
        })
    : [];
  const incoming = [...planned].map(([file, source]) => ({ file, source }));
  const problems = checkCorpusSources([...kept, ...incoming]).problems.filter((p) =>
    planned.has(p.file),
  );
  if (problems.length > 0) {
    throw createError(
      "IMPORT_INVALID",
      `nothing was written: the import would make invalid corpus files\n${problems.map(formatProblem).join("\n")}`,
    );
  }
  mkdirSync(dir, { recursive: true });
  for (const { file, source } of incoming) writeFileSync(file, source);
  return incoming.map(({ file }) => file);
}
