/** A figure link found in a summary. */
export interface FigureSpan {
  /** The image URL. */
  url: string;
  /** Offset where the link (bare URL or Markdown image) starts. */
  start: number;
  /** Offset just past the link. */
  end: number;
}

/** An image a summary writes, Markdown or HTML, wherever its file is. */
export interface ImageSpan {
  /** Its address as written: a web address, a file beside the notes, or "" when it has none. */
  address: string;
  /** Offset where the image starts. */
  start: number;
  /** Offset just past it. */
  end: number;
}

/**
 * A Markdown image, its address in group 1 (a title may follow it: `![x](a.png "Formula")`), or
 * an HTML one (notes kept on GitHub size figures with `<img width=...>`), its address read by
 * {@link IMAGE_SOURCE}.
 */
const IMAGE = /!\[[^\]\n]*\]\(\s*<?([^\s)>]*)>?[^)\n]*\)|<img\b[^>]*>/gi;
const IMAGE_SOURCE = /\bsrc\s*=\s*["']?\s*([^"'\s>]*)/i;
const WEB_ADDRESS = /^https?:\/\//i;
/** A bare image URL written as text (imgur pages count: the exports link figures that way). */
const BARE_FIGURE =
  /https?:\/\/(?:i\.)?imgur\.com\/[^\s)\]]+|https?:\/\/[^\s)\]]+\.(?:png|jpe?g|gif|webp)/gi;

/** Finds the images of a summary, Markdown and HTML, in order, with their offsets. */
export function findImages(text: string): ImageSpan[] {
  return [...text.matchAll(IMAGE)].map((match) => ({
    address: match[1] ?? IMAGE_SOURCE.exec(match[0])?.[1] ?? "",
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** True for an image address on the web, which a chat message can show. */
export function isWebAddress(address: string): boolean {
  return WEB_ADDRESS.test(address);
}

/**
 * Finds the figure links of a summary, in order, with their offsets: its images with web
 * addresses, and bare image URLs outside them. An image saved beside the notes is no figure a
 * chat can show (see `withoutNoteFurniture`).
 */
export function findFigures(text: string): FigureSpan[] {
  const images = findImages(text);
  const spans: FigureSpan[] = images
    .filter((image) => isWebAddress(image.address))
    .map(({ address, start, end }) => ({ url: address, start, end }));
  for (const match of text.matchAll(BARE_FIGURE)) {
    const start = match.index;
    if (images.some((image) => start >= image.start && start < image.end)) continue;
    spans.push({ url: match[0], start, end: start + match[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}
