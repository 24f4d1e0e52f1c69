import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutInlineHtml } from "../../src/corpus/inlineHtml.ts";

describe("withoutInlineHtml", () => {
  it("reads entities, line breaks, scripts and formatting tags as the text they show", () => {
    expect(withoutInlineHtml("- loss &lt; 0.1 &amp; acc &gt; 90%<br>on CIFAR")).toBe(
      "- loss < 0.1 & acc > 90% on CIFAR",
    );
    expect(withoutInlineHtml("x<sub>t</sub> and e<sup>2</sup>, &#8594; &#x2192; &rarr;")).toBe(
      "x_t and e^2, → → →",
    );
    expect(withoutInlineHtml('<p align="center"><b>Key</b> idea</p>')).toBe("Key idea");
  });

  it("drops comments and keeps a table row on its line", () => {
    expect(withoutInlineHtml("<!-- template v2 -->\n| a<br/>b | 1 |")).toBe("\n| a b | 1 |");
  });

  it("leaves a formula's signs, placeholders, images and unknown entities as written", () => {
    for (const text of [
      "if a < b and c > d",
      "prompt: a photo of a <label>",
      '<img src="https://example.org/fig.png" width="400">',
      "AT&T &unknown; &#0;",
    ]) {
      expect(withoutInlineHtml(text)).toBe(text);
    }
  });

  it("never throws and never lengthens a summary with no entity in it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const read = withoutInlineHtml(text);
        if (!text.includes("&")) expect(read.length).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});
