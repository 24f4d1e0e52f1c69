/**
 * Fitting text into Discord's character limits. The limits count the markdown sent (escapes and
 * `**` included), so text is cut as plain words and rendered again until it fits: a cut never
 * lands inside an escape, a bold run or a link.
 */
import type { TextSegment } from "../../src/types.ts";
import { bold, escapeMarkdown, escapeWithCode } from "./markdown.ts";

const ELLIPSIS = "…";

/** The first `length` characters of the segments, cut back to the last whole word. */
function headOf(segments: readonly TextSegment[], length: number): TextSegment[] {
  const plain = segments.map((s) => s.text).join("");
  let end = length;
  if (end < plain.length) {
    const space = plain.lastIndexOf(" ", end);
    // A single very long word (a URL, a formula) is cut where it must be.
    if (space > 0) end = space;
  }
  const head: TextSegment[] = [];
  let at = 0;
  for (const segment of segments) {
    if (at >= end) break;
    head.push({ ...segment, text: segment.text.slice(0, end - at) });
    at += segment.text.length;
  }
  const last = head.at(-1);
  if (last) last.text = last.text.trimEnd();
  return head.filter((s) => s.text !== "");
}

/** Escaped markdown of the segments, highlighted runs in bold. */
export function renderSegments(segments: readonly TextSegment[]): string {
  return segments
    .map((s) => (s.highlight ? bold(escapeMarkdown(s.text)) : escapeMarkdown(s.text)))
    .join("");
}

/**
 * Renders the segments as escaped markdown of at most `max` characters: whole when they fit,
 * else the longest run of whole words that fits, marked with "…".
 */
export function fitSegments(segments: readonly TextSegment[], max: number): string {
  const whole = renderSegments(segments);
  if (whole.length <= max) return whole;
  if (max <= ELLIPSIS.length) return "";
  const plainLength = segments.reduce((n, s) => n + s.text.length, 0);
  // Rendering only grows text, so the longest plain head that fits is found by bisection.
  let low = 0;
  let high = plainLength;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (renderSegments(headOf(segments, mid)).length + ELLIPSIS.length <= max) low = mid;
    else high = mid - 1;
  }
  const head = renderSegments(headOf(segments, low));
  return head ? `${head}${ELLIPSIS}` : "";
}

/** Escaped markdown of plain text, cut at a word to at most `max` characters. */
export function fitText(text: string, max: number): string {
  return fitSegments([{ text, highlight: false }], max);
}

/**
 * Our own message with commands in backticks, as markdown of at most `max` characters: commands
 * as inline code when it fits whole, else cut as plain text (a cut inside a code span would show
 * a stray backtick's worth of code).
 */
export function fitWithCode(text: string, max: number): string {
  const whole = escapeWithCode(text);
  return whole.length <= max ? whole : fitText(text, max);
}

/** Plain text (a footer, a thread name: no markdown there) cut at a word to `max` characters. */
export function fitPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max - ELLIPSIS.length);
  const cut = space > max / 2 ? space : max - ELLIPSIS.length;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * As many whole lines as fit in `max` characters joined by newlines, and how many were left out.
 * A line is never split: a half link or a half list item reads worse than one fewer.
 */
export function packLines(lines: readonly string[], max: number): { text: string; left: number } {
  let text = "";
  let taken = 0;
  for (const line of lines) {
    const next = text ? `${text}\n${line}` : line;
    if (next.length > max) break;
    text = next;
    taken += 1;
  }
  return { text, left: lines.length - taken };
}
