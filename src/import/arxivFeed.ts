/**
 * Reads the Atom feed the arXiv API answers with. Its shape:
 * https://info.arxiv.org/help/api/user-manual.html#_details_of_atom_results_returned
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { createError } from "../errors.ts";
import { parseArxivId } from "../text/arxivId.ts";

/** One paper of the feed, its texts as arXiv wrote them (hard-wrapped lines joined). */
export interface ArxivEntry {
  /** The id without version, as the API writes it: `1905.02249`, `hep-th/9901001`. */
  id: string;
  /** The version the entry describes. */
  version?: number;
  /** Title, whitespace collapsed. */
  title: string;
  /** Author names in order. */
  authors: string[];
  /** The abstract, in paragraphs separated by a blank line. */
  abstract: string;
  /** When the first version appeared (ISO 8601). */
  published: string;
  /** The DOI arXiv records for it, if any. */
  doi?: string;
  /** The journal reference arXiv records for it, if any. */
  journalRef?: string;
  /** The authors' comment ("10 pages", "This paper has been withdrawn"), if any. */
  comment?: string;
  /** Its PDF link. */
  pdfUrl?: string;
  /** Its primary category, e.g. `cs.LG`. */
  primaryCategory?: string;
}

/** What a feed holds: papers, and the errors the API reports as entries. */
export interface ArxivFeed {
  /** `opensearch:totalResults`, when the feed says. */
  totalResults?: number;
  /** The papers. */
  entries: ArxivEntry[];
  /** Errors the API reported as entries ("incorrect id format for 1234.5678"). */
  errors: string[];
}

/** Elements that may occur more than once, read as lists even when there is one. */
const REPEATED = new Set(["entry", "author", "link", "category"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // `arxiv:doi` is read as `doi`: the feed's prefixes are fixed, and Atom has no such names.
  removeNSPrefix: true,
  // Ids like 1905.02249 and years stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

type XmlNode = Record<string, unknown>;

/** The text of an element, whether or not it has attributes. */
function text(node: unknown): string {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node) return String(node["#text"]);
  return "";
}

/** Text on one line: arXiv hard-wraps titles and names. */
function oneLine(value: unknown): string {
  return text(value).replace(/\s+/g, " ").trim();
}

/** An abstract's hard-wrapped lines joined, its blank-line paragraphs kept. */
function paragraphs(value: unknown): string {
  return text(value)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

function list(value: unknown): XmlNode[] {
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/**
 * Parses an arXiv API answer. Throws `SOURCE_MALFORMED` for text that is not well-formed XML or
 * not an Atom feed (arXiv answers "Rate exceeded." as plain text, for one).
 */
export function parseArxivFeed(xml: string): ArxivFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw createError(
      "SOURCE_MALFORMED",
      `the arXiv API answered with malformed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  const feed = (parser.parse(xml) as XmlNode).feed;
  if (!feed || typeof feed !== "object") {
    throw createError(
      "SOURCE_MALFORMED",
      "the arXiv API answered with XML that is not an Atom feed",
    );
  }
  const total = Number(text((feed as XmlNode).totalResults));
  const result: ArxivFeed = { entries: [], errors: [] };
  if (text((feed as XmlNode).totalResults) !== "" && Number.isFinite(total)) {
    result.totalResults = total;
  }
  for (const entry of list((feed as XmlNode).entry)) {
    const id = oneLine(entry.id);
    // https://info.arxiv.org/help/api/user-manual.html#_errors: an error is an entry whose id
    // points into /api/errors, titled "Error", the message in its summary.
    if (/\/api\/errors/.test(id) || oneLine(entry.title) === "Error") {
      result.errors.push(oneLine(entry.summary) || "error");
      continue;
    }
    const ref = parseArxivId(id);
    const title = oneLine(entry.title);
    // Some answers for an unknown id hold an entry with no title: that is no paper.
    if (!ref || !title) continue;
    const pdf = list(entry.link).find((link) => link["@title"] === "pdf");
    const doi = oneLine(entry.doi).split(" ")[0];
    const paper: ArxivEntry = {
      id: ref.id,
      title,
      authors: list(entry.author)
        .map((author) => oneLine(author.name))
        .filter(Boolean),
      abstract: paragraphs(entry.summary),
      published: oneLine(entry.published),
    };
    if (ref.version) paper.version = ref.version;
    if (doi) paper.doi = doi;
    const journalRef = oneLine(entry.journal_ref);
    if (journalRef) paper.journalRef = journalRef;
    const comment = oneLine(entry.comment);
    if (comment) paper.comment = comment;
    if (pdf && typeof pdf["@href"] === "string") paper.pdfUrl = pdf["@href"];
    const primary = (entry.primary_category as XmlNode | undefined)?.["@term"];
    if (typeof primary === "string") paper.primaryCategory = primary;
    result.entries.push(paper);
  }
  return result;
}

/**
 * True for a withdrawn paper: arXiv keeps its entry, with a comment or an abstract that says so
 * (https://info.arxiv.org/help/withdraw.html).
 */
export function isWithdrawn(entry: ArxivEntry): boolean {
  return (
    /\bwithdrawn\b/i.test(entry.comment ?? "") ||
    /^(?:this|the) (?:paper|article|submission|manuscript) (?:has been|is|was) withdrawn/i.test(
      entry.abstract,
    )
  );
}
