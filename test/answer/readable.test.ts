import { describe, expect, it } from "vitest";
import { readableSegments, readableText } from "../../src/answer/readable.ts";

describe("readableText", () => {
  it("drops Markdown bold, spells out links and turns LaTeX into Unicode", () => {
    expect(readableText("**Theory:** see [the blog](https://example.com/a) on $\\pi_b$")).toBe(
      "Theory: see the blog (https://example.com/a) on π_b",
    );
  });
});

describe("readableSegments", () => {
  it("joins highlighted words apart only by spaces into one run", () => {
    const segments = readableSegments([
      { text: "avoid ", highlight: false },
      { text: "out-of-distribution", highlight: true },
      { text: " ", highlight: false },
      { text: "actions", highlight: true },
      { text: ". Then", highlight: false },
    ]);
    expect(segments).toEqual([
      { text: "avoid ", highlight: false },
      { text: "out-of-distribution actions", highlight: true },
      { text: ". Then", highlight: false },
    ]);
  });

  it("drops a highlight inside a formula so the formula converts whole", () => {
    const segments = readableSegments([
      { text: "the $\\max_{", highlight: false },
      { text: "policy", highlight: true },
      { text: "} Q$ value", highlight: false },
    ]);
    expect(segments).toEqual([{ text: "the max_(policy) Q value", highlight: false }]);
  });
});
