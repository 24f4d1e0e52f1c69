/**
 * Reads the structure of a Markdown summary: sections under headings, and in each section its
 * paragraphs, list items (each with the items nested under it) and tables. Summaries come in
 * every style (one prose line exported from a website, bullet notes under "What / How / Results",
 * long prose with tables), so the reader is forgiving: anything it does not recognise is prose.
 */

/** A top-level list item with everything nested under it. */
export interface ListItem {
  /** The item's own text, marker removed, continuation lines joined. */
  text: string;
  /** The marker as written ("-", "*", "1."), to show numbered lists as numbered. */
  marker: string;
  /** Items nested under it, in order. */
  children: ListItem[];
}

/** One block of a section. */
export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: ListItem[] }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "code"; text: string };

/** The blocks under one heading path. */
export interface Section {
  /** Headings from the outermost to this section's own ("How", "Bias correction"); empty before any heading. */
  headings: string[];
  /** The section's blocks, in order. */
  blocks: Block[];
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
/** A line that is only bold text, as notes write headings ("**Results:**"). */
const BOLD_HEADING = /^ {0,3}(?:\*\*|__)([^*_\n]{1,80}?):?(?:\*\*|__):?\s*$/;
const LIST_ITEM = /^(\s*)([-*+•]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const FENCE = /^\s*(```|~~~)/;
/** Depth given to a bold-line heading: below every Markdown heading level. */
const BOLD_HEADING_LEVEL = 7;

/** Width of leading white space, a tab counting as four columns. */
function indentOf(space: string): number {
  let width = 0;
  for (const char of space) width += char === "\t" ? 4 - (width % 4) : 1;
  return width;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

/** Removes inline emphasis marks around a heading ("**How**" reads "How"). */
export function headingText(raw: string): string {
  return raw
    .replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, "$1")
    .replace(/:$/, "")
    .trim();
}

/** Builds nested items from (indent, marker, text) entries of one list. */
function nestItems(entries: Array<{ indent: number; marker: string; text: string }>): ListItem[] {
  const roots: ListItem[] = [];
  const stack: Array<{ indent: number; item: ListItem }> = [];
  for (const entry of entries) {
    const item: ListItem = { text: entry.text, marker: entry.marker, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= entry.indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.item.children.push(item);
    else roots.push(item);
    stack.push({ indent: entry.indent, item });
  }
  return roots;
}

/**
 * Splits a summary into sections and blocks. A summary with no heading is one section with an
 * empty heading path; one with no list or table is paragraphs only, read as before.
 */
export function readSections(summary: string): Section[] {
  const lines = summary.replace(/\r\n?/g, "\n").split("\n");
  const sections: Section[] = [];
  const path: Array<{ level: number; text: string }> = [];
  let current: Section = { headings: [], blocks: [] };
  let paragraph: string[] = [];
  let list: Array<{ indent: number; marker: string; text: string }> = [];
  let listBlank = false;

  const flushParagraph = () => {
    const text = paragraph.join("\n").trim();
    if (text) current.blocks.push({ kind: "paragraph", text });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) current.blocks.push({ kind: "list", items: nestItems(list) });
    list = [];
    listBlank = false;
  };
  const flush = () => {
    flushParagraph();
    flushList();
  };
  const startSection = (level: number, text: string) => {
    flush();
    if (current.blocks.length > 0) sections.push(current);
    while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= level) path.pop();
    if (text) path.push({ level, text });
    current = { headings: path.map((h) => h.text), blocks: [] };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (FENCE.test(line)) {
      flush();
      const fence = line.trim().slice(0, 3);
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").trim().startsWith(fence); i++) {
        code.push(lines[i] ?? "");
      }
      if (code.join("").trim()) current.blocks.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      startSection(heading[1]?.length ?? 1, headingText(heading[2] ?? ""));
      continue;
    }
    const bold = paragraph.length === 0 ? BOLD_HEADING.exec(line) : null;
    if (bold && !LIST_ITEM.test(line)) {
      startSection(BOLD_HEADING_LEVEL, headingText(bold[1] ?? ""));
      continue;
    }
    if (TABLE_ROW.test(line) && TABLE_RULE.test(lines[i + 1] ?? "")) {
      flush();
      const header = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && TABLE_ROW.test(lines[i] ?? ""); i++) {
        rows.push(cells(lines[i] ?? ""));
      }
      i--;
      current.blocks.push({ kind: "table", header, rows });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    // A list may interrupt a paragraph: notes write "Results:" and the items on the next line.
    if (item) {
      flushParagraph();
      list.push({ indent: indentOf(item[1] ?? ""), marker: item[2] ?? "-", text: item[3] ?? "" });
      listBlank = false;
      continue;
    }
    if (line.trim() === "") {
      if (list.length > 0) listBlank = true;
      else flushParagraph();
      continue;
    }
    const last = list[list.length - 1];
    // A line under an item continues it when indented, or when no blank line came between.
    if (last && (!listBlank || indentOf(/^\s*/.exec(line)?.[0] ?? "") > last.indent)) {
      last.text = `${last.text} ${line.trim()}`;
      listBlank = false;
      continue;
    }
    flushList();
    paragraph.push(line);
  }
  flush();
  if (current.blocks.length > 0) sections.push(current);
  return sections;
}
