import { latexToUnicode } from "../display/latex.ts";
import type { TextSegment } from "../types.ts";

/** Inline or display math as summaries write it: `$...$` or `$$...$$`. */
const MATH_SPAN = /\$\$[\s\S]+?\$\$|\$[^$\n]+?\$/g;
/** Markdown emphasis markers; chat shows the question's terms in bold, and only those. */
const MARKDOWN_STRONG = /\*\*|__(?=\S)|(?<=\S)__/g;
/** A Markdown link, shown as its text and address so every platform can link the address. */
const MARKDOWN_LINK = /\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;

/** Summary text as chat shows it: Markdown marks dropped, links spelled out, LaTeX as Unicode. */
export function readableText(text: string): string {
  return latexToUnicode(text.replace(MARKDOWN_LINK, "$1 ($2)").replace(MARKDOWN_STRONG, ""));
}

/**
 * Highlighted runs made readable. A highlight inside a formula is dropped first, so each formula
 * lies whole in one plain run and converts as a unit; highlighted words apart only by spaces
 * join into one run, so "out-of-distribution actions" reads as one bold phrase.
 */
export function readableSegments(segments: readonly TextSegment[]): TextSegment[] {
  const text = segments.map((s) => s.text).join("");
  const math = [...text.matchAll(MATH_SPAN)].map((m) => [m.index, m.index + m[0].length]);
  const marked: TextSegment[] = [];
  let offset = 0;
  for (const segment of segments) {
    const start = offset;
    offset += segment.text.length;
    const inMath = math.some(([from = 0, to = 0]) => start < to && offset > from);
    marked.push({ text: segment.text, highlight: segment.highlight && !inMath });
  }
  const merged: TextSegment[] = [];
  marked.forEach((segment, i) => {
    const between = !segment.highlight && /^[ \t]+$/.test(segment.text);
    const highlight =
      segment.highlight || (between && !!marked[i - 1]?.highlight && !!marked[i + 1]?.highlight);
    const last = merged.at(-1);
    if (last && last.highlight === highlight) last.text += segment.text;
    else merged.push({ text: segment.text, highlight });
  });
  return merged
    .map((s) => ({ text: readableText(s.text), highlight: s.highlight }))
    .filter((s) => s.text.length > 0);
}
