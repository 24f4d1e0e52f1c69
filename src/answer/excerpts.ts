import { truncateAtWord } from "../display/truncate.ts";
import { readableText } from "./readable.ts";

/** Length of a paper's one-line snippet beside an answer or in a list of papers. */
export const SNIPPET_CHARS = 140;
/** Longest section path shown above a passage; a heading is a few words, not a paragraph. */
const SECTION_PATH_CHARS = 120;

/** One line from a passage: list marks and line breaks folded, math made readable, cut at a word. */
export function snippetOf(text: string): string {
  const oneLine = text.replace(/(^|\n)\s*(?:[-*]|\d+[.)])\s+/g, "$1").replace(/\s*\n\s*/g, "; ");
  return truncateAtWord(readableText(oneLine), SNIPPET_CHARS);
}

/** A passage's headings as a path: "How › Bias correction". */
export function sectionPath(headings: readonly string[]): string {
  return truncateAtWord(headings.map((h) => readableText(h)).join(" › "), SECTION_PATH_CHARS);
}
