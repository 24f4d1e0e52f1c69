import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRequest } from "../../src/answer/grammar.ts";

/** A word in any mix of upper and lower case. */
function anyCase(word: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));
}

const space = fc.constantFrom("", " ", "  ", "\t", "\n ");
const prefix = fc.constantFrom("", "/paper ", "/PAPER  ", "/Paper\t");
const ending = fc.constantFrom("", ".", "!", "?", "!?", "...");

describe("parseRequest (properties)", () => {
  it("reads every keyword whatever its case, spacing, /paper prefix or final punctuation", () => {
    const forms = fc
      .constantFrom(
        ["help", { kind: "help" }] as const,
        ["list", { kind: "list" }] as const,
        ["random", { kind: "random" }] as const,
        ["digest", { kind: "digest", action: "preview" }] as const,
        ["digest subscribe", { kind: "digest", action: "subscribe" }] as const,
        ["digest unsubscribe", { kind: "digest", action: "unsubscribe" }] as const,
      )
      .chain(([word, parsed]) => anyCase(word).map((typed) => [typed, parsed] as const));
    fc.assert(
      fc.property(forms, prefix, space, space, ending, ([typed, parsed], p, before, after, end) => {
        const text = `${before}${p}${typed.replace(" ", " \t ")}${end}${after}`;
        expect(parseRequest(text)).toEqual(parsed);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws, and a query is the trimmed text without /paper, never empty", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), prefix, (text, p) => {
        const parsed = parseRequest(p + text);
        expect(["help", "list", "random", "digest", "query"]).toContain(parsed.kind);
        if (parsed.kind === "query") {
          expect(parsed.text).toBe(parsed.text.trim());
          expect(parsed.text).not.toBe("");
          expect((p + text).includes(parsed.text)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("reads a request the same with or without a leading /paper", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        fc.pre(!/^\s*\/paper\b/i.test(text));
        expect(parseRequest(`/paper ${text}`)).toEqual(parseRequest(text));
      }),
      { numRuns: 1000 },
    );
  });
});
