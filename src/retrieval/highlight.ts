import { findWords, processTerm, wordPieces } from "../text/terms.ts";
import type { TextSegment } from "../types.ts";

/**
 * Splits `text` into runs, marking each word whose index term is in `terms` (a compound such as
 * "out-of-distribution" is marked whole when any of its parts matched).
 */
export function highlightTerms(text: string, terms: ReadonlySet<string>): TextSegment[] {
  const segments: TextSegment[] = [];
  const push = (piece: string, highlight: boolean): void => {
    if (piece.length === 0) return;
    const last = segments.at(-1);
    if (last && last.highlight === highlight) last.text += piece;
    else segments.push({ text: piece, highlight });
  };
  let cursor = 0;
  for (const span of findWords(text)) {
    const hit = wordPieces(span.word).some((piece) =>
      processTerm(piece).some((term) => terms.has(term)),
    );
    if (!hit) continue;
    push(text.slice(cursor, span.start), false);
    push(text.slice(span.start, span.end), true);
    cursor = span.end;
  }
  push(text.slice(cursor), false);
  return segments;
}

/** Joins runs back into plain text, dropping the marks. */
export function plainText(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.text).join("");
}
