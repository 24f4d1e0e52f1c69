import { findFigures } from "../text/figures.ts";
import {
  type Block,
  headingText,
  type ListItem,
  readSections,
  type Section,
} from "../text/markdownBlocks.ts";
import { splitUnits } from "../text/sentences.ts";
import type { Passage } from "../types.ts";

/** How passages are cut from a summary. */
export interface PassageOptions {
  /** A passage grows past two units (sentences, list items, table rows) until it has at least this many characters... */
  minChars: number;
  /** ...or this many units... */
  maxSentences: number;
  /** ...and never past this many characters (a single longer unit stays whole). */
  maxChars: number;
}

/**
 * Defaults tuned for chat: about three sentences, short enough to read in a message,
 * long enough to carry an answer with its context.
 */
export const defaultPassageOptions: PassageOptions = {
  minChars: 400,
  maxSentences: 4,
  maxChars: 900,
};

/**
 * One unit a passage is made of: a sentence of prose, a list item with the items nested under it,
 * a few rows of a table. A passage never splits one.
 */
interface Unit {
  text: string;
  /** Starts on a line of its own (a list item, a table): joined by a line break, not a space. */
  block: boolean;
  /** Figures that stand right before this unit (between it and the previous one). */
  figuresBefore: string[];
  /** Figures written inside it (a Markdown image in a list item). */
  figuresIn: string[];
}

/** Takes the figure links out of a text, returning the rest and the links. */
function withoutFigures(text: string): { text: string; figures: string[] } {
  const figures = findFigures(text);
  if (figures.length === 0) return { text, figures: [] };
  let rest = "";
  let cursor = 0;
  for (const figure of figures) {
    rest += text.slice(cursor, figure.start);
    cursor = figure.end;
  }
  rest += text.slice(cursor);
  return { text: rest.replace(/\s+/g, " ").trim(), figures: figures.map((f) => f.url) };
}

/** One line of a list: the item's marker, as numbered lists must stay numbered. */
function itemLine(item: ListItem, depth: number): string {
  const marker = /\d/.test(item.marker) ? item.marker : "-";
  return `${"  ".repeat(depth)}${marker} ${item.text.replace(/\s+/g, " ").trim()}`;
}

function itemLines(item: ListItem, depth: number): string[] {
  return [itemLine(item, depth), ...item.children.flatMap((child) => itemLines(child, depth + 1))];
}

/**
 * The units of one top-level list item: the item with everything nested under it, or, when that
 * is too long for one passage, the item's own line followed by as many of its children as fit,
 * repeated for the rest, so a child is never read without its parent ("Top-5 error:" above "7.1%").
 */
function itemUnits(item: ListItem, maxChars: number): Array<{ lines: string[] }> {
  const lines = itemLines(item, 0);
  if (lines.join("\n").length <= maxChars || item.children.length === 0) return [{ lines }];
  const head = itemLine(item, 0);
  const units: Array<{ lines: string[] }> = [];
  let chunk: string[] = [head];
  let size = head.length;
  for (const child of item.children) {
    const childLines = itemLines(child, 1);
    const childSize = childLines.join("\n").length + 1;
    if (chunk.length > 1 && size + childSize > maxChars) {
      units.push({ lines: chunk });
      chunk = [head];
      size = head.length;
    }
    chunk.push(...childLines);
    size += childSize;
  }
  units.push({ lines: chunk });
  return units;
}

/** A table's rows as units of a few rows each, every one under the table's header. */
function tableUnits(header: string[], rows: string[][], maxChars: number): string[] {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const head = line(header);
  const units: string[] = [];
  let chunk: string[] = [];
  for (const row of rows) {
    const next = line(row);
    if (chunk.length > 0 && [head, ...chunk, next].join("\n").length > maxChars) {
      units.push([head, ...chunk].join("\n"));
      chunk = [];
    }
    chunk.push(next);
  }
  if (chunk.length > 0 || rows.length === 0) units.push([head, ...chunk].join("\n"));
  return units;
}

/** Longest bullet text read as the name of a section ("How", "Results on ImageNet"). */
const OUTLINE_HEADING_CHARS = 60;

/**
 * True for a bullet that names a section of an outline rather than saying something: short, not
 * a sentence, and with more under it than one passage holds ("* How" above the whole method).
 */
function isOutlineHeading(item: ListItem, maxChars: number): boolean {
  const text = headingText(item.text);
  return (
    item.children.length > 0 &&
    text.length > 0 &&
    text.length <= OUTLINE_HEADING_CHARS &&
    !/[.!?]$/.test(text) &&
    itemLines(item, 0).join("\n").length > maxChars
  );
}

/**
 * Reads outline notes, whose sections are top-level bullets ("* What", "* How", "* Results") with
 * everything nested under them, as sections: such a bullet becomes a heading and its children the
 * section's list, so passages are cut inside it and carry "How" as their heading.
 */
function outlineSections(sections: readonly Section[], maxChars: number): Section[] {
  const out: Section[] = [];
  for (const section of sections) {
    let blocks: Block[] = [];
    const close = () => {
      if (blocks.length > 0) out.push({ headings: section.headings, blocks });
      blocks = [];
    };
    for (const block of section.blocks) {
      if (block.kind !== "list") {
        blocks.push(block);
        continue;
      }
      let items: ListItem[] = [];
      for (const item of block.items) {
        if (!isOutlineHeading(item, maxChars)) {
          items.push(item);
          continue;
        }
        if (items.length > 0) blocks.push({ kind: "list", items });
        items = [];
        close();
        const inner = { headings: [...section.headings, headingText(item.text)], blocks: [] };
        out.push(
          ...outlineSections(
            [{ ...inner, blocks: [{ kind: "list", items: item.children }] }],
            maxChars,
          ),
        );
      }
      if (items.length > 0) blocks.push({ kind: "list", items });
    }
    close();
  }
  return out;
}

