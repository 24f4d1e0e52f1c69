/** A figure link found in a summary. */
export interface FigureSpan {
  /** The image URL. */
  url: string;
  /** Offset where the link (bare URL or Markdown image) starts. */
  start: number;
  /** Offset just past the link. */
  end: number;
}

// A Markdown image, an HTML one (notes kept on GitHub size figures with `<img width=...>`), or a
// bare image URL (imgur pages count: the exports link figures that way).
const FIGURE_PATTERN =
  /!\[[^\]]*\]\((https?:\/\/[^\s)]+)\)|<img\b[^>]*?\bsrc\s*=\s*["']?(https?:\/\/[^"'\s>]+)["']?[^>]*>|(https?:\/\/(?:i\.)?imgur\.com\/[^\s)\]]+|https?:\/\/[^\s)\]]+\.(?:png|jpe?g|gif|webp))/gi;

/** Finds the figure links of a summary, in order, with their offsets. */
export function findFigures(text: string): FigureSpan[] {
  const spans: FigureSpan[] = [];
  for (const match of text.matchAll(FIGURE_PATTERN)) {
    const url = match[1] ?? match[2] ?? match[3];
    if (url === undefined) continue;
    // An empty Markdown image "![]()" has no URL and matches neither group.
    spans.push({ url, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
