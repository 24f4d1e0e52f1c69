import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseFrontMatter } from "./frontMatter.ts";
import type { ImportedPaper } from "./importShortscience.ts";
import { formatPaperFile } from "./paperFile.ts";

/**
 * Writes imported papers as `<id>.md` files. A paper already in the directory keeps its `added`
 * date: re-importing an export must not make old papers look new to the weekly digest.
 */
export function writeCorpus(papers: readonly ImportedPaper[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return papers.map(({ meta, summary }) => {
    const file = join(dir, `${meta.id}.md`);
    let added = meta.added;
    if (existsSync(file)) {
      const previous = parseFrontMatter(readFileSync(file, "utf8")).fields.added;
      if (typeof previous === "string" && /^\d{4}-\d{2}-\d{2}$/.test(previous)) added = previous;
    }
    writeFileSync(file, formatPaperFile({ ...meta, added }, summary));
    return file;
  });
}
