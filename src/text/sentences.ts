import { findFigures } from "./figures.ts";

/** A sentence or a figure link, in the order they stand in a summary. */
export type TextUnit =
  | { kind: "sentence"; text: string; start: number; end: number }
  | { kind: "figure"; url: string; start: number; end: number };

/**
 * Words that end with a period without ending a sentence ("et al.", "e.g.", "1 Mio. samples").
 * Stored lower-case, without the final period.
 */
const ABBREVIATIONS = new Set([
  "al",
  "e.g",
  "i.e",
  "cf",
  "vs",
  "fig",
  "figs",
  "eq",
  "eqs",
  "sec",
  "approx",
  "resp",
  "mio",
  "mrd",
  "no",
  "nr",
  "dr",
  "mr",
  "mrs",
  "ms",
  "prof",
  "st",
  "vol",
  "ch",
  "p",
  "pp",
]);

/** Spans no sentence boundary may fall inside: inline math, display math, URLs, Markdown links. */
const PROTECTED_PATTERN =
  /\$\$[\s\S]+?\$\$|\$[^$\n]+?\$|\[[^\]\n]*\]\([^)\s]*\)|https?:\/\/[^\s)\]]+/g;

function protectedSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(PROTECTED_PATTERN)].map((m) => [m.index, m.index + m[0].length]);
}

function isProtected(spans: Array<[number, number]>, offset: number): boolean {
  return spans.some(([start, end]) => offset >= start && offset < end);
}

/** True when the period at `offset` closes an abbreviation or an initial rather than a sentence. */
function endsAbbreviation(text: string, offset: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, offset - 12), offset));
  if (!before?.[1]) return false;
  const word = before[1];
  // A single capital is an initial ("Jeremy M. Cohen").
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^\.+/, ""));
}

const SENTENCE_START = /[\p{Lu}\p{N}["“'‘*(]/u;

/** Offsets (into `text`) where a new sentence starts. */
function boundaries(text: string): number[] {
  const spans = protectedSpans(text);
  const cuts: number[] = [];
  // Terminal punctuation, optional closing quotes or brackets, then white space.
  for (const m of text.matchAll(/([.!?]+)["”’)\]*]*(\s+)/g)) {
    const next = m.index + m[0].length;
    const char = text[next];
    if (char === undefined || isProtected(spans, m.index)) continue;
    if (m[1] === "." && endsAbbreviation(text, m.index)) continue;
    if (SENTENCE_START.test(char) || /\n\s*\n/.test(m[2] ?? "")) cuts.push(next);
  }
  // Paragraph breaks and list items ("- item", "* item", "1. item"), inline or on their own line.
  for (const m of text.matchAll(
    /\n\s*\n\s*|\n\s*(?=[-*]\s|\d+\.\s)|(?<=\S)\s+-\s+(?=[\p{L}*$])/gu,
  )) {
    if (!isProtected(spans, m.index)) cuts.push(m.index + m[0].length);
  }
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** Removes list markers and export artifacts, and folds white space. */
function cleanSentence(raw: string): string {
  return raw
    .replace(/!\[\]\(\)\s*\|?/g, "")
    .replace(/^\s*(?:[-*]|\d+\.)\s+/, "")
    .replace(/\s+[-*]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function sentencesIn(text: string, offset: number, units: TextUnit[]): void {
  const cuts = [0, ...boundaries(text), text.length];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? text.length;
    const sentence = cleanSentence(text.slice(start, end));
    if (/[\p{L}\p{N}]/u.test(sentence)) {
      units.push({ kind: "sentence", text: sentence, start: offset + start, end: offset + end });
    }
  }
}

/**
 * Splits a summary into sentences and figure links. Survives "et al.", "e.g.", "i.e.", decimals,
 * "1 Mio.", inline math and URLs; a figure link between two sentences becomes a unit of its own.
 */
export function splitUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  let cursor = 0;
  for (const figure of findFigures(text)) {
    sentencesIn(text.slice(cursor, figure.start), cursor, units);
    units.push({ kind: "figure", url: figure.url, start: figure.start, end: figure.end });
    cursor = figure.end;
  }
  sentencesIn(text.slice(cursor), cursor, units);
  return units;
}

/** The sentences of a text, in order, without figure links. */
export function splitSentences(text: string): string[] {
  return splitUnits(text).flatMap((unit) => (unit.kind === "sentence" ? [unit.text] : []));
}
