/**
 * Cuts text to at most `limit` characters, on a word boundary where there is one, marking the cut
 * with "…". Text that fits is returned as it is.
 */
export function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(" ", limit - 1);
  // A single very long word (a URL, a formula) is cut where it must be.
  const cut = space > 0 ? space : limit - 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}
