import { readFileSync } from "node:fs";
import { importShortscience } from "../../../src/corpus/importShortscience.ts";
import { isIsoDate } from "../../../src/corpus/validatePaper.ts";
import { writeCorpus } from "../../../src/corpus/writeCorpus.ts";
import { createError } from "../../../src/errors.ts";
import { parseCommandArgs } from "../args.ts";
import { type CliIO, UsageError, writeLine } from "../io.ts";

const USAGE = "paperbot import shortscience FILE --meta TSV --out DIR [--added YYYY-MM-DD]";
const FORMATS = ["shortscience"];

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

/** `paperbot import shortscience`: turns an export and its metadata table into corpus files. */
export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { meta: { type: "string" }, out: { type: "string" }, added: { type: "string" } },
    USAGE,
  );
  const [format, file, ...extra] = positionals;
  if (!format || !FORMATS.includes(format)) {
    throw new UsageError(`import supports: ${FORMATS.join(", ")}\nusage: ${USAGE}`);
  }
  if (!file || extra.length > 0 || !values.meta || !values.out)
    throw new UsageError(`usage: ${USAGE}`);
  const added = values.added ?? today();
  if (!isIsoDate(added)) {
    throw new UsageError(`--added takes a date like 2026-11-27, not '${added}'`);
  }
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
