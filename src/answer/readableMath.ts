import { latexToUnicode } from "../text/latex.ts";
import type { TextSegment } from "../types.ts";

/** Inline or display math as summaries write it: `$...$` or `$$...$$`. */
const MATH_SPAN = /\$\$[\s\S]+?\$\$|\$[^$\n]+?\$/g;

/** A summary's text with its LaTeX shown as readable Unicode, as chat shows it. */
export function readableText(text: string): string {
  return latexToUnicode(text);
}

/**
 * Highlighted runs with their LaTeX made readable. A highlight inside a formula is dropped first,
 * so each formula lies whole in one plain run and converts as a unit.
 */
export function readableSegments(segments: readonly TextSegment[]): TextSegment[] {
  const text = segments.map((s) => s.text).join("");
  const math = [...text.matchAll(MATH_SPAN)].map((m) => [m.index, m.index + m[0].length]);
  const merged: TextSegment[] = [];
  let offset = 0;
  for (const segment of segments) {
    const start = offset;
    offset += segment.text.length;
    const inMath = math.some(([from = 0, to = 0]) => start < to && offset > from);
    const highlight = segment.highlight && !inMath;
    const last = merged.at(-1);
    if (last && last.highlight === highlight) last.text += segment.text;
    else merged.push({ text: segment.text, highlight });
  }
  return merged.map((s) => ({ text: latexToUnicode(s.text), highlight: s.highlight }));
}
