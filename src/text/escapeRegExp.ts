/** `text` with the characters a regular expression treats specially escaped, to match as written. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
