/**
 * Serializes the message outline as plain text: what the console and the CLI print. No markup and
 * no limits: a terminal shows whatever it is given, so this only lays the blocks out in lines.
 */
import { shortAuthors, venueLine, venueYear } from "../answer/phrases.ts";
import type { Reply } from "../answer/reply.ts";
import type { Digest } from "../digest/digest.ts";
import { moreItems } from "../digest/digestPhrases.ts";
import { CONSOLE_VOTE_HINT } from "../feedback/feedback.ts";
import type { Block, Inline, ListBlock, Outline, PaperBlock } from "./outline.ts";
import { digestOutline, outlineOf } from "./outlineOf.ts";

/** Options of {@link toPlainText}. */
export interface TextOptions {
  /** Wraps a highlighted query term (default: leaves it as it is). */
  mark?: (text: string) => string;
}

type Mark = (text: string) => string;

/** A title or question on one line, so a stray newline cannot break a list's layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function inline(content: readonly Inline[], mark: Mark, compact = false): string {
  return content
    .map((part) => {
      if (typeof part === "string") return part;
      if ("text" in part) return part.highlight ? mark(part.text) : part.text;
      if ("strong" in part) return part.strong;
      // Backticks stay: on a terminal they still read as "type this".
      if ("code" in part) return `\`${part.code}\``;
      if ("paper" in part) return compact ? oneLine(part.paper.title) : part.paper.title;
      return `"${part.quote}"`;
    })
    .join("");
}

function indented(text: string): string {
  return `  ${text.replace(/\n/g, "\n  ")}`;
}

function paperLines(block: PaperBlock, mark: Mark): string[] {
  const { paper } = block;
  if (block.role === "card") {
    const lines = [paper.title, paper.authors.join(", "), `${venueLine(paper)} · ${paper.url}`];
    if (paper.aliases.length > 0) lines.push(`Also known as: ${paper.aliases.join(", ")}`);
    lines.push("", inline(block.body, mark));
    if (block.figure) lines.push("", `${block.figure.label}: ${block.figure.url}`);
    return lines;
  }
  const lines = [
    paper.title,
    `${shortAuthors(paper.authors)} · ${venueYear(paper)} · ${paper.url}`,
    "",
    ...(block.section ? [`  § ${block.section}`] : []),
    indented(inline(block.body, mark)),
  ];
  if (block.more) {
    lines.push("", `  ${block.more.heading}:`, indented(inline(block.more.body, mark)));
  }
  if (block.figure) lines.push("", `  ${block.figure.label}: ${block.figure.url}`);
  return lines;
}

function listLines(block: ListBlock, mark: Mark): string[] {
  const items = block.items.map((item, i) => {
    const text = inline(item, mark, block.compact);
    // A paper alone on its line shows its id too: the terminal has no link, the id is what to type.
    const only = item.length === 1 && typeof item[0] === "object" && item[0] && "paper" in item[0];
    const id = only ? ` (${(item[0] as { paper: { id: string } }).paper.id})` : "";
    const shown = block.compact ? oneLine(text) : text;
    if (block.style === "numbers") return `  ${i + 1}. ${shown}${id}`;
    if (block.style === "plain") return `  ${shown}${id}`;
    return `  • ${shown}${id}`;
  });
  const more = block.total === undefined ? "" : moreItems(block.total, block.items.length);
  return [
    // A heading that ends a sentence of its own ("… who knows?") takes no colon.
    ...(block.heading ? [/[?!:.]$/.test(block.heading) ? block.heading : `${block.heading}:`] : []),
    ...items,
    ...(more ? [`  ${more}`] : []),
  ];
}

function blockLines(block: Block, mark: Mark): string[] {
  switch (block.type) {
    case "paper":
      return paperLines(block, mark);
    case "text":
      return [inline(block.content, mark)];
    case "list":
      return listLines(block, mark);
    case "commands": {
      const width = Math.max(...block.commands.map((c) => c.usage.length));
      return block.commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.description}`);
    }
    case "heading":
      return [block.text];
    case "note":
      return block.threadOnly ? [] : [`(${inline(block.content, mark)})`];
  }
}

/** A block's lines where it stands: a note that opens the message says what follows, plainly. */
function linesAt(block: Block, first: boolean, mark: Mark): string[] {
  if (first && block.type === "note") return [inline(block.content, mark)];
  return blockLines(block, mark);
}

/**
 * Whether a block carries on the paragraph before it (no blank line between): a list or the
 * commands right under our own sentence.
 */
function continues(block: Block, before: Block | undefined): boolean {
  return before?.type === "text" && (block.type === "list" || block.type === "commands");
}

/** An outline as plain text. */
export function outlineToPlainText(outline: Outline, options: TextOptions = {}): string {
  const mark = options.mark ?? ((text: string) => text);
  const { tone } = outline;
  const lines: string[] = [];
  outline.blocks.forEach((block, i) => {
    const shown = linesAt(block, i === 0, mark);
    if (shown.length === 0) return;
    if (lines.length > 0 && !continues(block, outline.blocks[i - 1])) lines.push("");
    lines.push(...shown);
  });
  // The console takes a vote as a line of its own: `+` or `-` right after the answer.
  if (outline.feedback) lines.push("", CONSOLE_VOTE_HINT);
  const text = lines.join("\n");
  return tone === "error" ? `Sorry: ${text}` : text;
}

/** A reply as plain text: what the console and the CLI print. */
export function toPlainText(reply: Reply, options: TextOptions = {}): string {
  return outlineToPlainText(outlineOf(reply), options);
}

/** A digest as plain text: heading, featured card and questions, new papers, most asked. */
export function digestToPlainText(digest: Digest): string {
  return outlineToPlainText(digestOutline(digest));
}
