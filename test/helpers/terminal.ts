/** Bidirectional formatting characters (UAX #9). */
const BIDI = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/** Whether a character must not reach a terminal: a control (but tab and newline) or bidi. */
export function isUnsafeForTerminal(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    BIDI.has(code)
  );
}

/** The characters of `text` that must not reach a terminal, for a test to expect none. */
export function unsafeForTerminal(text: string): string[] {
  return [...text].filter(isUnsafeForTerminal);
}
