/**
 * One value as one line of JSON, safe for every line reader: what `--json` commands print, one
 * object a line, so other tools can read them line by line.
 */

/**
 * Characters JSON leaves raw that still break or reorder a line somewhere: U+0085, U+2028 and
 * U+2029 end a line for some line readers (Python's `splitlines`), and the bidirectional
 * formatting characters reorder a terminal's display. Written as `\uXXXX`, the value is the same.
 */
const JSON_UNSAFE = /[\u0085\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `value` as JSON on a single line, whatever its strings hold: JSON escapes control characters,
 * and {@link JSON_UNSAFE} the rest.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(
    JSON_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
