import { describe, expect, it } from "vitest";
import { escapeRegExp } from "../../src/text/escapeRegExp.ts";

describe("escapeRegExp", () => {
  it("matches a name with a regular expression's special characters as written", () => {
    for (const name of ["C++", "t-SNE (v2)", "a.b*c?", "[CLS]", "x^2 | y", "$\\alpha$"]) {
      expect(new RegExp(`^${escapeRegExp(name)}$`).test(name), name).toBe(true);
    }
    expect(new RegExp(escapeRegExp("a.c")).test("abc")).toBe(false);
  });
});
