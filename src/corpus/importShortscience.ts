import { createError } from "../errors.ts";
import type { PaperMeta } from "../types.ts";
import { ARXIV_ID_PATTERN } from "./validatePaper.ts";

/** One row of the metadata TSV that goes with an export. */
export type PaperRow = Omit<PaperMeta, "url" | "added">;

const REQUIRED_COLUMNS = ["id", "title", "authors", "year", "venue", "arxiv", "aliases"] as const;

/** Splits a `;`-separated cell into trimmed, non-empty items. */
function listCell(cell: string): string[] {
  return cell
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Parses the metadata TSV (`id, order_in_seed, title, authors, year, venue, arxiv, aliases`, lists
 * separated by `;`), in export order.
 */
export function parsePaperTable(tsv: string): PaperRow[] {
  const [header, ...rows] = tsv.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const columns = (header ?? "").split("\t").map((c) => c.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw createError("IMPORT_INVALID", `metadata table lacks column(s): ${missing.join(", ")}`);
  }
  const rowsWithOrder = rows.map((line, i) => {
    const cells = line.split("\t");
    const cell = (name: string): string => (cells[columns.indexOf(name)] ?? "").trim();
    const year = Number(cell("year"));
    const arxiv = cell("arxiv").replace(/v\d+$/, "");
    if (!cell("id") || !Number.isInteger(year) || !ARXIV_ID_PATTERN.test(arxiv)) {
      throw createError("IMPORT_INVALID", `metadata table row ${i + 2} is incomplete or malformed`);
    }
    const row: PaperRow = {
      id: cell("id"),
      title: cell("title"),
      authors: listCell(cell("authors")),
      year,
      venue: cell("venue"),
      arxiv,
      aliases: listCell(cell("aliases")),
    };
    const order = columns.includes("order_in_seed") ? Number(cell("order_in_seed")) : i + 1;
    return { row, order };
  });
  return rowsWithOrder.sort((a, b) => a.order - b.order).map(({ row }) => row);
}

/**
 * Splits a ShortScience export into its summaries: each follows a `[link]` line. Cleans the export's
 * artifacts (the empty image `![]() |` that closes each summary) and keeps the text, LaTeX included,
 * as written.
 */
export function parseShortscienceExport(text: string): string[] {
  const chunks = text.replace(/\r\n/g, "\n").split(/^\[link\][ \t]*$/m);
  if (chunks.length < 2) {
    throw createError(
      "IMPORT_INVALID",
      "no summaries found: each summary must follow a '[link]' line",
    );
  }
  return chunks.slice(1).map((chunk) =>
    chunk
      .replace(/!\[\]\(\)\s*\|?/g, "")
      .replace(/[ \t]+$/gm, "")
      .trim(),
  );
}

/** A paper ready to be written as a corpus file. */
export interface ImportedPaper {
  /** Its metadata, `url` and `added` filled in. */
  meta: PaperMeta;
  /** The cleaned summary. */
  summary: string;
}

/**
 * Pairs an export's summaries with their metadata rows, in order. The counts must agree: a
 * mismatch means the table and the export are out of step, and guessing would misattribute papers.
 */
export function importShortscience(
  exportText: string,
  tableText: string,
  added: string,
): ImportedPaper[] {
  const summaries = parseShortscienceExport(exportText);
  const rows = parsePaperTable(tableText);
  if (summaries.length !== rows.length) {
    throw createError(
      "IMPORT_INVALID",
      `the export has ${summaries.length} summaries but the metadata table has ${rows.length} rows`,
    );
  }
  return rows.map((row, i) => {
    const summary = summaries[i] ?? "";
    if (summary.length === 0) {
      throw createError("IMPORT_INVALID", `summary ${i + 1} (${row.id}) is empty`);
    }
    return { meta: { ...row, url: `https://arxiv.org/abs/${row.arxiv}`, added }, summary };
  });
}
