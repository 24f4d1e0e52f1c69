/**
 * Text made safe to show on a terminal. Control characters (C0 but tab and newline, DEL, C1)
 * start escape sequences that clear the screen, move the cursor or retitle the window, and a
 * carriage return overwrites the line; Unicode's bidirectional formatting characters (UAX #9,
 * https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters) reorder what
 * is shown, so that `\u202E` makes "txt.exe" read "exe.txt". Letters of right-to-left scripts
 * are kept: only the invisible formatting characters go.
 */

const CONTROL = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f";
const BIDI = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
const UNSAFE = new RegExp(`[${CONTROL}${BIDI}]`, "g");
/** Bold on and off (SGR 1 and 22): the only escape sequences paperbot itself writes. */
const BOLD = "\\u001b\\[(?:1|22)m";
const UNSAFE_BUT_BOLD = new RegExp(`(${BOLD})|[${CONTROL}${BIDI}]`, "g");

/** `text` without control and bidirectional formatting characters (tab and newline stay). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, "");
}

/**
 * Like {@link terminalSafe}, but keeps the bold on/off sequences paperbot's own highlighting
 * writes, for output that went through it. Input from people is cleaned with
 * {@link terminalSafe} first, so they can not smuggle one in.
 */
export function terminalSafeOutput(text: string): string {
  return text.replace(UNSAFE_BUT_BOLD, (_match, bold: string | undefined) => bold ?? "");
}
