/**
 * Reads BibTeX exports (Zotero's, Better BibTeX's) with @retorquere/bibtex-parser, the parser
 * Better BibTeX itself uses: LaTeX accents, commands and braces come out as Unicode text.
 */
import { type Creator, type Entry, parse } from "@retorquere/bibtex-parser";
import { createError } from "../errors.ts";
import { arxivAbsUrl, parseArxivId } from "../text/arxivId.ts";
import { doiUrl, parseDoi } from "../text/doi.ts";
import {
  type AddPapersOptions,
  addPapers,
  type ImportReport,
  type PaperDraft,
  type RefusedPaper,
} from "./addPapers.ts";
import { CorpusIdentities } from "./corpusIdentities.ts";

/** The venue of an arXiv preprint, as `import arxiv` writes it. */
const PREPRINT_VENUE = "arXiv preprint";

/** A venue for an entry that names none, by its type. */
const VENUE_BY_TYPE: Record<string, string> = {
  article: "Journal article",
  inproceedings: "Conference paper",
  conference: "Conference paper",
  incollection: "Book chapter",
  book: "Book",
  phdthesis: "PhD thesis",
  mastersthesis: "Master's thesis",
  thesis: "Thesis",
  techreport: "Technical report",
  report: "Report",
  online: "Online",
  misc: "Preprint",
  unpublished: "Unpublished",
};

/** The parser's markup (it writes `\emph` as `<i>`): Markdown emphasis, or plain text. */
function fromMarkup(html: string, markdown: boolean): string {
  const text = html
    .replace(/<(i|em)>(.*?)<\/\1>/g, markdown ? "*$2*" : "$2")
    .replace(/<(b|strong)>(.*?)<\/\1>/g, markdown ? "**$2**" : "$2")
    .replace(/<sub>(.*?)<\/sub>/g, "_$1")
    .replace(/<sup>(.*?)<\/sup>/g, "^$1")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
  // `{\'\i}` gives a dotless i with an accent; the reader means í.
  return text.replace(/ı(?=[\u0300-\u036f])/g, "i").normalize("NFC");
}

function field(entry: Entry, name: string): string | undefined {
  const value = (entry.fields as Record<string, unknown>)[name];
  if (Array.isArray(value))
    return value.filter((v) => typeof v === "string").join(", ") || undefined;
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function oneLine(text: string): string {
  return fromMarkup(text, false).replace(/\s+/g, " ").trim();
}

function authorName(creator: Creator): string {
  if (creator.name) return oneLine(creator.name);
  const parts = [creator.firstName, creator.prefix, creator.lastName];
  const name = parts.filter(Boolean).join(" ");
  return oneLine(creator.suffix ? `${name}, ${creator.suffix}` : name);
}

/** The arXiv id of an entry: its eprint (when it is an arXiv one), its URL, or a Zotero `arXiv:` journal. */
function arxivIdOf(entry: Entry): string | undefined {
  const archive = (
    field(entry, "archiveprefix") ??
    field(entry, "eprinttype") ??
    "arxiv"
  ).toLowerCase();
  const eprint = field(entry, "eprint");
  if (eprint && archive === "arxiv") {
    const ref = parseArxivId(eprint);
    if (ref) return ref.id;
  }
  for (const name of ["arxivid", "url", "journal", "number", "note"]) {
    const value = field(entry, name);
    const match = value && /(?:arxiv:\s*|arxiv\.org\/\S+?\/)(\S+?)(?:\s|$|\])/i.exec(`${value} `);
    const ref =
      name === "arxivid" && value
        ? parseArxivId(value)
        : match?.[1]
          ? parseArxivId(match[1])
          : undefined;
    if (ref) return ref.id;
  }
  return undefined;
}

/** How the report names an entry: its citation key. */
function entryName(entry: Entry): string {
  return entry.key || `an @${entry.type} entry without a key`;
}

/** What the entry was published in, or what kind of work it is. */
function venueOf(entry: Entry, arxiv: string | undefined): string {
  for (const name of [
    "journal",
    "journaltitle",
    "booktitle",
    "publisher",
    "institution",
    "school",
    "howpublished",
    "organization",
  ]) {
    const value = field(entry, name);
    // Zotero writes an arXiv preprint's journal as "arXiv:1412.6980 [cs]", its publisher as arXiv.
    if (value && /^arxiv\b/i.test(value)) return PREPRINT_VENUE;
    if (value) return oneLine(value);
  }
  if (arxiv) return PREPRINT_VENUE;
  return VENUE_BY_TYPE[entry.type.toLowerCase()] ?? "Other";
}

