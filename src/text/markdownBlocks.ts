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

/** An ATX heading ("## How"): its level's hashes, and its text. */
export const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
/** A line that is only bold text, as notes write headings ("**Results:**"). */
export const BOLD_HEADING = /^ {0,3}(?:\*\*|__)([^*_\n]{1,80}?):?(?:\*\*|__):?\s*$/;
const LIST_ITEM = /^(\s*)([-*+•]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const FENCE = /^\s*(```|~~~)/;
/** Depth given to a bold-line heading: below every Markdown heading level. */
const BOLD_HEADING_LEVEL = 7;
/** The underline of a setext heading: "Results" over "=======" (level 1) or "-------" (level 2). */
export const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
/** A thematic break ("---", "***", "* * *"): it separates, and says nothing. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
/** A line that is only a short label and a colon, as notes name their parts ("Results:", "Key idea:"). */
const PLAIN_LABEL = /^ {0,3}(\p{L}[^.!?:;\n*_|#]{0,38}):\s*$/u;
/** A paragraph that opens with a bold label ("**How:** they sample..."), the label and the rest. */
const BOLD_LABEL = /^ {0,3}(?:\*\*|__)([^*_\n]{1,40}?)(?::(?:\*\*|__)|(?:\*\*|__):)\s+(\S.*)$/;
/** Most words of a label read as a section's name. */
const LABEL_WORDS = 4;

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

/** The label a line names a part with: a plain label above a list, or a bold one opening a paragraph. */
function labelOf(
  lines: readonly string[],
  at: number,
): { label: string; rest?: string } | undefined {
  const line = lines[at] ?? "";
  const bold = BOLD_LABEL.exec(line);
  const label = bold?.[1] ?? PLAIN_LABEL.exec(line)?.[1];
  if (label === undefined || label.trim().split(/\s+/).length > LABEL_WORDS) return undefined;
  if (bold) return { label: label.trim(), rest: bold[2] ?? "" };
  let next = at + 1;
  while (next < lines.length && (lines[next] ?? "").trim() === "") next++;
  return LIST_ITEM.test(lines[next] ?? "") ? { label: label.trim() } : undefined;
}

/**
 * The lines that name the parts of notes written with labels instead of headings ("What:" above
 * a list, "**How:** they..."), by position. Only when a summary names two parts so: a lone "They
 * evaluate on:" above a list is a sentence that introduces it.
 */
function labelLines(lines: readonly string[]): Map<number, { label: string; rest?: string }> {
  const found = new Map<number, { label: string; rest?: string }>();
  let fenced = false;
  for (const [at, line] of lines.entries()) {
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced || LIST_ITEM.test(line)) continue;
    const label = labelOf(lines, at);
    if (label) found.set(at, label);
  }
  return found.size >= 2 ? found : new Map();
}

/**
 * Splits a summary into sections and blocks. A summary with no heading is one section with an
 * empty heading path; one with no list or table is paragraphs only, read as before. Besides
 * Markdown headings (ATX and setext), a line that is only bold text names a section, and so do
 * labels when notes name their parts with them (see {@link labelLines}).
 */
export function readSections(summary: string): Section[] {
  const lines = summary.replace(/\r\n?/g, "\n").split("\n");
  const labels = labelLines(lines);
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
    const label = labels.get(i);
    if (label) {
      startSection(BOLD_HEADING_LEVEL, label.label);
      if (label.rest) paragraph.push(label.rest);
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && paragraph.length === 1 && list.length === 0) {
      const text = (paragraph[0] ?? "").trim();
      paragraph = [];
      startSection(underline[1]?.startsWith("=") ? 1 : 2, headingText(text));
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      flush();
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
