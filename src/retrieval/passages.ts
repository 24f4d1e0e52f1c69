import { splitUnits } from "../text/sentences.ts";
import type { Passage } from "../types.ts";

/** How passages are cut from a summary. */
export interface PassageOptions {
  /** A passage grows past two sentences until it has at least this many characters... */
  minChars: number;
  /** ...or this many sentences... */
  maxSentences: number;
  /** ...and never past this many characters (a single longer sentence stays whole). */
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

interface Sentence {
  text: string;
  /** Figures that stand right before this sentence (between it and the previous one). */
  figuresBefore: string[];
}

function sentencesWithFigures(summary: string): { sentences: Sentence[]; trailing: string[] } {
  const sentences: Sentence[] = [];
  let pending: string[] = [];
  for (const unit of splitUnits(summary)) {
    if (unit.kind === "figure") pending.push(unit.url);
    else {
      sentences.push({ text: unit.text, figuresBefore: pending });
      pending = [];
    }
  }
  return { sentences, trailing: pending };
}

/** Index of the last sentence of the window starting at `first`. */
function windowEnd(sentences: Sentence[], first: number, options: PassageOptions): number {
  let last = first;
  let chars = sentences[first]?.text.length ?? 0;
  // Two sentences at least (when they fit), so that consecutive passages always overlap.
  while (last + 1 < sentences.length && (last === first || chars < options.minChars)) {
    const next = sentences[last + 1]?.text.length ?? 0;
    if (last - first + 1 >= options.maxSentences || chars + next > options.maxChars) break;
    last++;
    chars += next + 1;
  }
  return last;
}

/**
 * The figures that belong to sentences `first..last`: those standing between its sentences, else
 * the nearest one after it, else (at the end of a summary) the nearest one before it.
 */
function figuresFor(
  sentences: Sentence[],
  trailing: string[],
  first: number,
  last: number,
): string[] {
  const inside = sentences.slice(first + 1, last + 1).flatMap((s) => s.figuresBefore);
  if (inside.length > 0) return inside;
  for (let i = last + 1; i < sentences.length; i++) {
    const figures = sentences[i]?.figuresBefore ?? [];
    if (figures.length > 0) return figures.slice(0, 1);
  }
  if (trailing.length > 0) return trailing.slice(0, 1);
  for (let i = first; i >= 0; i--) {
    const figures = sentences[i]?.figuresBefore ?? [];
    if (figures.length > 0) return figures.slice(-1);
  }
  return [];
}

/**
 * Cuts a summary into overlapping passages of a few sentences (each passage shares its last
 * sentence with the next), each with the figure links that belong to it. Passage texts are slices
 * of one joined text, which V8 keeps as views of it rather than copies: overlapping passages then
 * cost no memory twice.
 */
export function splitPassages(
  paperId: string,
  summary: string,
  firstId = 0,
  options: PassageOptions = defaultPassageOptions,
): Passage[] {
  const { sentences, trailing } = sentencesWithFigures(summary);
  const text = sentences.map((s) => s.text).join(" ");
  const starts: number[] = [];
  let offset = 0;
  for (const sentence of sentences) {
    starts.push(offset);
    offset += sentence.text.length + 1;
  }
  const passages: Passage[] = [];
  let first = 0;
  while (first < sentences.length) {
    const last = windowEnd(sentences, first, options);
    const end = (starts[last] ?? 0) + (sentences[last]?.text.length ?? 0);
    passages.push({
      id: firstId + passages.length,
      paperId,
      ordinal: passages.length,
      text: text.slice(starts[first] ?? 0, end),
      figures: figuresFor(sentences, trailing, first, last),
    });
    if (last + 1 >= sentences.length) break;
    // Overlap by one sentence so an answer that straddles a cut is whole in one passage.
    first = last > first ? last : last + 1;
  }
  return passages;
}