/** The units of one section, in order, with the figures around them. */
function sectionUnits(
  section: Section,
  options: PassageOptions,
): { units: Unit[]; trailing: string[] } {
  const units: Unit[] = [];
  let pending: string[] = [];
  const push = (text: string, block: boolean, figuresIn: string[] = []) => {
    units.push({ text, block, figuresBefore: pending, figuresIn });
    pending = [];
  };
  for (const block of section.blocks) {
    if (block.kind === "paragraph") {
      for (const unit of splitUnits(block.text)) {
        if (unit.kind === "figure") pending.push(unit.url);
        else push(unit.text, false);
      }
    } else if (block.kind === "list") {
      for (const item of block.items) {
        for (const { lines } of itemUnits(item, options.maxChars)) {
          const { text, figures } = withoutFigures(lines.join("\n"));
          // A list item that was only a figure link places the figure, as a figure line would.
          if (/[\p{L}\p{N}]/u.test(text.replace(/^[-\d.)\s]+$/u, ""))) {
            push(lines.map((l) => withoutFigures(l).text || l).join("\n"), true, figures);
          } else pending.push(...figures);
        }
      }
    } else if (block.kind === "table") {
      for (const text of tableUnits(block.header, block.rows, options.maxChars)) push(text, true);
    } else {
      push(block.text, true);
    }
  }
  return { units, trailing: pending };
}

/** Index of the last unit of the window starting at `first`. */
function windowEnd(units: Unit[], first: number, options: PassageOptions): number {
  let last = first;
  let chars = units[first]?.text.length ?? 0;
  // Two units at least (when they fit), so that consecutive passages always overlap.
  while (last + 1 < units.length && (last === first || chars < options.minChars)) {
    const next = units[last + 1]?.text.length ?? 0;
    if (last - first + 1 >= options.maxSentences || chars + next > options.maxChars) break;
    last++;
    chars += next + 1;
  }
  return last;
}

/**
 * The figures that belong to units `first..last`: those inside or between them, else the nearest
 * one after them in the section, else (at the section's end) the nearest one before them.
 */
function figuresFor(units: Unit[], trailing: string[], first: number, last: number): string[] {
  const inside = units
    .slice(first, last + 1)
    .flatMap((u, i) => [...(i === 0 ? [] : u.figuresBefore), ...u.figuresIn]);
  if (inside.length > 0) return inside;
  for (let i = last + 1; i < units.length; i++) {
    const unit = units[i];
    const figures = [...(unit?.figuresBefore ?? []), ...(unit?.figuresIn ?? [])];
    if (figures.length > 0) return figures.slice(0, 1);
  }
  if (trailing.length > 0) return trailing.slice(0, 1);
  for (let i = first; i >= 0; i--) {
    const figures = units[i]?.figuresBefore ?? [];
    if (figures.length > 0) return figures.slice(-1);
  }
  return [];
}

/**
 * Cuts a summary into passages of a few units each (sentences, list items with their sub-items,
 * table rows), each passage within one section and sharing its last unit with the next, each
 * with the figure links that belong to it and the headings it stands under. Passage texts are
 * slices of one joined text per section, which V8 keeps as views of it rather than copies:
 * overlapping passages then cost no memory twice.
 */
export function splitPassages(
  paperId: string,
  summary: string,
  firstId = 0,
  options: PassageOptions = defaultPassageOptions,
): Passage[] {
  const passages: Passage[] = [];
  const sections = outlineSections(readSections(summary), options.maxChars);
  // A figure after a section's last sentence belongs with the next section's first passage when
  // the section has no passage of its own to take it.
  let carried: string[] = [];
  for (const section of sections) {
    const { units, trailing } = sectionUnits(section, options);
    if (units.length === 0) {
      carried.push(...trailing);
      continue;
    }
    if (carried.length > 0) {
      units[0] = {
        ...(units[0] as Unit),
        figuresBefore: [...carried, ...(units[0]?.figuresBefore ?? [])],
      };
      carried = [];
    }
    let text = "";
    const starts: number[] = [];
    for (const [i, unit] of units.entries()) {
      if (i > 0) text += unit.block || units[i - 1]?.block ? "\n" : " ";
      starts.push(text.length);
      text += unit.text;
    }
    let first = 0;
    while (first < units.length) {
      const last = windowEnd(units, first, options);
      const end = (starts[last] ?? 0) + (units[last]?.text.length ?? 0);
      passages.push({
        id: firstId + passages.length,
        paperId,
        ordinal: passages.length,
        text: text.slice(starts[first] ?? 0, end),
        figures: figuresFor(units, trailing, first, last),
        ...(section.headings.length > 0 ? { headings: section.headings } : {}),
      });
      if (last + 1 >= units.length) break;
      // Overlap by one unit so an answer that straddles a cut is whole in one passage.
      first = last > first ? last : last + 1;
    }
  }
  // Figures after the last passage belong to it, as a figure after the last sentence always did.
  const lastPassage = passages[passages.length - 1];
  if (lastPassage && lastPassage.figures.length === 0 && carried.length > 0) {
    lastPassage.figures = carried.slice(0, 1);
  }
  return passages;
}

/**
 * The text the full-text index holds for a passage: its headings, which say what it is about
 * ("Results", "Bias correction"), then its own text. Adding and removing must agree on it.
 */
export function indexedPassageText(passage: Passage): string {
  return passage.headings && passage.headings.length > 0
    ? `${passage.headings.join(" \n")} \n${passage.text}`
    : passage.text;
}
