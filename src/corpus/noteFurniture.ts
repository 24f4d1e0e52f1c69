/**
 * Takes out of a summary what note-takers copy into it from elsewhere and what says nothing about
 * the paper: a heading that repeats the paper's title, "Authors: / Link: / Tags: / Year:" lines
 * above the notes (the front matter already holds these), and images kept beside the notes in
 * the group's own repository ("![Plot](images/plot.png)"), which no chat can show.
 *
 * Notes kept in a Git repository are commonly laid out so. Left in, the metadata lines became the
 * summary's opening passage (its "introduction", shown for "what did Ba et al. propose?" and on
 * `/paper` cards), image paths became passage words, and the title heading stood over every
 * passage. On the notes corpus laid out so (`npm run eval`, "repo layout" sets), the answering
 * passage fell from 71% to 67% (dev) and from 61% to 50% (blind) before this.
 */
import { findImages, isWebAddress } from "../text/figures.ts";
import { HEADING, SETEXT_UNDERLINE } from "../text/markdownBlocks.ts";
import { nameKey } from "../text/names.ts";
import type { PaperMeta } from "../types.ts";

/**
 * Names of metadata lines: what a notes template lists above the notes. Only these: "Results: ..."
 * or "Idea: ..." on the first line is a note.
 */
const METADATA_KEYS = [
  "authors?",
  "tags?",
  "keywords",
  "topics?",
  "categor(?:y|ies)",
  "year",
  "date",
  "published",
  "venue",
  "conference",
  "journal",
  "affiliations?",
  "institutions?",
  "status",
  "read(?: on)?",
];
/**
 * Names of lines that point at the paper or its code. They count only with an address after them:
 * "Paper: proposes..." is a note.
 */
const LINK_KEYS = [
  "links?",
  "paper",
  "pdf",
  "arxiv",
  "url",
  "code",
  "github",
  "project(?: page)?",
  "website",
  "source",
];

/** The start of a `key: value` line, for any of `keys`. */
const KEY = (keys: readonly string[]) =>
  `^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?(?:${keys.join("|")})(?:\\*\\*|__)?\\s*:(?:\\*\\*|__)?\\s*`;
/** A metadata line: an optional bullet, the key (perhaps bold), a colon and a value. */
const METADATA_LINE = new RegExp(`${KEY(METADATA_KEYS)}\\S`, "i");
/** A link line: the same, with an address (or a Markdown link, or an arXiv id) for its value. */
const LINK_LINE = new RegExp(
  `${KEY(LINK_KEYS)}(?:<?https?://|www\\.|\\[[^\\]]*\\]\\(|(?:arxiv:\\s*)?\\d{4}\\.\\d{4,5})`,
  "i",
);

/**
 * A line without its images whose address is no web address: files beside the notes, which no
 * chat can show. Their alt text goes with them; a web address is a figure, kept (see
 * `findFigures`).
 */
function withoutLocalImages(line: string): string {
  let rest = line;
  for (const image of findImages(line).reverse()) {
    if (!isWebAddress(image.address)) rest = rest.slice(0, image.start) + rest.slice(image.end);
  }
  return rest;
}

/**
 * What a title heading says besides the name, as templates write it: a link around the name, an
 * emoji, "Notes on" or "Paper:" before it, the year or venue in brackets after it.
 */
function bareHeading(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^[^\p{L}\p{N}[*_]+/u, "")
    .replace(
      /^(?:(?:paper\s+)?notes?\s+on|summary\s+of|paper|review|notes?|tl;?dr)\s*[:\-–—]?\s+/i,
      "",
    )
    .replace(/\s*[([][^)\]]*[)\]]\s*$/, "");
}

/** True when a heading only names the paper: its title or one of its aliases, by name key. */
function namesPaper(heading: string, meta: Pick<PaperMeta, "title" | "aliases">): boolean {
  const keys = new Set([nameKey(heading), nameKey(bareHeading(heading))]);
  keys.delete("");
  return [meta.title, ...meta.aliases].some((name) => keys.has(nameKey(name)));
}

/**
 * The summary without its furniture (see the module comment). Only the lines above the notes are
 * read as a title and metadata: a "Code:" line further down is a note. Whatever is taken out, the
 * notes themselves are left as written.
 */
export function withoutNoteFurniture(
  summary: string,
  meta: Pick<PaperMeta, "title" | "aliases">,
): string {
  const lines = summary.split("\n").flatMap((line) => {
    const rest = withoutLocalImages(line);
    // A line, or a bullet, that held only an image goes with it.
    return rest !== line && /^\s*(?:(?:[-*+]|\d{1,3}[.)])\s*)?$/.test(rest) ? [] : [rest];
  });
  let at = 0;
  while (at < lines.length) {
    const line = lines[at] ?? "";
    const atx = HEADING.exec(line);
    if (line.trim() === "" || METADATA_LINE.test(line) || LINK_LINE.test(line)) at++;
    else if (atx && namesPaper(atx[2] ?? "", meta)) at++;
    else if (!atx && SETEXT_UNDERLINE.test(lines[at + 1] ?? "") && namesPaper(line, meta)) at += 2;
    else break;
  }
  // A summary that is nothing but furniture is still the summary.
  return lines.slice(at).join("\n").trim() || summary.trim();
}
