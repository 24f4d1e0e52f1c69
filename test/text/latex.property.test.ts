import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latexToUnicode } from "../../src/text/latex.ts";
import { trickyText, withinBudget } from "../helpers/generatedText.ts";

/** LaTeX-heavy text: commands, groups, scripts and dollars in any order, some unclosed. */
const latexish = fc
  .array(
    fc.constantFrom(
      "$",
      "$$",
      "\\$",
      "\\frac{",
      "\\frac{a}{b}",
      "\\sqrt{",
      "\\mathbb{R}",
      "\\mathcal",
      "\\alpha",
      "\\hat{x}",
      "\\left(",
      "\\right)",
      "\\text{",
      "\\begin{align}",
      "\\end{align}",
      "{",
      "}",
      "_",
      "^",
      "_{i=1}",
      "^{N}",
      "x",
      "1",
      " ",
      "\n",
      "`",
      "``",
      "\\",
      "\\\\",
      "https://example.com/$x$",
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("latexToUnicode (generated text)", () => {
  it("never throws and takes bounded time, on long and unbalanced input too", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          latexish,
          trickyText(60),
          latexish.map((t) => t.repeat(200)),
        ),
        (text) => {
          const shown = withinBudget(() => latexToUnicode(text));
          expect(typeof shown).toBe("string");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("leaves text without backslashes, dollars or backticks as it is", () => {
    fc.assert(
      fc.property(trickyText(60), (raw) => {
        const text = raw.replace(/[\\$`]/g, "");
        expect(latexToUnicode(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