/** A draft from one entry with an abstract, or why it cannot be one. */
function draftOf(entry: Entry, abstract: string): PaperDraft | RefusedPaper {
  const source = entryName(entry);
  const title = oneLine(field(entry, "title") ?? "");
  const authors = (entry.fields.author ?? []).map(authorName).filter(Boolean);
  const year = Number(/\d{4}/.exec(field(entry, "year") ?? field(entry, "date") ?? "")?.[0]);
  const missing = [
    title ? "" : "title",
    authors.length > 0 ? "" : "author",
    Number.isInteger(year) ? "" : "year (or date)",
  ].filter(Boolean);
  const arxiv = arxivIdOf(entry);
  const doi = parseDoi(field(entry, "doi") ?? "");
  const given = field(entry, "url");
  const url =
    given && /^https?:\/\/\S+$/.test(given)
      ? given
      : arxiv
        ? arxivAbsUrl(arxiv)
        : doi
          ? doiUrl(doi)
          : undefined;
  if (!url) missing.push("url (or doi, or an arXiv eprint)");
  if (missing.length > 0 || !url) {
    return { source, reason: "incomplete", message: `the entry has no ${missing.join(", no ")}` };
  }
  return {
    source,
    meta: {
      title,
      authors,
      year,
      venue: venueOf(entry, arxiv),
      ...(arxiv ? { arxiv } : {}),
      ...(doi ? { doi } : {}),
      url,
      summarySource: "abstract",
      aliases: [],
    },
    summary: abstract,
  };
}

/** 1-based line of a character offset. */
function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf("\n"); i >= 0 && i < offset; i = source.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * "Expected } but found `author =`" most often means the field before lacks its comma: says on
 * which line, the last non-blank one before the field.
 */
function missingCommaHint(error: string, source: string, line: number): string {
  if (!/^Token mismatch, expected "}", found "\s*[\w-]+\s*=/.test(error)) return "";
  const lines = source.split("\n");
  for (let previous = line - 1; previous >= 1; previous--) {
    if ((lines[previous - 1] ?? "").trim()) {
      return ` (is a comma missing at the end of line ${previous}?)`;
    }
  }
  return "";
}

/**
 * Parses a BibTeX file into its entries. Throws `SOURCE_MALFORMED` at the first syntax error,
 * `file:line: ...` with the line the parser stopped at and where that entry starts.
 */
export function parseBibtex(source: string, file: string): Entry[] {
  let library: ReturnType<typeof parse>;
  try {
    library = parse(source, {
      // Titles as the export writes them: no sentence-casing, no case-protection markup.
      english: false,
      sentenceCase: false,
      // A command the parser does not know (\mathcal, a custom macro) keeps its argument's text.
      unsupported: "ignore",
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const line = Number(/line (\d+)/.exec(why)?.[1] ?? 1);
    throw createError(
      "SOURCE_MALFORMED",
      `${file}:${line}: BibTeX syntax error: ${why.split("\n")[0]}`,
    );
  }
  // An undefined @string (`year = foo`) is a warning to BibTeX itself, which goes on without it.
  const errors = library.errors.filter((e) => !/^Unresolved @string reference/.test(e.error));
  const error = errors.find((e) => /at line \d+/.test(e.error)) ?? errors[0];
  if (error) {
    const at = /\s*at line (\d+), column (\d+)/.exec(error.error);
    const start = error.input ? source.indexOf(error.input) : -1;
    const startLine = start >= 0 ? lineAt(source, start) : undefined;
    let line = at?.[1] ? Number(at[1]) : (startLine ?? 1);
    // An unterminated value is where it opens, not at the end of the file where the parser gave up.
    // The parser quotes the text with newlines as `\n`: the first line of it is enough to find.
    const opened = /^Unterminated quote-value "(.{1,20})/.exec(error.error)?.[1]?.split("\\n")[0];
    const openedAt = opened && start >= 0 ? source.indexOf(`"${opened}`, start) : -1;
    if (openedAt >= 0) line = lineAt(source, openedAt);
    const what = error.error.replace(/\s*at line \d+, column \d+/, "").replace(/\n/g, "\\n");
    const entryStart =
      startLine && startLine !== line ? ` (in the entry that starts at line ${startLine})` : "";
    throw createError(
      "SOURCE_MALFORMED",
      `${file}:${line}: BibTeX syntax error${entryStart}: ${what}${missingCommaHint(error.error, source, line)}; nothing was written`,
    );
  }
  return library.entries;
}

/**
 * Imports the entries of a BibTeX file that have an abstract, one corpus file each, the abstract
 * as the summary (`summary: abstract`). Entries without an abstract are skipped and listed; ones
 * without a title, author, year or link, and papers the corpus already has (same arXiv id, DOI or
 * title), are refused. A syntax error anywhere refuses the whole file, writing nothing.
 */
export function importBibtex(
  source: string,
  file: string,
  options: Omit<AddPapersOptions, "identities">,
): ImportReport {
  const entries = parseBibtex(source, file);
  const skipped: ImportReport["skipped"] = [];
  const refused: RefusedPaper[] = [];
  const drafts: PaperDraft[] = [];
  for (const entry of entries) {
    const abstract = fromMarkup(field(entry, "abstract") ?? "", true)
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .join("\n\n");
    if (!abstract) {
      skipped.push({ source: entryName(entry), message: "no abstract" });
      continue;
    }
    const draft = draftOf(entry, abstract);
    if ("reason" in draft) refused.push(draft);
    else drafts.push(draft);
  }
  const identities = CorpusIdentities.ofDirectory(options.corpusDir);
  const written = addPapers(drafts, { ...options, identities });
  return { added: written.added, refused: [...refused, ...written.refused], skipped };
}
