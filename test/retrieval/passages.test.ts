import { describe, expect, it } from "vitest";
import { splitPassages } from "../../src/retrieval/passages.ts";

const options = { minChars: 20, maxSentences: 2, maxChars: 200 };

describe("splitPassages", () => {
  it("cuts overlapping passages: each shares its last sentence with the next", () => {
    const passages = splitPassages(
      "p",
      "One is here. Two is here. Three is here. Four is here.",
      0,
      options,
    );
    expect(passages.map((p) => p.text)).toEqual([
      "One is here. Two is here.",
      "Two is here. Three is here.",
      "Three is here. Four is here.",
    ]);
    expect(passages.map((p) => p.id)).toEqual([0, 1, 2]);
  });

  it("numbers passages from the given first id", () => {
    expect(splitPassages("p", "One is here. Two is here.", 7, options)[0]?.id).toBe(7);
  });

  it("gives a passage the figure inside it", () => {
    const [first] = splitPassages(
      "p",
      "Look at this: https://i.imgur.com/a.png It shows it. Then more.",
      0,
      options,
    );
    expect(first?.text).toBe("Look at this: It shows it.");
    expect(first?.figures).toEqual(["https://i.imgur.com/a.png"]);
  });

  it("gives a passage without a figure the nearest one after it", () => {
    const summary = "Alpha one. Beta two. Gamma three. https://i.imgur.com/b.png Delta four.";
    const [first] = splitPassages("p", summary, 0, options);
    expect(first?.text).toBe("Alpha one. Beta two.");
    expect(first?.figures).toEqual(["https://i.imgur.com/b.png"]);
  });

  it("falls back to the nearest figure before it at the end of a summary", () => {
    const summary = "Alpha one. https://i.imgur.com/c.png Beta two. Gamma three. Delta four.";
    const passages = splitPassages("p", summary, 0, options);
    expect(passages.at(-1)?.figures).toEqual(["https://i.imgur.com/c.png"]);
  });

  it("has no figures for a summary without any", () => {
    expect(splitPassages("p", "No figure. None at all.", 0, options)[0]?.figures).toEqual([]);
  });
});
