import { readFileSync } from "node:fs";
import { importShortscience } from "../../../src/corpus/importShortscience.ts";
import { isIsoDate } from "../../../src/corpus/validatePaper.ts";
import { writeCorpus } from "../../../src/corpus/writeCorpus.ts";
import { createError } from "../../../src/errors.ts";
import type { ImportReport } from "../../../src/import/addPapers.ts";
import { DEFAULT_ARXIV_TIMEOUT_MS } from "../../../src/import/arxivClient.ts";
import { parseCommandArgs } from "../args.ts";
import { corpusDir } from "../corpusOption.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";

const USAGES = {
  arxiv: "paperbot import arxiv ID|URL... [--out DIR] [--added YYYY-MM-DD]",
  bibtex: "paperbot import bibtex FILE [--out DIR] [--added YYYY-MM-DD]",
  shortscience: "paperbot import shortscience FILE --meta TSV --out DIR [--added YYYY-MM-DD]",
};
const USAGE = Object.values(USAGES).join("\n       ");
const FORMATS = ["arxiv", "bibtex", "shortscience"];

function readInput(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    throw createError("IMPORT_INVALID", `cannot read ${what} '${path}'`, { cause });
  }
}

/** Today's date in UTC as `YYYY-MM-DD`. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `ARXIV_API_TIMEOUT` (seconds) in milliseconds, or the default. */
function arxivTimeout(env: CliIO["env"]): number {
  const value = env.ARXIV_API_TIMEOUT?.trim();
  if (!value) return DEFAULT_ARXIV_TIMEOUT_MS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UsageError(
      `ARXIV_API_TIMEOUT must be a number of seconds from 0 to 600, not '${value}'`,
    );
  }
  return seconds * 1000;
}

/**
 * Prints what an import did: each paper added on stdout, each refusal and skip on stderr, then a
 * count. Exit code 0 when nothing was refused, 1 when something was (skips are by design).
 */
function printReport(report: ImportReport, dir: string, io: CliIO): number {
  for (const { source, file, meta } of report.added) {
    writeLine(io.stdout, `imported ${source} as ${file}: ${meta.title}`);
  }
  for (const { source, message } of report.skipped) {
    writeLine(io.stderr, `paperbot: skipped ${source}: ${message}`);
  }
  for (const { source, message } of report.refused) {
    writeLine(io.stderr, `paperbot: refused ${source}: ${message}; nothing was written for it`);
  }
  const counts = [
    `imported ${report.added.length} paper(s) into ${dir}`,
    ...(report.refused.length > 0 ? [`${report.refused.length} refused`] : []),
    ...(report.skipped.length > 0 ? [`${report.skipped.length} skipped (no abstract)`] : []),
  ];
  writeLine(io.stdout, counts.join("; "));
  return report.refused.length > 0 ? 1 : 0;
}

/**
 * `paperbot import`: papers from arXiv by id or URL, from a BibTeX export (Zotero, Better
 * BibTeX), or a ShortScience export with its metadata table.
 */
export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      meta: { type: "string" },
      out: { type: "string" },
      corpus: { type: "string" },
      added: { type: "string" },
    },
    USAGE,
  );
  const [format, ...rest] = positionals;
  if (!format || !FORMATS.includes(format)) {
    throw new UsageError(`import supports: ${FORMATS.join(", ")}\nusage: ${USAGE}`);
  }
  const added = values.added ?? today();
  if (!isIsoDate(added)) {
    throw new UsageError(`--added takes a date like 2026-11-27, not '${added}'`);
  }
  if (format === "shortscience") return importShortscienceFiles(rest, values, added, io);
  if (values.meta) {
    throw new UsageError(`--meta is for shortscience only\nusage: ${USAGES[format as "arxiv"]}`);
  }
  // --out names where papers go; --corpus, as every command takes it, says the same.
  const dir = corpusDir(values.out ?? values.corpus, io);
  if (format === "arxiv") {
    if (rest.length === 0)
      throw new UsageError(`give at least one arXiv id or URL\nusage: ${USAGES.arxiv}`);
    // Loaded when used: every paperbot command loads this file, and only imports need a parser.
    const { importArxiv } = await import("../../../src/import/importArxiv.ts");
    const report = await importArxiv(rest, {
      corpusDir: dir,
      added,
      apiUrl: io.env.ARXIV_API_URL?.trim() || undefined,
      timeoutMs: arxivTimeout(io.env),
    });
    return printReport(report, dir, io);
  }
  const [file, ...extra] = rest;
  if (!file || extra.length > 0) {
    throw new UsageError(`give one BibTeX file\nusage: ${USAGES.bibtex}`);
  }
  // The BibTeX parser and its LaTeX tables take 0.2 s to load: only `import bibtex` pays for them.
  const { importBibtex } = await import("../../../src/import/importBibtex.ts");
  return printReport(
    importBibtex(readInput(file, "BibTeX file"), file, { corpusDir: dir, added }),
    dir,
    io,
  );
}

/** `paperbot import shortscience`: turns an export and its metadata table into corpus files. */
function importShortscienceFiles(
  rest: string[],
  values: { meta?: string; out?: string },
  added: string,
  io: CliIO,
): number {
  const [file, ...extra] = rest;
  if (!file || extra.length > 0 || !values.meta || !values.out)
    throw new UsageError(`usage: ${USAGES.shortscience}`);
  // Everything is parsed and checked before the first file is written: bad input loses nothing.
  const papers = importShortscience(
    readInput(file, "export"),
    readInput(values.meta, "metadata table"),
    added,
  );
  const written = writeCorpus(papers, values.out);
  writeLine(io.stdout, `imported ${written.length} paper(s) into ${values.out}`);
  return 0;
}
