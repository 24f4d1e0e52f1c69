import { describe, expect, it } from "vitest";
import { findFigures, findImages } from "../../src/text/figures.ts";

describe("findImages", () => {
  it("reads the address of Markdown and HTML images, wherever the file is", () => {
    const text = [
      '![Formula](images/formula.jpg?raw=true "Formula")',
      '<img src="images/results.png" width="500">',
      "<img width=400 src= 'https://example.org/curves.png'>",
      "![plot](https://i.imgur.com/a.png)",
      "<img alt=none>",
    ].join("\n");
    expect(findImages(text).map((image) => image.address)).toEqual([
      "images/formula.jpg?raw=true",
      "images/results.png",
      "https://example.org/curves.png",
      "https://i.imgur.com/a.png",
      "",
    ]);
  });

  it("gives each image's offsets", () => {
    const text = "before ![a](b.png) after";
    const [image] = findImages(text);
    expect(text.slice(image?.start, image?.end)).toBe("![a](b.png)");
  });
});

describe("findFigures", () => {
  it("keeps web images and bare image links, in order, and no file beside the notes", () => {
    const text = [
      "See https://i.imgur.com/first.png for the setup.",
      "![local](images/plot.png)",
      '<img src="https://example.org/second.png" width="300">',
      '![titled](https://example.org/third.png "Figure 3")',
      "and https://example.org/fourth.jpg",
    ].join("\n");
    expect(findFigures(text).map((figure) => figure.url)).toEqual([
      "https://i.imgur.com/first.png",
      "https://example.org/second.png",
      "https://example.org/third.png",
      "https://example.org/fourth.jpg",
    ]);
  });

  it("reads a web image's address once, not again as a bare link", () => {
    const text = '<img src="https://example.org/a.png"> ![b](https://i.imgur.com/b.png)';
    expect(findFigures(text)).toEqual([
      { url: "https://example.org/a.png", start: 0, end: 37 },
      { url: "https://i.imgur.com/b.png", start: 38, end: 69 },
    ]);
  });

  it("finds nothing in an empty image or plain text", () => {
    expect(findFigures("![]() no figure here, see http://example.org/page")).toEqual([]);
  });
});
